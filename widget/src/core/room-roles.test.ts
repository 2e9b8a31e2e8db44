import { expect } from '@open-wc/testing';
import { isRoomHost, mayActOn, roleMark } from './room-roles.js';
import { roomInfo } from '../test/helpers.js';

describe('room roles (from the Room view only)', () => {
  const info = roomInfo({ created_by: 'alice', participants: ['alice', 'bob', 'carol'], co_hosts: ['carol'] });

  it('the creator and the co-hosts host the call; invited participants and guests do not', () => {
    expect(['alice', 'carol', 'bob', 'dave', ''].map((id) => isRoomHost(info, id))).to.deep.equal([true, true, false, false, false]);
    // A service without co-hosts yet: the creator alone.
    const { co_hosts: _omitted, ...old } = info as typeof info & { co_hosts?: string[] };
    expect(isRoomHost(old, 'carol')).to.equal(false);
    expect(isRoomHost(old, 'alice')).to.equal(true);
  });

  it('marks: host (creator), co-host, guest (neither creator nor invited), none for invited participants', () => {
    expect(['alice', 'carol', 'bob', 'dave'].map((id) => roleMark(info, id))).to.deep.equal(['host', 'co-host', undefined, 'guest']);
    // A co-host who came by an invite link is marked co-host (the stronger role).
    expect(roleMark(roomInfo({ created_by: 'alice', participants: ['alice'], co_hosts: ['erin'] }), 'erin')).to.equal('co-host');
  });

  it('a co-host acts on everyone but the creator and themselves; the creator on everyone else; others on nobody', () => {
    expect(['bob', 'dave', 'alice', 'carol'].map((id) => mayActOn(info, 'carol', id))).to.deep.equal([true, true, false, false]);
    expect(['bob', 'carol', 'alice'].map((id) => mayActOn(info, 'alice', id))).to.deep.equal([true, true, false]);
    expect(mayActOn(info, 'bob', 'dave')).to.equal(false);
  });
});
