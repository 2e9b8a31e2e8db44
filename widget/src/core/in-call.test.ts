import { expect } from '@open-wc/testing';
import { CallSession } from './call-session.js';
import { MeetingFlow, type InCallModule } from './meeting-flow.js';
import { MeetingError } from './flow-error.js';
import { STORAGE_KEY } from './user-choices.js';
import { fakeModule } from '../test/fake-livekit.js';
import { joinResponse, roomInfo } from '../test/helpers.js';

const tick = () => new Promise((r) => setTimeout(r, 0));
const inRoom = { serviceUrl: 'http://service.test', authToken: 'jwt', entry: 'room' as const, room: 'r1' };

async function rejection(p: Promise<unknown>): Promise<{ code?: string }> {
  try { await p; } catch (err) { return err as { code?: string }; }
  throw new Error('expected a rejection');
}

/** A service answering /join once `release()` is called. */
function gatedJoin() {
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const paths: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const path = new URL(String(input)).pathname;
    paths.push(path);
    if (path.endsWith('/join')) {
      await gate;
      return new Response(JSON.stringify(joinResponse(roomInfo({ room_name: 'r1', call_type: 'video' }))), { status: 200 });
    }
    return new Response(JSON.stringify({ room_name: 'r1', left: true }), { status: 200 });
  }) as typeof globalThis.fetch;
  return { fetch, release, paths };
}

describe('in-call: the lazy boundary of the meeting flow', () => {
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));

  it('before the in-call chunk loaded, every in-call method refuses not_in_call and nothing is loaded', async () => {
    let loads = 0;
    const flow = new MeetingFlow({ loadInCall: () => { loads++; return import('./in-call.js'); }, preload: async () => fakeModule });
    flow.configure({ ...inRoom, entry: 'pre-join', room: '' });
    expect(flow.call).to.equal(undefined);
    for (const [name, p] of [
      ['startScreenShare', flow.startScreenShare()], ['stopScreenShare', flow.stopScreenShare()],
      ['setDevice', flow.setDevice('audioinput', 'mic-2')], ['raiseHand', flow.raiseHand()],
      ['lowerHand', flow.lowerHand()], ['lowerHand(bob)', flow.lowerHand('bob')],
    ] as const) {
      const err = await rejection(p);
      expect(err, name).to.be.instanceOf(MeetingError);
      expect(err.code, name).to.equal('not_in_call');
    }
    expect(loads, 'a pre-join loads no in-call code').to.equal(0);
    expect(flow.call).to.equal(undefined);
  });

  it('warm() and a join fetch the chunk once, while the service answers; the call comes up on it', async () => {
    const service = gatedJoin();
    let loads = 0;
    let preloads = 0;
    const flow = new MeetingFlow({
      session: new CallSession({ loadLiveKit: async () => fakeModule }),
      preload: async () => { preloads++; return fakeModule; },
      loadInCall: () => { loads++; return import('./in-call.js'); },
      fetch: service.fetch,
    });
    flow.warm();
    expect(loads).to.equal(1);
    expect(preloads).to.equal(1);
    flow.configure(inRoom);
    expect(flow.phase.phase).to.equal('joining');
    // The same load as the hint's: it completes while /join is still unanswered.
    const call = await flow.loadCall();
    expect(flow.call, 'loaded before /join answered').to.equal(call);
    expect(flow.phase.phase).to.equal('joining');
    expect(loads, 'one load for the hint and the join').to.equal(1);
    service.release();
    for (let i = 0; i < 200 && flow.phase.phase !== 'in-call'; i++) await tick();
    expect(flow.phase.phase).to.equal('in-call');
    expect(flow.call!.session.state.connection).to.equal('connected');
    await flow.leave();
  });

  it('an in-call chunk that fails to load fails the join (connection_failed); join() again loads it anew', async () => {
    const service = gatedJoin();
    service.release();
    let attempt = 0;
    const flow = new MeetingFlow({
      session: new CallSession({ loadLiveKit: async () => fakeModule }),
      preload: async () => fakeModule,
      loadInCall: (): Promise<InCallModule> => (++attempt === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : import('./in-call.js')),
      fetch: service.fetch,
    });
    flow.configure(inRoom);
    for (let i = 0; i < 100 && flow.phase.phase !== 'failed'; i++) await tick();
    expect(flow.phase).to.deep.include({ phase: 'failed', during: 'joining' });
    expect(flow.state.notice?.code).to.equal('connection_failed');
    expect(flow.call).to.equal(undefined);
    await flow.join();
    expect(attempt).to.equal(2);
    expect(flow.phase.phase).to.equal('in-call');
    await flow.leave();
  });
});
