import { expect } from '@open-wc/testing';
import { HAND_ATTRIBUTE, HandWatcher, handRaisedAt, lowerHandOf, orderedHands, setOwnHand, type HandHolder, type HandOwner } from './hands.js';
import { CallSession } from './call-session.js';
import { MeetingFlow, type FlowEvent } from './meeting-flow.js';
import { ServiceClient, ServiceError } from './service-client.js';
import { MeetingError } from './flow-error.js';
import { FakeParticipant, fakeModule, lastRoom } from '../test/fake-livekit.js';
import { joinResponse, roomInfo } from '../test/helpers.js';
import { RoomEvent } from 'livekit-client';

const tick = () => new Promise((r) => setTimeout(r, 0));
const holder = (identity: string, handRaisedAt?: number, isLocal = false): HandHolder => ({ identity, name: identity.toUpperCase(), isLocal, handRaisedAt });

async function rejection(p: Promise<unknown>): Promise<{ code: string }> {
  try { await p; } catch (e) { return e as { code: string }; }
  throw new Error('expected a rejection');
}

class Owner implements HandOwner {
  attributes: Record<string, string> = {};
  sent: Record<string, string>[] = [];
  fail: unknown;
  constructor(public permissions?: { canUpdateMetadata: boolean }) {}
  async setAttributes(a: Record<string, string>) {
    this.sent.push(a);
    if (this.fail) throw this.fail;
    this.attributes = { ...this.attributes, ...a };
  }
}

describe('hands: the handRaisedAt attribute', () => {
  it('is LaSuite Meet\'s name; an ISO time or milliseconds is the time raised; absent or empty is lowered', () => {
    expect(HAND_ATTRIBUTE).to.equal('handRaisedAt');
    expect(handRaisedAt({ handRaisedAt: '2026-11-27T10:00:00.000Z' })).to.equal(Date.parse('2026-11-27T10:00:00.000Z'));
    expect(handRaisedAt({ handRaisedAt: '1764237600000' })).to.equal(1764237600000);
    expect(handRaisedAt({ handRaisedAt: '' })).to.equal(undefined);
    expect(handRaisedAt({ other: 'x' })).to.equal(undefined);
    expect(handRaisedAt(undefined)).to.equal(undefined);
    // Another client's "true": raised, after every dated hand.
    expect(handRaisedAt({ handRaisedAt: 'true' })).to.equal(Number.MAX_SAFE_INTEGER);
  });

  it('orders raised hands by time (then identity), numbering them from 1, leaving lowered ones out', () => {
    const hands = orderedHands([holder('carol', 30), holder('alice'), holder('bob', 10), holder('dave', 30), holder('me', 20, true)]);
    expect(hands.map((h) => [h.identity, h.position, h.isLocal])).to.deep.equal([['bob', 1, false], ['me', 2, true], ['carol', 3, false], ['dave', 4, false]]);
  });
});

describe('hands: HandWatcher', () => {
  it('reports raised and lowered hands, hands already up at the start, and hands leaving with their owner', () => {
    const w = new HandWatcher();
    expect(w.update([holder('alice', 5), holder('bob')]).map((c) => `${c.type}:${c.identity}`)).to.deep.equal(['hand-raised:alice']);
    expect(w.update([holder('alice', 5), holder('bob')])).to.deep.equal([]);
    expect(w.update([holder('alice', 5), holder('bob', 9)]).map((c) => `${c.type}:${c.identity}`)).to.deep.equal(['hand-raised:bob']);
    const changes = w.update([holder('bob')]);
    expect(changes).to.deep.equal([
      { type: 'hand-lowered', identity: 'alice', name: 'ALICE', isLocal: false, left: true },
      { type: 'hand-lowered', identity: 'bob', name: 'BOB', isLocal: false, left: false },
    ]);
  });

  it('forgets every hand silently when the call ends, and reports them again in the next call', () => {
    const w = new HandWatcher();
    w.update([holder('alice', 5)]);
    expect(w.update([], false)).to.deep.equal([]);
    expect(w.update([holder('alice', 5)]).map((c) => c.type)).to.deep.equal(['hand-raised']);
  });
});

describe('hands: setOwnHand and lowerHandOf', () => {
  it('raises with the current ISO time, keeps a raised hand\'s place, lowers with an empty value', async () => {
    const owner = new Owner({ canUpdateMetadata: true });
    await setOwnHand(owner, true, () => new Date('2026-11-27T10:00:00.000Z'));
    expect(owner.sent).to.deep.equal([{ handRaisedAt: '2026-11-27T10:00:00.000Z' }]);
    await setOwnHand(owner, true);
    expect(owner.sent).to.have.length(1);
    await setOwnHand(owner, false);
    expect(owner.sent[1]).to.deep.equal({ handRaisedAt: '' });
    await setOwnHand(owner, false);
    expect(owner.sent).to.have.length(2);
  });

  it('typed refusals: not_in_call, hand_not_allowed (grant or SFU), hand_failed', async () => {
    expect((await rejection(setOwnHand(undefined, true))).code).to.equal('not_in_call');
    expect((await rejection(setOwnHand(new Owner({ canUpdateMetadata: false }), true))).code).to.equal('hand_not_allowed');
    const refused = new Owner();
    refused.fail = Object.assign(new Error('does not have permission to update own metadata'), { reasonName: 'NOT_ALLOWED' });
    const e = await rejection(setOwnHand(refused, true));
    expect(e).to.be.instanceOf(MeetingError);
    expect(e.code).to.equal('hand_not_allowed');
    const slow = new Owner();
    slow.fail = new Error('Request to update local metadata timed out');
    expect((await rejection(setOwnHand(slow, true))).code).to.equal('hand_failed');
  });

  it('the host lowers another hand through the service; a 403 becomes host_only', async () => {
    const calls: string[] = [];
    const client = new ServiceClient({
      baseUrl: 'http://service.test', authToken: 'jwt',
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        calls.push(`${init?.method} ${new URL(String(input)).pathname}`);
        return calls.length === 1
          ? new Response(JSON.stringify({ room_name: 'r1', identity: 'bob', hand_raised: false }), { status: 200 })
          : new Response(JSON.stringify({ error: { code: 'forbidden', message: 'Only the host' } }), { status: 403 });
      }) as typeof fetch,
    });
    await lowerHandOf(client, 'r1', 'bob');
    expect(calls).to.deep.equal(['POST /api/livekit/rooms/r1/participants/bob/lower-hand']);
    const e = await rejection(lowerHandOf(client, 'r1', 'bob'));
    expect(e.code).to.equal('host_only');
    expect((e as unknown as { cause: unknown }).cause).to.be.instanceOf(ServiceError);
  });
});

describe('hands in the meeting flow (fake livekit Room)', () => {
  it('raiseHand/lowerHand set our attribute; hands up and down, ours and others\', become flow events; the host lowers through the service', async () => {
    const serviceCalls: string[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input)).pathname;
      serviceCalls.push(`${init?.method} ${path}`);
      if (path.endsWith('/join')) return new Response(JSON.stringify(joinResponse(roomInfo({ room_name: 'r1', created_by: 'me' }))), { status: 200 });
      if (path.endsWith('/lower-hand')) {
        lastRoom!.setRemoteAttributes('bob', { handRaisedAt: '' });
        return new Response(JSON.stringify({ room_name: 'r1', identity: 'bob', hand_raised: false }), { status: 200 });
      }
      return new Response(JSON.stringify({ room_name: 'r1', left: true }), { status: 200 });
    }) as typeof globalThis.fetch;
    const flow = new MeetingFlow({ session: new CallSession({ loadLiveKit: async () => fakeModule }), preload: async () => fakeModule, fetch });
    const events: string[] = [];
    flow.on((e: FlowEvent) => { if (e.type === 'hand-raised' || e.type === 'hand-lowered') events.push(`${e.type}:${e.identity}${e.left ? ':left' : ''}`); });
    expect((await rejection(flow.raiseHand())).code).to.equal('not_in_call');
    expect((await rejection(flow.lowerHand('bob'))).code).to.equal('not_in_call');

    flow.configure({ serviceUrl: 'http://service.test', authToken: 'jwt', entry: 'room', room: 'r1' });
    for (let i = 0; i < 200 && flow.phase.phase !== 'in-call'; i++) await tick();
    expect(flow.phase.phase).to.equal('in-call');
    const bob = new FakeParticipant('bob', 'Bob');
    bob.attributes = { handRaisedAt: '2026-11-27T09:00:00.000Z' };
    lastRoom!.remoteParticipants.set('bob', bob);
    lastRoom!.emit(RoomEvent.ParticipantConnected, bob);
    await tick();
    expect(events).to.deep.equal(['hand-raised:bob']);

    await flow.raiseHand();
    await tick();
    expect(lastRoom!.localParticipant.attributes.handRaisedAt).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(events).to.deep.equal(['hand-raised:bob', 'hand-raised:me']);
    const me = flow.call!.session.state.participants.find((p) => p.isLocal)!;
    expect(me.handRaisedAt).to.equal(Date.parse(lastRoom!.localParticipant.attributes.handRaisedAt!));

    await flow.lowerHand('bob');
    await tick();
    expect(serviceCalls).to.include('POST /api/livekit/rooms/r1/participants/bob/lower-hand');
    expect(events.at(-1)).to.equal('hand-lowered:bob');

    await flow.lowerHand();
    await tick();
    expect(lastRoom!.localParticipant.attributes).to.deep.equal({});
    expect(events.at(-1)).to.equal('hand-lowered:me');
    expect(serviceCalls.filter((c) => c.endsWith('/lower-hand'))).to.have.length(1);

    lastRoom!.setRemoteAttributes('bob', { handRaisedAt: '2026-11-27T09:05:00.000Z' });
    await tick();
    lastRoom!.remoteParticipants.delete('bob');
    lastRoom!.emit(RoomEvent.ParticipantDisconnected, bob);
    await tick();
    expect(events.slice(-2)).to.deep.equal(['hand-raised:bob', 'hand-lowered:bob:left']);

    await flow.leave();
    expect((await rejection(flow.raiseHand())).code).to.equal('not_in_call');
  });
});
