import { expect, oneEvent } from '@open-wc/testing';
import './urbania-meeting.js';
import type { UrbaniaMeeting } from './urbania-meeting.component.js';
import { deepQuery, joinResponse, roomInfo, stubFetch, waitFor, type FetchStub } from '../test/helpers.js';
import { STORAGE_KEY } from '../core/user-choices.js';
import { FakeParticipant, lastRoom } from '../test/fake-livekit.js';
import { codeOf, joinOnFakeLiveKit } from '../test/meeting-in-call.js';
import { RoomEvent } from 'livekit-client';

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** An element in room `r1` on a fake livekit Room. */
async function inCall(lang = 'fr'): Promise<UrbaniaMeeting> {
  const { el, joined } = joinOnFakeLiveKit({ lang });
  await joined;
  await waitFor(() => deepQuery(el, '[part="hand-toggle"]'), 3000, 'hand toggle');
  return el;
}

describe('<urbania-meeting>: raised hands', () => {
  let stub: FetchStub | undefined;
  beforeEach(() => { localStorage.removeItem(STORAGE_KEY); });
  afterEach(() => { stub?.restore(); stub = undefined; });

  const joinAs = (createdBy: string) => ({ method: 'POST' as const, path: '/api/livekit/rooms/r1/join', status: 200, body: joinResponse(roomInfo({ room_name: 'r1', created_by: createdBy })) });

  it('raiseHand()/lowerHand() outside a call reject with not_in_call, localized', async () => {
    const el = document.createElement('urbania-meeting');
    el.lang = 'en';
    document.body.append(el);
    try {
      expect(await codeOf(el.raiseHand())).to.deep.equal({ code: 'not_in_call', message: 'You are not in a call.' });
      expect((await codeOf(el.lowerHand())).code).to.equal('not_in_call');
      expect((await codeOf(el.lowerHand('bob'))).code).to.equal('not_in_call');
    } finally {
      el.remove();
    }
  });

  it('raiseHand() sets our handRaisedAt attribute, fires urbania-hand-raised (bubbles, composed) and announces it; lowerHand() and the toggle lower it', async () => {
    stub = stubFetch([joinAs('alice')]);
    const el = await inCall();
    try {
      const raised = oneEvent(document.body, 'urbania-hand-raised');
      await el.raiseHand();
      const ev = await raised;
      expect(ev.detail).to.deep.equal({ identity: 'me' });
      expect(ev.bubbles && ev.composed).to.equal(true);
      expect(lastRoom!.localParticipant.attributes['handRaisedAt']).to.match(/^\d{4}-\d\d-\d\dT.*Z$/);
      await waitFor(() => deepQuery(el, '[part="hand-toggle"][aria-pressed="true"]'), 2000, 'pressed toggle');
      await waitFor(() => text(deepQuery(el, '[part="announcer"]')) === 'Vous avez levé la main', 2000, 'announcement');
      await waitFor(() => deepQuery(el, '[part="tile"][data-identity="me"] [part="tile-hand"]'), 2000, 'tile badge');

      const lowered = oneEvent(el, 'urbania-hand-lowered');
      deepQuery<HTMLButtonElement>(el, '[part="hand-toggle"]')!.click();
      expect((await lowered).detail).to.deep.equal({ identity: 'me' });
      expect(lastRoom!.localParticipant.attributes).to.deep.equal({});
      await waitFor(() => text(deepQuery(el, '[part="announcer"]')) === 'Votre main est baissée', 2000, 'lowered announcement');
      // Not the host: lowering someone else's hand is refused by the service (403 → host_only), nothing shown.
      stub.restore();
      stub = stubFetch([{ method: 'POST', path: '/api/livekit/rooms/r1/participants/bob/lower-hand', status: 403, body: { error: { code: 'forbidden', message: 'Only the host' } } }]);
      expect(await codeOf(el.lowerHand('bob'))).to.deep.equal({ code: 'host_only', message: 'Seul l’hôte de l’appel peut faire cela.' });
      expect(deepQuery(el, '[part="error"]')).to.equal(null);
    } finally {
      el.remove();
    }
  });

  it('a remote hand: event, announcement, tile badge, panel entry; the host lowers it through the service', async () => {
    stub = stubFetch([joinAs('me'), { method: 'POST', path: '/api/livekit/rooms/r1/participants/bob/lower-hand', status: 200, body: { room_name: 'r1', identity: 'bob', hand_raised: false } }]);
    const el = await inCall('en');
    try {
      const bob = new FakeParticipant('bob', 'Bob Dupont');
      lastRoom!.remoteParticipants.set('bob', bob);
      lastRoom!.emit(RoomEvent.ParticipantConnected, bob);
      const raised = oneEvent(el, 'urbania-hand-raised');
      lastRoom!.setRemoteAttributes('bob', { handRaisedAt: new Date().toISOString() });
      expect((await raised).detail).to.deep.equal({ identity: 'bob' });
      await waitFor(() => text(deepQuery(el, '[part="announcer"]')) === 'Bob Dupont raised their hand', 2000, 'announcement');
      await waitFor(() => deepQuery(el, '[part="tile"][data-identity="bob"] [part="tile-hand"][data-position="1"]'), 2000, 'tile badge');
      deepQuery<HTMLButtonElement>(el, '[part="people-toggle"]')!.click();
      const button = await waitFor(() => deepQuery<HTMLButtonElement>(el, '[part="raised-hand"][data-identity="bob"] [part="lower-hand-button"]'), 2000, 'lower button');
      expect(text(button)).to.equal('Lower Bob Dupont’s hand');
      button!.click();
      await waitFor(() => stub!.calls.some((c) => c.method === 'POST' && c.url.endsWith('/rooms/r1/participants/bob/lower-hand')), 2000, 'service call');
      // The SFU then tells every page; here the fake room does.
      const lowered = oneEvent(el, 'urbania-hand-lowered');
      lastRoom!.setRemoteAttributes('bob', { handRaisedAt: '' });
      expect((await lowered).detail).to.deep.equal({ identity: 'bob' });
      await waitFor(() => !deepQuery(el, '[part="raised-hand"]'), 2000, 'hand gone from the panel');
      await el.lowerHand('bob');
      expect(stub.calls.filter((c) => c.url.endsWith('/lower-hand'))).to.have.length(2);
    } finally {
      el.remove();
    }
  });
});
