import { expect } from '@open-wc/testing';
import { RoomEvent, DisconnectReason } from 'livekit-client';
import { CallSession } from './call-session.js';
import { IllegalTransitionError, MeetingFlow, canTransition, connectionStateOf, type FlowEvent, type FlowState, type PhaseName } from './meeting-flow.js';
import { STORAGE_KEY, loadUserChoices } from './user-choices.js';
import { FakeParticipant, FakeRoom, fakeModule, lastRoom } from '../test/fake-livekit.js';
import { joinResponse, roomInfo, type ServiceResponseBody } from '../test/helpers.js';

const SERVICE = 'http://service.test';
const tick = () => new Promise((r) => setTimeout(r, 0));

/** `body` is typed by the service's OpenAPI document, so a fixture that drifts from it fails the typecheck. */
interface Route { method: string; path: string; status: number; body?: ServiceResponseBody; gate?: Promise<void> }

/** An injected fetch answering from routes (a route with `gate` waits for it), recording every call. */
function fakeFetch(routes: Route[]) {
  const calls: { method: string; path: string; search: string; body?: unknown }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = (init?.method ?? 'GET').toUpperCase();
    calls.push({ method, path: url.pathname, search: url.search, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const route = routes.find((r) => r.method === method && r.path === url.pathname);
    if (route?.gate) await route.gate;
    const body = route ? route.body : { error: { code: 'not_found', message: 'no route' } };
    return new Response(body === undefined ? null : JSON.stringify(body), { status: route?.status ?? 404 });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const joinRoute = (over: { canPublish?: boolean; callType?: 'audio' | 'video'; gate?: Promise<void> } = {}): Route => ({
  method: 'POST', path: '/api/livekit/rooms/r1/join', status: 200, gate: over.gate,
  body: joinResponse(roomInfo({ room_name: 'r1', call_type: over.callType ?? 'video' }), { can_publish: over.canPublish ?? true }),
});
const leaveRoute: Route = { method: 'POST', path: '/api/livekit/rooms/r1/leave', status: 200, body: { room_name: 'r1', left: true } };

/** A flow on a fake livekit module and a fake service; records phases and events. */
function setup(routes: Route[]) {
  const service = fakeFetch(routes);
  const flow = new MeetingFlow({
    session: new CallSession({ loadLiveKit: async () => fakeModule }),
    preload: async () => fakeModule,
    fetch: service.fetch,
  });
  const phases: PhaseName[] = [];
  const events: FlowEvent[] = [];
  flow.subscribe((s: FlowState) => { if (phases[phases.length - 1] !== s.phase) phases.push(s.phase); });
  flow.on((e) => events.push(e));
  const waitPhase = async (phase: PhaseName) => {
    for (let i = 0; i < 200 && flow.phase.phase !== phase; i++) await tick();
    expect(flow.phase.phase, `phase (went through ${phases.join(' → ')})`).to.equal(phase);
  };
  return { flow, calls: service.calls, phases, events, waitPhase };
}

/** A Room whose SFU connection fails. */
class RefusedRoom extends FakeRoom {
  override async connect(): Promise<void> { throw new Error('could not establish signal connection'); }
}

const inRoom = { serviceUrl: SERVICE, authToken: 'jwt', entry: 'room' as const, room: 'r1' };

describe('meeting-flow', () => {
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));

  it('transition table: the documented path is legal, shortcuts are not, and forcing one throws', () => {
    const path: PhaseName[] = ['idle', 'loading-room', 'ready', 'joining', 'in-call', 'reconnecting', 'in-call', 'left', 'joining', 'failed'];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!), `${path[i - 1]} → ${path[i]}`).to.equal(true);
    for (const [from, to] of [['idle', 'in-call'], ['ready', 'in-call'], ['in-call', 'joining'], ['in-call', 'failed'], ['reconnecting', 'joining'], ['left', 'in-call'], ['left', 'left']] as const) {
      expect(canTransition(from, to), `${from} → ${to}`).to.equal(false);
    }
    const flow = new MeetingFlow();
    const force = (next: object) => (flow as unknown as { to(p: object): void }).to(next);
    expect(() => force({ phase: 'in-call', room: 'r1', info: roomInfo(), identity: 'me', canPublish: true })).to.throw(IllegalTransitionError, 'idle → in-call');
    expect(flow.phase.phase).to.equal('idle');
  });

  it('already in the call in another tab: fails with already_in_call before connecting; takeOver joins', async () => {
    const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
    const token = `${b64({ alg: 'HS256' })}.${b64({ sub: 'me', video: { room: 'r1' } })}.sig`;
    const route: Route = {
      method: 'POST', path: '/api/livekit/rooms/r1/join', status: 200,
      body: { ...joinResponse(roomInfo({ room_name: 'r1', connected: [{ identity: 'me', name: 'Me' }] })), token },
    };
    const { flow, calls, waitPhase } = setup([route]);
    flow.configure(inRoom);
    await waitPhase('failed');
    expect(flow.state.notice?.code).to.equal('already_in_call');
    expect(flow.call?.session.room).to.equal(undefined);
    await flow.join({ takeOver: true });
    await waitPhase('in-call');
    expect(calls.filter((c) => c.path.endsWith('/join'))).to.have.length(2);
  });

    it('entry "room" waits for credentials, then idle → joining → in-call, fires joined once', async () => {
    const { flow, calls, phases, events, waitPhase } = setup([joinRoute()]);
    flow.configure({ ...inRoom, authToken: undefined });
    await tick();
    expect(calls).to.deep.equal([]);
    expect(flow.phase.phase).to.equal('idle');
    flow.configure({ authToken: 'jwt' });
    expect(flow.connectionState).to.equal('connecting');
    await waitPhase('in-call');
    expect(phases).to.deep.equal(['idle', 'joining', 'in-call']);
    expect(events).to.deep.equal([{ type: 'joined', room: 'r1', identity: 'me', canPublish: true }]);
    expect(flow.phase).to.include({ phase: 'in-call', room: 'r1', identity: 'me', canPublish: true });
    expect(flow.connectionState).to.equal('connected');
    expect(lastRoom!.connectedWith).to.deep.equal(['ws://sfu.test', 'lk-token']);
    // Configuring again (new token) while in the call changes nothing.
    flow.configure({ authToken: 'jwt2', entry: 'room' });
    expect(calls.filter((c) => c.path.endsWith('/join'))).to.have.length(1);
  });

  it('a guest in a waiting room: joining (waiting, no token) until admitted, then in-call; refused: failed with knock_refused', async () => {
    let admitted = false;
    const waitingBody = { status: 'waiting' as const, room_name: 'r1' };
    // The service answers "waiting" (202) until `admitted`, then the token.
    const flow = new MeetingFlow({
      session: new CallSession({ loadLiveKit: async () => fakeModule }),
      preload: async () => fakeModule,
      lobbyPollMs: 5,
      fetch: (async (input: RequestInfo | URL) => {
        const path = new URL(String(input)).pathname;
        if (path.endsWith('/join') && !admitted) return new Response(JSON.stringify(waitingBody), { status: 202 });
        if (path.endsWith('/join')) return new Response(JSON.stringify(joinResponse(roomInfo({ room_name: 'r1' }))), { status: 200 });
        return new Response(null, { status: 404 });
      }) as typeof fetch,
    });
    const states: boolean[] = [];
    flow.subscribe((s) => { if (s.phase === 'joining') states.push(Boolean(s.waiting)); });
    flow.configure(inRoom);
    for (let i = 0; i < 200 && !states.includes(true); i++) await tick();
    expect(flow.phase).to.deep.include({ phase: 'joining', waiting: true });
    expect(flow.call?.session.room).to.equal(undefined);
    admitted = true;
    for (let i = 0; i < 400 && flow.phase.phase !== 'in-call'; i++) await new Promise((r) => setTimeout(r, 2));
    expect(flow.phase.phase).to.equal('in-call');
    await flow.leave();

    const refused = setup([{ method: 'POST', path: '/api/livekit/rooms/r1/join', status: 403, body: { error: { code: 'knock_refused', message: 'no' } } }]);
    refused.flow.configure(inRoom);
    await refused.waitPhase('failed');
    expect(refused.flow.state.notice).to.deep.include({ code: 'knock_refused', key: 'error.knock_refused' });
  });

  it('entry "invite" with an invite secret: sent on GET and join; an ended room fails at once with room_ended', async () => {
    const t = setup([
      { method: 'GET', path: '/api/livekit/rooms/r1', status: 200, body: roomInfo({ room_name: 'r1' }) },
      joinRoute(),
    ]);
    t.flow.configure({ ...inRoom, entry: 'invite', invite: 'sEcReT_1' });
    await t.waitPhase('ready');
    await t.flow.join();
    await t.waitPhase('in-call');
    expect(t.calls[0]).to.deep.include({ method: 'GET', path: '/api/livekit/rooms/r1', search: '?invite=sEcReT_1' });
    expect(t.calls.find((c) => c.method === 'POST')?.body).to.deep.equal({ invite: 'sEcReT_1' });
    await t.flow.leave();

    const ended = setup([{ method: 'GET', path: '/api/livekit/rooms/r1', status: 200, body: roomInfo({ room_name: 'r1', ended_at: '2026-11-27T01:00:00Z' }) }]);
    ended.flow.configure({ ...inRoom, entry: 'invite' });
    await ended.waitPhase('failed');
    expect(ended.flow.state.notice).to.deep.include({ code: 'room_ended', key: 'error.room_ended' });
  });

  it('entry "invite": loading-room → ready with the room; a missing room is failed(loading-room) with one FlowError', async () => {
    const ok = setup([{ method: 'GET', path: '/api/livekit/rooms/r1', status: 200, body: roomInfo({ room_name: 'r1' }) }]);
    ok.flow.configure({ ...inRoom, entry: 'invite' });
    await ok.waitPhase('ready');
    expect(ok.phases).to.deep.equal(['idle', 'loading-room', 'ready']);
    expect(ok.flow.phase).to.deep.include({ room: 'r1', info: roomInfo({ room_name: 'r1' }) });

    const ko = setup([{ method: 'GET', path: '/api/livekit/rooms/r1', status: 404, body: { error: { code: 'room_not_found', message: 'no such room' } } }]);
    ko.flow.configure({ ...inRoom, entry: 'invite' });
    await ko.waitPhase('failed');
    const error = { code: 'room_not_found', key: 'error.room_not_found', device: undefined, detail: 'no such room' };
    expect(ko.flow.phase).to.deep.include({ during: 'loading-room', error });
    expect(ko.flow.state.notice).to.deep.equal(error);
    expect(ko.events).to.deep.equal([{ type: 'error', error }]);
    expect(ko.flow.connectionState).to.equal('idle');
    // The page switching views starts over: message gone, idle again.
    ko.flow.configure({ entry: 'pre-join' });
    expect(ko.flow.state).to.deep.equal({ phase: 'idle', notice: undefined });
  });

  it('createAndJoin: an invalid name fails before any request; a valid one creates, remembers choices, then joins', async () => {
    const { flow, calls, phases, events, waitPhase } = setup([
      { method: 'POST', path: '/api/livekit/rooms', status: 201, body: roomInfo({ room_name: 'r1' }) },
      joinRoute(),
    ]);
    flow.configure({ serviceUrl: SERVICE, authToken: 'jwt' });
    await flow.createAndJoin({ room_name: 'no spaces', participants: [], call_type: 'video' });
    expect(flow.phase).to.deep.include({ phase: 'failed', during: 'loading-room' });
    expect(flow.state.notice?.code).to.equal('room_name_invalid');
    expect(calls).to.deep.equal([]);

    await flow.createAndJoin({ room_name: 'r1', participants: ['bob'], call_type: 'audio' }, { displayName: 'Alice M.', videoEnabled: false });
    await waitPhase('in-call');
    expect(phases).to.deep.equal(['idle', 'failed', 'loading-room', 'ready', 'joining', 'in-call']);
    expect(flow.state.notice).to.equal(undefined);
    expect(calls.filter((c) => !c.path.endsWith('/messages')).map((c) => `${c.method} ${c.path}`)).to.deep.equal(['POST /api/livekit/rooms', 'POST /api/livekit/rooms/r1/join']);
    expect(calls[1]!.body).to.deep.equal({ username: 'Alice M.' });
    expect(loadUserChoices().displayName).to.equal('Alice M.');
    expect(events.map((e) => e.type)).to.deep.equal(['error', 'room-created', 'joined']);
    expect(lastRoom!.localParticipant.calls).to.deep.equal(['connect', 'capture:audio', 'publish:microphone', 'published:microphone']);
  });

  it('a join the SFU refuses is failed(joining) with connection_failed; join() again retries', async () => {
    const { flow, events, waitPhase } = setup([joinRoute()]);
    const failing = new MeetingFlow({
      session: new CallSession({ loadLiveKit: async () => ({ ...fakeModule, Room: RefusedRoom }) as unknown as typeof fakeModule }),
      preload: async () => fakeModule,
      fetch: fakeFetch([joinRoute()]).fetch,
    });
    const failEvents: FlowEvent[] = [];
    failing.on((e) => failEvents.push(e));
    failing.configure(inRoom);
    for (let i = 0; i < 100 && failing.phase.phase !== 'failed'; i++) await tick();
    expect(failing.phase).to.deep.include({ phase: 'failed', during: 'joining' });
    expect(failing.state.notice).to.include({ code: 'connection_failed', key: 'error.connection_failed', detail: 'could not establish signal connection' });
    expect(failEvents.map((e) => e.type)).to.deep.equal(['error']);
    expect(failing.connectionState).to.equal('disconnected');
    expect(failing.call!.session.room).to.equal(undefined);

    // The other flow: fails at the service, then a retry succeeds.
    flow.configure({ ...inRoom, authToken: undefined, getAuthToken: () => { throw new Error('signed out'); } });
    await waitPhase('failed');
    expect(flow.state.notice?.code).to.equal('no_auth');
    flow.configure({ getAuthToken: undefined, authToken: 'jwt' });
    expect(flow.phase.phase, 'no automatic retry after a failure').to.equal('failed');
    await flow.join();
    expect(flow.phase.phase).to.equal('in-call');
    expect(flow.state.notice).to.equal(undefined);
    expect(events.map((e) => e.type)).to.deep.equal(['error', 'joined']);
  });

  it('leave(): the one end path stops the session, tells the service and fires left once; twice is a no-op', async () => {
    const { flow, calls, events, waitPhase } = setup([joinRoute(), leaveRoute]);
    flow.configure(inRoom);
    await waitPhase('in-call');
    const room = lastRoom!;
    await flow.leave();
    expect(flow.phase).to.deep.equal({ phase: 'left', room: 'r1', reason: 'client_initiated', byServer: false });
    expect(room.disconnected).to.equal(true);
    expect(room.localParticipant.trackPublications.size === 0 || [...room.localParticipant.trackPublications.values()].every((p) => p.track!.stopped)).to.equal(true);
    expect(flow.call!.session.room).to.equal(undefined);
    expect(calls.map((c) => c.path)).to.include('/api/livekit/rooms/r1/leave');
    await flow.leave();
    expect(events.filter((e) => e.type === 'left')).to.deep.equal([{ type: 'left', room: 'r1', reason: 'client_initiated' }]);
    // Rejoin from left.
    await flow.join();
    expect(flow.phase.phase).to.equal('in-call');
    expect(lastRoom).to.not.equal(room);
  });

  it('leave() before any call shows "left" without firing left', async () => {
    const { flow, events } = setup([]);
    await flow.leave();
    expect(flow.phase).to.deep.include({ phase: 'left', reason: 'client_initiated' });
    expect(flow.connectionState).to.equal('disconnected');
    expect(events).to.deep.equal([]);
  });

  it('removal by the server and a lost connection end through the same path, without calling the service', async () => {
    const { flow, calls, events, phases, waitPhase } = setup([joinRoute()]);
    flow.configure(inRoom);
    await waitPhase('in-call');
    lastRoom!.emit(RoomEvent.Disconnected, DisconnectReason.PARTICIPANT_REMOVED);
    expect(flow.phase).to.deep.equal({ phase: 'left', room: 'r1', reason: 'participant_removed', byServer: true });
    expect(events.at(-1)).to.deep.equal({ type: 'left', room: 'r1', reason: 'participant_removed' });
    // The room view keeps showing why.
    expect(flow.call!.session.state).to.include({ connection: 'disconnected', reason: 'participant_removed' });

    await flow.join();
    lastRoom!.emit(RoomEvent.Reconnecting);
    expect(flow.phase.phase).to.equal('reconnecting');
    expect(flow.connectionState).to.equal('reconnecting');
    lastRoom!.emit(RoomEvent.Reconnected);
    expect(flow.phase.phase).to.equal('in-call');
    lastRoom!.emit(RoomEvent.Reconnecting);
    lastRoom!.emit(RoomEvent.Disconnected);
    expect(flow.phase).to.deep.include({ phase: 'left', reason: 'connection_lost', byServer: true });
    expect(phases.slice(-7)).to.deep.equal(['left', 'joining', 'in-call', 'reconnecting', 'in-call', 'reconnecting', 'left']);
    expect(calls.filter((c) => c.path.endsWith('/leave'))).to.deep.equal([]);
    expect(events.filter((e) => e.type === 'left').map((e) => (e as { reason: string }).reason)).to.deep.equal(['participant_removed', 'connection_lost']);
  });

  it('removal of the element while /join is in flight: no SFU connection is made afterwards', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => { open = r; });
    const { flow, events, calls } = setup([joinRoute({ gate })]);
    const before = lastRoom;
    flow.configure(inRoom);
    for (let i = 0; i < 50 && calls.length === 0; i++) await tick();
    expect(flow.phase.phase).to.equal('joining');
    await flow.end('element_removed');
    expect(flow.phase.phase).to.equal('idle');
    open();
    for (let i = 0; i < 20; i++) await tick();
    expect(lastRoom, 'no Room created after removal').to.equal(before);
    expect(flow.call!.session.room).to.equal(undefined);
    expect(events).to.deep.equal([]);
  });

  it('removal of the element in a call fires left with element_removed and tells the service', async () => {
    const { flow, calls, events, waitPhase } = setup([joinRoute(), leaveRoute]);
    flow.configure(inRoom);
    await waitPhase('in-call');
    await flow.end('element_removed');
    expect(events.at(-1)).to.deep.equal({ type: 'left', room: 'r1', reason: 'element_removed' });
    expect(calls.at(-1)!.path).to.equal('/api/livekit/rooms/r1/leave');
  });

  it('a device failure in the call is a notice and an error event, not a phase change', async () => {
    const { flow, events, waitPhase } = setup([joinRoute()]);
    flow.configure(inRoom);
    await waitPhase('in-call');
    lastRoom!.localParticipant.failMic = Object.assign(new Error('busy'), { name: 'NotReadableError' });
    await flow.call!.session.setMicrophoneEnabled(true);
    expect(flow.phase.phase).to.equal('in-call');
    expect(flow.state.notice).to.include({ code: 'device_busy', device: 'microphone', key: 'error.device_busy' });
    expect(events.at(-1)).to.deep.include({ type: 'error' });
    flow.dismissNotice();
    expect(flow.state.notice).to.equal(undefined);
  });

  it('chat history: on joining, the service’s earlier messages go first (marked, not unread, no event), a live copy is not doubled; what this page sends is posted', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const earlier = (id: string, identity: string, text: string, timestamp: number) => ({ id, from: { identity, name: identity === 'me' ? 'Me' : 'Bob' }, text, timestamp });
    const { flow, calls, events, waitPhase } = setup([
      joinRoute(),
      { method: 'GET', path: '/api/livekit/rooms/r1/messages', status: 200, gate, body: { room_name: 'r1', messages: [
        earlier('TS_bob_1', 'bob', 'avant', 1), earlier('TS_me_0', 'me', 'moi, avant', 2), earlier('TS_bob_2', 'bob', 'en direct aussi', 3),
      ] } },
      { method: 'POST', path: '/api/livekit/rooms/r1/messages', status: 201, body: earlier('TS_1', 'me', 'après', 4) },
    ]);
    flow.configure(inRoom);
    await waitPhase('in-call');
    // A live message arrives while the history is on its way (its sender had already posted it too).
    lastRoom!.remoteParticipants.set('bob', new FakeParticipant('bob', 'Bob'));
    lastRoom!.receiveText('lk.chat', 'bob', 'en direct aussi', 'TS_bob_2');
    for (let i = 0; i < 50 && flow.call!.chat.state.messages.length < 1; i++) await tick();
    release();
    for (let i = 0; i < 50 && flow.call!.chat.state.messages.length < 3; i++) await tick();
    expect(flow.call!.chat.state.messages.map((m) => [m.id, m.earlier ?? false, m.local])).to.deep.equal([
      ['TS_bob_1', true, false], ['TS_me_0', true, true], ['TS_bob_2', false, false],
    ]);
    expect(flow.call!.chat.state.unread).to.equal(1);
    expect(events.filter((e) => e.type === 'chat-message')).to.have.length(1);
    expect(calls.find((c) => c.method === 'GET' && c.path.endsWith('/messages'))?.search).to.equal('?limit=200');

    await flow.call!.chat.send('après');
    for (let i = 0; i < 50 && !calls.some((c) => c.method === 'POST' && c.path.endsWith('/messages')); i++) await tick();
    expect(calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages')).map((c) => c.body)).to.deep.equal([{ id: 'TS_1', text: 'après' }]);
    // Received messages are never posted: only their author may store them.
    lastRoom!.receiveText('lk.chat', 'bob', 'encore', 'TS_bob_3');
    for (let i = 0; i < 10; i++) await tick();
    expect(calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'))).to.have.length(1);
  });

  it('chat history: a service that cannot answer leaves the call and the live chat as they are; a failed post does not fail the send', async () => {
    const { flow, calls, waitPhase } = setup([
      joinRoute(),
      { method: 'GET', path: '/api/livekit/rooms/r1/messages', status: 503, body: { error: { code: 'unavailable', message: 'down' } } },
      { method: 'POST', path: '/api/livekit/rooms/r1/messages', status: 403, body: { error: { code: 'forbidden', message: 'no' } } },
    ]);
    flow.configure(inRoom);
    await waitPhase('in-call');
    const sent = await flow.call!.chat.send('bonjour');
    expect(sent.text).to.equal('bonjour');
    for (let i = 0; i < 50 && !calls.some((c) => c.method === 'POST' && c.path.endsWith('/messages')); i++) await tick();
    for (let i = 0; i < 10; i++) await tick();
    expect(flow.phase.phase).to.equal('in-call');
    expect(flow.state.notice).to.equal(undefined);
    expect(flow.call!.chat.state.messages.map((m) => m.text)).to.deep.equal(['bonjour']);
  });

  it('connectionStateOf maps every phase', () => {
    const info = roomInfo();
    const call = { room: 'r', info, identity: 'me', canPublish: true, role: 'participant' as const };
    const error = { code: 'x', key: 'error.unknown' as const };
    expect([
      connectionStateOf({ phase: 'idle' }),
      connectionStateOf({ phase: 'loading-room', room: 'r', creating: false }),
      connectionStateOf({ phase: 'ready', room: 'r', info }),
      connectionStateOf({ phase: 'joining', room: 'r' }),
      connectionStateOf({ phase: 'in-call', ...call }),
      connectionStateOf({ phase: 'reconnecting', ...call }),
      connectionStateOf({ phase: 'left', room: 'r', reason: 'client_initiated', byServer: false }),
      connectionStateOf({ phase: 'failed', room: 'r', error, during: 'loading-room' }),
      connectionStateOf({ phase: 'failed', room: 'r', error, during: 'joining' }),
    ]).to.deep.equal(['idle', 'idle', 'idle', 'connecting', 'connected', 'reconnecting', 'disconnected', 'idle', 'disconnected']);
  });
});
