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
  it('refuses every action before a call (not_in_call) and to anyone but the host (host_only), asking nothing', async () => {
    const { calls, controls } = setup(() => ok());
    for (const run of [() => controls.mute('bob', 'microphone'), () => controls.remove('bob'), () => controls.lock(), () => controls.createInvite(), () => controls.end(), () => controls.admit('bob')]) {
      await run().then(() => expect.fail('resolved'), (e) => expect(e.code).to.equal('not_in_call'));
    }
    controls.attach('r1', 'bob', roomInfo({ room_name: 'r1' }));
    expect(controls.state.isHost).to.equal(false);
    for (const run of [() => controls.mute('bob', 'camera'), () => controls.promote('bob'), () => controls.demote('bob'), () => controls.unlock()]) {
      await run().then(() => expect.fail('resolved'), (e) => expect(e.code).to.equal('host_only'));
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

  it('a 403 from the service on a host action is host_only (creator_only for the co-hosts\' make/remove), not forbidden\'s "no access to this room"', async () => {
    const { calls, controls } = setup(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'Not allowed' } } }));
    controls.attach('r1', 'alice', roomInfo({ room_name: 'r1', created_by: 'alice' }));
    for (const run of [() => controls.mute('carol', 'microphone'), () => controls.remove('carol'), () => controls.lock(), () => controls.end(), () => controls.admit('dave')]) {
      const err = await run().then(() => undefined, (e: { code: string }) => e);
      expect(err?.code).to.equal('host_only');
      expect(controls.state.error).to.include({ code: 'host_only', key: 'error.host_only' });
    }
    const err = await controls.makeCoHost('carol').then(() => undefined, (e: { code: string }) => e);
    expect(err?.code).to.equal('creator_only');
    expect(controls.state.error).to.include({ code: 'creator_only', key: 'error.creator_only' });
    expect(calls.length, 'each was asked').to.equal(6);
  });

  it('a co-host hosts (from the Room view), and a fresher Room view gives or takes the controls without a new call', async () => {
    const { calls, controls } = setup(() => ok());
    controls.attach('r1', 'bob', roomInfo({ room_name: 'r1', co_hosts: ['bob'] }));
    expect(controls.state).to.include({ isHost: true, creator: false, me: 'bob' });
    await controls.mute('carol', 'microphone');
    // Co-hosts do not manage co-hosts: refused before asking (the service would answer 403), as the creator's alone.
    await controls.makeCoHost('carol').then(() => expect.fail('resolved'), (e) => expect(e.code).to.equal('creator_only'));
    await controls.removeCoHost('carol').then(() => expect.fail('resolved'), (e) => expect(e.code).to.equal('creator_only'));
    expect(controls.state.error, 'refused before asking: nothing shown').to.equal(undefined);
    controls.update(roomInfo({ room_name: 'r1', co_hosts: [] }));
    expect(controls.state.isHost).to.equal(false);
    await controls.mute('carol', 'microphone').then(() => expect.fail('resolved'), (e) => expect(e.code).to.equal('host_only'));
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

  it('a non-host gets host_only for the invite, end and waiting-room actions, asking nothing', async () => {
    const { calls, controls } = setup(() => ok());
    controls.attach('r1', 'bob', roomInfo({ room_name: 'r1' }));
    for (const run of [() => controls.createInvite({ role: 'audience' }), () => controls.revokeInvite('i1'), () => controls.end(), () => controls.admit('dave'), () => controls.refuse('dave')]) {
      await run().then(() => expect.fail('resolved'), (e) => expect(e.code).to.equal('host_only'));
    }
    expect(calls).to.deep.equal([]);
  });

  it('creates invite links (camelCase answer, kept in state), revokes one, admits and refuses knocks, ends the room', async () => {
    let n = 0;
    const { calls, controls } = setup((method, path) => {
      if (path.endsWith('/invites')) {
        n++;
        return { status: 201, body: { id: `i${n}`, invite: `secret${n}`, url: `http://demo.test/meeting/invite?room=r1&invite=secret${n}`, role: n === 1 ? 'audience' : 'participant', expires_at: '2026-12-01T10:00:00.000Z', max_uses: n === 1 ? 3 : null } };
      }
      if (method === 'DELETE') return ok({ id: 'i1', revoked: true });
      if (path.endsWith('/end')) return ok({ room_name: 'r1', ended_at: '2026-11-27T04:00:00.000Z' });
      return ok({ identity: 'dave', status: path.endsWith('/admit') ? 'admitted' : 'refused' });
    });
    controls.attach('r1', 'bob', roomInfo({ room_name: 'r1', webinar: true, co_hosts: ['bob'] }));
    const first = await controls.createInvite({ role: 'audience', expiresInSeconds: 3600, maxUses: 3 });
    expect(first).to.deep.equal({ id: 'i1', invite: 'secret1', url: 'http://demo.test/meeting/invite?room=r1&invite=secret1', role: 'audience', expiresAt: '2026-12-01T10:00:00.000Z', maxUses: 3 });
    // Two at once: both made (not merged as one pending action).
    const [a, b] = await Promise.all([controls.createInvite(), controls.createInvite()]);
    expect([a.id, b.id]).to.deep.equal(['i2', 'i3']);
    expect(controls.state.invites.map((i) => i.id)).to.deep.equal(['i1', 'i2', 'i3']);
    await controls.revokeInvite('i1');
    expect(controls.state.invites.map((i) => i.id)).to.deep.equal(['i2', 'i3']);
    await controls.admit('dave');
    await controls.refuse('erin');
    await controls.end();
    expect(controls.state.done).to.deep.equal({ action: 'end', identity: '' });
    expect(calls.map((c) => `${c.method} ${c.path} ${JSON.stringify(c.body ?? null)}`)).to.deep.equal([
      'POST /api/livekit/rooms/r1/invites {"role":"audience","expires_in_seconds":3600,"max_uses":3}',
      'POST /api/livekit/rooms/r1/invites {"role":"participant"}',
      'POST /api/livekit/rooms/r1/invites {"role":"participant"}',
      'DELETE /api/livekit/rooms/r1/invites/i1 null',
      'POST /api/livekit/rooms/r1/knocks/dave/admit null',
      'POST /api/livekit/rooms/r1/knocks/erin/refuse null',
      'POST /api/livekit/rooms/r1/end null',
    ]);
    controls.detach();
    expect(controls.state.invites).to.deep.equal([]);
  });

  it('a refused invite (room ended) rejects with the service code and lists nothing', async () => {
    const { controls } = setup(() => ({ status: 410, body: { error: { code: 'room_ended', message: 'ended' } } }));
    controls.attach('r1', 'alice', roomInfo({ room_name: 'r1' }));
    const err = await controls.createInvite().then(() => undefined, (e: unknown) => e);
    expect((err as ServiceError).code).to.equal('room_ended');
    expect(controls.state.invites).to.deep.equal([]);
    expect(controls.state.error?.code).to.equal('room_ended');
  });
});
