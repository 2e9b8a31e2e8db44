import { expect } from '@open-wc/testing';
import { LOBBY_TOPIC, LobbyWatcher, joinThroughLobby, type DataSource } from './lobby.js';
import { ServiceClient, ServiceError, type Knock } from './service-client.js';
import { joinResponse, roomInfo } from '../test/helpers.js';

const waiting = { status: 'waiting' as const, room_name: 'r1' };

describe('lobby', () => {
  it('joinThroughLobby asks again while the service says waiting, then returns the token', async () => {
    const answers = [waiting, waiting, joinResponse(roomInfo({ room_name: 'r1' }))];
    let waits = 0;
    const res = await joinThroughLobby(async () => answers.shift()!, () => false, () => waits++, 1);
    expect(res?.token).to.equal('lk-token');
    expect(waits).to.equal(2);
    expect(answers).to.have.length(0);
  });

  it('joinThroughLobby stops when cancelled and passes a refusal on', async () => {
    let calls = 0;
    let cancelled = false;
    const res = await joinThroughLobby(async () => { calls++; cancelled = true; return waiting; }, () => cancelled, () => {}, 1);
    expect(res).to.equal(undefined);
    expect(calls).to.equal(1);
    let error: unknown;
    await joinThroughLobby(async () => { throw new ServiceError('knock_refused', 'no', 403); }, () => false, () => {}, 1).catch((e) => (error = e));
    expect((error as ServiceError).code).to.equal('knock_refused');
  });

  it('LobbyWatcher lists knocks, refreshes on a lobby data packet only, and drops a decided knock', async () => {
    let knocks: Knock[] = [];
    const decided: string[] = [];
    const client = {
      listKnocks: async () => knocks,
      decideKnock: async (_room: string, identity: string, decision: string) => { decided.push(`${decision}:${identity}`); return { identity, status: 'admitted' as const }; },
    } as unknown as ServiceClient;
    const handlers: Array<(p: Uint8Array, a?: unknown, b?: unknown, topic?: string) => void> = [];
    const source: DataSource = { on: (_e, fn) => handlers.push(fn), off: (_e, fn) => handlers.splice(handlers.indexOf(fn), 1) };
    const watcher = new LobbyWatcher(() => client, 'r1', 60_000);
    const seen: (readonly Knock[])[] = [];
    watcher.subscribe((k) => seen.push(k));
    watcher.start(source);
    await new Promise((r) => setTimeout(r, 0));
    expect(watcher.current).to.deep.equal([]);
    knocks = [{ identity: 'bob', name: 'Bob', knocked_at: '2026-11-27T01:00:00Z', via: 'participant' }];
    handlers[0]!(new Uint8Array(), undefined, undefined, 'lk.chat');
    await new Promise((r) => setTimeout(r, 0));
    expect(watcher.current).to.deep.equal([]);
    handlers[0]!(new Uint8Array(), undefined, undefined, LOBBY_TOPIC);
    await new Promise((r) => setTimeout(r, 0));
    expect(watcher.current.map((k) => k.identity)).to.deep.equal(['bob']);
    await watcher.decide('bob', 'admit');
    expect(decided).to.deep.equal(['admit:bob']);
    expect(watcher.current).to.deep.equal([]);
    watcher.stop();
    expect(handlers).to.have.length(0);
  });

  it('LobbyWatcher sends its decisions through the decider it is given (the host controls), not on its own', async () => {
    const client = { listKnocks: async () => [{ identity: 'bob', name: 'Bob', knocked_at: '2026-11-27T01:00:00Z', via: 'participant' }], decideKnock: async () => { throw new Error('second path'); } } as unknown as ServiceClient;
    const decided: string[] = [];
    const watcher = new LobbyWatcher(() => client, 'r1', 60_000, async (identity, decision) => { decided.push(`${decision}:${identity}`); });
    await watcher.refresh();
    await watcher.decide('bob', 'refuse');
    expect(decided).to.deep.equal(['refuse:bob']);
    expect(watcher.current).to.deep.equal([]);
  });
});
