import { expect } from '@open-wc/testing';
import './urbania-meeting.js';
import type { UrbaniaMeeting } from './urbania-meeting.component.js';
import { axeViolations, deepQuery, joinResponse, roomInfo, stubFetch, waitFor, type FakeRoute, type FetchStub } from '../test/helpers.js';
import { STORAGE_KEY } from '../core/user-choices.js';
import { FakeParticipant, lastRoom } from '../test/fake-livekit.js';
import { joinOnFakeLiveKit } from '../test/meeting-in-call.js';
import { RoomEvent } from 'livekit-client';
import type { RoomInfo } from '../core/service-client.js';

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const codeOf = async (p: Promise<unknown>) => {
  try { await p; return 'resolved'; } catch (e) { return (e as { code: string }).code; }
};
const rolesPacket = () => new TextEncoder().encode(JSON.stringify({ type: 'roles' }));

/** An element in room `r1` on a fake livekit Room (we are `me`), with `alice` and `guest` (not invited) in the call. */
async function inCall(lang: string): Promise<UrbaniaMeeting> {
  const { el, joined } = joinOnFakeLiveKit({ lang });
  await joined;
  await waitFor(() => deepQuery(el, '[part="people-toggle"]'), 3000, 'people toggle');
  for (const [id, name] of [['alice', 'Alice Martin'], ['bob', 'Bob Dupont'], ['guest', 'Gaston Invité']] as const) {
    const p = new FakeParticipant(id, name);
    lastRoom!.remoteParticipants.set(id, p);
    lastRoom!.emit(RoomEvent.ParticipantConnected, p);
  }
  deepQuery<HTMLButtonElement>(el, '[part="people-toggle"]')!.click();
  await waitFor(() => deepQuery(el, '[part="participant"][data-identity="guest"]'), 2000, 'panel');
  return el;
}

const mark = (el: Element, identity: string) => deepQuery(el, `[part="participant"][data-identity="${identity}"] [part="participant-role"]`);

describe('<urbania-meeting>: who is who (marks, co-hosts, roles refreshed live)', () => {
  let stub: FetchStub | undefined;
  beforeEach(() => { localStorage.removeItem(STORAGE_KEY); });
  afterEach(() => { stub?.restore(); stub = undefined; });

  it('makeCoHost()/removeCoHost() outside a call reject with not_in_call', async () => {
    const el = document.createElement('urbania-meeting');
    document.body.append(el);
    try {
      expect(await codeOf(el.makeCoHost('bob'))).to.equal('not_in_call');
      expect(await codeOf(el.removeCoHost('bob'))).to.equal('not_in_call');
    } finally {
      el.remove();
    }
  });

  it('someone joining does not refetch the room (only the server\'s roles packet does)', async () => {
    const info = roomInfo({ room_name: 'r1', created_by: 'alice', participants: ['alice', 'me', 'bob'], co_hosts: [] });
    stub = stubFetch([
      { method: 'POST', path: '/api/livekit/rooms/r1/join', status: 200, body: joinResponse(info) },
      { method: 'GET', path: '/api/livekit/rooms/r1', status: 200, body: info },
    ]);
    const el = await inCall('fr');
    const roomGets = () => stub!.calls.filter((c) => c.method === 'GET' && c.url.endsWith('/rooms/r1')).length;
    try {
      const before = roomGets();
      const p = new FakeParticipant('late', 'Léa Tardive');
      lastRoom!.remoteParticipants.set('late', p);
      lastRoom!.emit(RoomEvent.ParticipantConnected, p);
      // Longer than the refresh's debounce (250 ms): three joins in inCall() and this one asked nothing.
      await new Promise((r) => setTimeout(r, 600));
      expect(roomGets(), 'GET /rooms/r1 after joins').to.equal(before);
      lastRoom!.emit(RoomEvent.DataReceived, rolesPacket(), undefined, undefined, 'urbania.room');
      await waitFor(() => roomGets() === before + 1, 2000, 'refetch on the roles packet');
    } finally {
      el.remove();
    }
  });

  it('marks the host and the guest (text with a tooltip); a roles packet from the server makes us co-host without rejoining, a forged one does not', async () => {
    const info = (coHosts: string[]): RoomInfo => roomInfo({ room_name: 'r1', created_by: 'alice', participants: ['alice', 'me', 'bob'], waiting_room: true, co_hosts: coHosts });
    const room: FakeRoute = { method: 'GET', path: '/api/livekit/rooms/r1', status: 200, body: info([]) };
    stub = stubFetch([
      { method: 'POST', path: '/api/livekit/rooms/r1/join', status: 200, body: joinResponse(info([])) },
      room,
      { method: 'GET', path: '/api/livekit/rooms/r1/knocks', status: 200, body: { room_name: 'r1', knocks: [] } },
    ]);
    const el = await inCall('fr');
    try {
      expect(text(mark(el, 'alice'))).to.equal('hôte');
      expect(mark(el, 'alice')!.getAttribute('data-role')).to.equal('host');
      expect(text(mark(el, 'guest'))).to.equal('invité');
      expect(mark(el, 'guest')!.getAttribute('title')).to.equal('Entré par un lien d’invitation');
      expect(mark(el, 'bob'), 'an invited participant has no mark').to.equal(null);
      expect(mark(el, 'me')).to.equal(null);
      // The tiles carry it too, and say it in their accessible name.
      expect(text(deepQuery(el, '[part="tile"][data-identity="guest"] [part="tile-role"]'))).to.equal('invité');
      expect(deepQuery(el, '[part="tile"][data-identity="guest"]')!.getAttribute('aria-label')).to.equal('Gaston Invité (invité)');
      expect(deepQuery(el, '[part="host-lock-toggle"]')).to.equal(null);

      // A participant cannot make us host by sending the packet themselves.
      room.body = info(['me']);
      const before = stub.calls.length;
      lastRoom!.emit(RoomEvent.DataReceived, rolesPacket(), lastRoom!.remoteParticipants.get('guest'), undefined, 'urbania.room');
      await new Promise((r) => setTimeout(r, 600));
      expect(stub.calls.length).to.equal(before);
      expect(deepQuery(el, '[part="host-lock-toggle"]')).to.equal(null);

      // The server's packet: we are co-host now, with the host controls and the waiting room, without rejoining.
      lastRoom!.emit(RoomEvent.DataReceived, rolesPacket(), undefined, undefined, 'urbania.room');
      await waitFor(() => deepQuery(el, '[part="host-lock-toggle"]'), 2000, 'host controls');
      expect(text(mark(el, 'me'))).to.equal('co-hôte');
      expect(text(deepQuery(el, '#role-status'))).to.equal('Vous êtes maintenant co-hôte : vous pouvez gérer l’appel');
      expect(deepQuery(el, '[part="participant"][data-identity="guest"] [part="host-remove"]')).to.not.equal(null);
      expect(deepQuery(el, '[part="participant"][data-identity="alice"] [part="host-actions"]'), 'nothing on the creator').to.equal(null);
      expect(deepQuery(el, '[part="host-make-co-host"]'), 'co-hosts do not manage co-hosts').to.equal(null);
      expect(await axeViolations(el)).to.deep.equal([]);
      await waitFor(() => stub!.calls.some((c) => c.url.endsWith('/rooms/r1/knocks')), 3000, 'the waiting room watched');
      const refused = await el.makeCoHost('bob').then(() => undefined, (e: { code: string; message: string }) => e);
      expect(refused).to.include({ code: 'creator_only', message: 'Seul le créateur de la réunion peut nommer ou retirer des co-hôtes.' });

      // Removed: the controls go at once.
      room.body = info([]);
      lastRoom!.emit(RoomEvent.DataReceived, rolesPacket(), undefined, undefined, 'urbania.room');
      await waitFor(() => !deepQuery(el, '[part="host-lock-toggle"]'), 2000, 'host controls gone');
      expect(mark(el, 'me')).to.equal(null);
      expect(text(deepQuery(el, '#role-status'))).to.equal('Vous n’êtes plus co-hôte');
    } finally {
      el.remove();
    }
  });

  it('the creator makes a participant co-host and takes it back from the panel, through the service', async () => {
    const info = (coHosts: string[]): RoomInfo => roomInfo({ room_name: 'r1', created_by: 'me', participants: ['me', 'alice', 'bob'], co_hosts: coHosts });
    stub = stubFetch([
      { method: 'POST', path: '/api/livekit/rooms/r1/join', status: 200, body: joinResponse(info([]), { role: 'host' }) },
      { method: 'GET', path: '/api/livekit/rooms/r1', status: 200, body: info([]) },
      { method: 'PUT', path: '/api/livekit/rooms/r1/co-hosts/bob', status: 200, body: info(['bob']) },
      { method: 'DELETE', path: '/api/livekit/rooms/r1/co-hosts/bob', status: 200, body: info([]) },
      { method: 'PUT', path: '/api/livekit/rooms/r1/co-hosts/nobody', status: 404, body: { error: { code: 'participant_not_found', message: 'no' } } },
    ]);
    const el = await inCall('en');
    try {
      expect(text(mark(el, 'me'))).to.equal('host');
      expect(deepQuery(el, '[part="participant"][data-identity="me"] [part="host-make-co-host"]')).to.equal(null);
      const make = deepQuery<HTMLButtonElement>(el, '[part="participant"][data-identity="bob"] [part="host-make-co-host"]')!;
      expect(make.getAttribute('aria-label')).to.equal('Make co-host: Bob Dupont');
      make.click();
      const remove = await waitFor(() => deepQuery<HTMLButtonElement>(el, '[part="participant"][data-identity="bob"] [part="host-remove-co-host"]'), 2000, 'remove co-host');
      expect(text(mark(el, 'bob'))).to.equal('co-host');
      expect(await axeViolations(el)).to.deep.equal([]);
      await waitFor(() => text(deepQuery(el, '#host-status')) === 'Bob Dupont is now a co-host', 2000, 'announcement');
      remove!.click();
      await waitFor(() => deepQuery(el, '[part="participant"][data-identity="bob"] [part="host-make-co-host"]'), 2000, 'make co-host again');
      expect(mark(el, 'bob')).to.equal(null);
      await el.makeCoHost('bob');
      await el.removeCoHost('bob');
      expect(stub.calls.filter((c) => c.url.includes('/co-hosts/')).map((c) => `${c.method} ${new URL(c.url).pathname}`)).to.deep.equal([
        'PUT /api/livekit/rooms/r1/co-hosts/bob', 'DELETE /api/livekit/rooms/r1/co-hosts/bob',
        'PUT /api/livekit/rooms/r1/co-hosts/bob', 'DELETE /api/livekit/rooms/r1/co-hosts/bob',
      ]);
      const err = await el.makeCoHost('nobody').then(() => undefined, (e: { code: string; message: string }) => e);
      expect(err?.code).to.equal('participant_not_found');
    } finally {
      el.remove();
    }
  });
});
