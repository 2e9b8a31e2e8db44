import { expect } from '@open-wc/testing';
import { connectedElsewhere, tokenIdentity } from './other-tab.js';
import { roomInfo } from '../test/helpers.js';

const b64url = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (payload: object) => `${b64url('{"alg":"HS256"}')}.${b64url(JSON.stringify(payload))}.sig`;

describe('other tab', () => {
  it('reads the identity of a LiveKit token (base64url, unpadded, UTF-8)', () => {
    expect(tokenIdentity(jwt({ sub: 'alice', name: 'Zoé ✓', video: { room: 'r' } }))).to.equal('alice');
    expect(tokenIdentity(jwt({ sub: 'a?b>c~' }))).to.equal('a?b>c~');
    expect(tokenIdentity('not-a-jwt')).to.equal(undefined);
    expect(tokenIdentity('a.%%%.c')).to.equal(undefined);
    expect(tokenIdentity(jwt({ name: 'no sub' }))).to.equal(undefined);
  });

  it('we are connected elsewhere when our identity is in the room’s presence', () => {
    const token = jwt({ sub: 'bob' });
    expect(connectedElsewhere({ token, room: roomInfo({ connected: [{ identity: 'alice', name: 'Alice' }] }) })).to.equal(false);
    expect(connectedElsewhere({ token, room: roomInfo({ connected: [{ identity: 'alice', name: 'A' }, { identity: 'bob', name: 'Bob' }] }) })).to.equal(true);
    // The service's answer from the SFU, before any webhook told the presence.
    expect(connectedElsewhere({ token: 'opaque', room: roomInfo(), connected_elsewhere: true })).to.equal(true);
  });
});
