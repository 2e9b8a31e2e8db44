import { expect } from '@open-wc/testing';
import { HostControls } from './host-controls.js';
import { ServiceClient, ServiceError } from './service-client.js';
import { roomInfo } from '../test/helpers.js';

/** A client on a fetch that records requests and answers from `answer`. */
function setup(answer: (method: string, path: string, body: unknown) => { status: number; body: unknown }) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method: init?.method ?? 'GET', path, body });
    const a = answer(init?.method ?? 'GET', path, body);
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  const client = new ServiceClient({ baseUrl: 'http://svc.test', authToken: 'jwt', fetch });
  return { calls, controls: new HostControls(() => client) };
}

const ok = (body: unknown = {}) => ({ status: 200, body });

describe('HostControls', () => {
  it('refuses every action before a call (not_in_call) and to anyone but the host (not_host), asking nothing', async () => {
    const { calls, controls } = setup(() => ok());
    for (const run of [() => controls.mute('bob', 'microphone'), () => controls.remove('bob'), () => controls.lock()]) {
      await run().then(() => expect.fail('resolved'), (e) => expect(e.code).to.equal('not_in_call'));
    }
    controls.attach('r1', 'bob', roomInfo({ room_name: 'r1' }));
    expect(controls.state.isHost).to.equal(false);
    for (const run of [() => controls.mute('bob', 'camera'), () => controls.promote('bob'), () => controls.demote('bob'), () => controls.unlock()]) {
      await run().then(() => expect.fail('resolved'), (e) => expect(e.code).to.equal('not_host'));
    }
    expect(calls).to.deep.equal([]);
  });

  it('sends each action to its endpoint for the host', async () => {
    const { calls, controls } = setup((_m, path) => ok(path.endsWith('/lock') ? roomInfo({ locked: true }) : path.endsWith('/unlock') ? roomInfo() : {}));
    controls.attach('r1', 'alice', roomInfo({ room_name: 'r1', webinar: true }));
    expect(controls.state).to.include({ isHost: true, webinar: true, locked: false });
    await controls.mute('bob', 'camera');
    await controls.remove('bob');
    await controls.promote('carol');
    await controls.demote('carol');
    await controls.lock();
    expect(controls.state.locked).to.equal(true);
    await controls.unlock();
    expect(controls.state.locked).to.equal(false);
    expect(calls.map((c) => `${c.method} ${c.path} ${JSON.stringify(c.body ?? null)}`)).to.deep.equal([
      'POST /api/livekit/rooms/r1/participants/bob/mute {"source":"camera"}',
      'POST /api/livekit/rooms/r1/participants/bob/remove null',
      'POST /api/livekit/rooms/r1/participants/carol/promote null',
      'POST /api/livekit/rooms/r1/participants/carol/demote null',
      'POST /api/livekit/rooms/r1/lock null',
      'POST /api/livekit/rooms/r1/unlock null',
    ]);
    expect(controls.state.done).to.deep.equal({ action: 'unlock', identity: '' });
    expect(controls.state.pending).to.deep.equal([]);
  });

  it('a refusal from the service rejects with its code and becomes the visible error until dismissed', async () => {
    const { controls } = setup(() => ({ status: 404, body: { error: { code: 'track_not_found', message: 'no camera' } } }));
    controls.attach('r1', 'alice', roomInfo({ room_name: 'r1' }));
    const err = await controls.mute('bob', 'camera').then(() => undefined, (e: unknown) => e);
    expect(err).to.be.instanceOf(ServiceError);
    expect((err as ServiceError).code).to.equal('track_not_found');
    expect(controls.state.error?.code).to.equal('track_not_found');
    expect(controls.state.error?.key).to.equal('error.track_not_found');
    controls.dismiss();
    expect(controls.state.error).to.equal(undefined);
  });

  it('a co-host hosts (from the Room view), and a fresher Room view gives or takes the controls without a new call', async () => {
    const { calls, controls } = setup(() => ok());
    controls.attach('r1', 'bob', roomInfo({ room_name: 'r1', co_hosts: ['bob'] }));
    expect(controls.state).to.include({ isHost: true, creator: false, me: 'bob' });
    await controls.mute('carol', 'microphone');
    // Co-hosts do not manage co-hosts: refused before asking (the service would answer 403).
    await controls.makeCoHost('carol').then(() => expect.fail('resolved'), (e) => expect(e.code).to.equal('host_only'));
    controls.update(roomInfo({ room_name: 'r1', co_hosts: [] }));
    expect(controls.state.isHost).to.equal(false);
    await controls.mute('carol', 'microphone').then(() => expect.fail('resolved'), (e) => expect(e.code).to.equal('not_host'));
    // Another room's view changes nothing.
    controls.update(roomInfo({ room_name: 'other', co_hosts: ['bob'] }));
    expect(controls.state.isHost).to.equal(false);
    expect(calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal(['POST /api/livekit/rooms/r1/participants/carol/mute']);
  });

  it('the creator makes and removes co-hosts through the service; the answered Room view updates who is who', async () => {
    const { calls, controls } = setup((method, path) => ok(roomInfo({ room_name: 'r1', co_hosts: method === 'PUT' ? [path.split('/').pop()!] : [] })));
    controls.attach('r1', 'alice', roomInfo({ room_name: 'r1' }));
    expect(controls.state).to.include({ isHost: true, creator: true });
    await controls.makeCoHost('bob');
    expect(controls.state.roles?.co_hosts).to.deep.equal(['bob']);
    expect(controls.state.done).to.deep.equal({ action: 'make-co-host', identity: 'bob' });
    await controls.removeCoHost('bob');
    expect(controls.state.roles?.co_hosts).to.deep.equal([]);
    expect(calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal([
      'PUT /api/livekit/rooms/r1/co-hosts/bob',
      'DELETE /api/livekit/rooms/r1/co-hosts/bob',
    ]);
    controls.detach();
    await controls.makeCoHost('bob').then(() => expect.fail('resolved'), (e) => expect(e.code).to.equal('not_in_call'));
  });

  it('marks an action pending while it runs, and forgets everything when the call ends', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const client = new ServiceClient({
      baseUrl: 'http://svc.test', authToken: 'jwt',
      fetch: (async () => { await gate; return new Response('{}', { status: 200 }); }) as typeof fetch,
    });
    const controls = new HostControls(() => client);
    controls.attach('r1', 'alice', roomInfo({ room_name: 'r1', locked: true }));
    expect(controls.state.locked).to.equal(true);
    const running = controls.remove('bob');
    expect(controls.isPending('remove', 'bob')).to.equal(true);
    release();
    await running;
    expect(controls.isPending('remove', 'bob')).to.equal(false);
    controls.detach();
    expect(controls.state).to.include({ isHost: false, locked: false });
  });
});
