// Two replicas of the service on one MongoDB (FerretDB): main.ts's wiring (openNotify) puts the invitation bus and
// the push subscriptions in the database, so a room created on replica A rings Bob's stream on replica B, and a
// ticket issued by A opens a stream on B exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFerretDB, type FerretDB } from '../../scripts/kit/index.mjs';
import { MongoInvitationBus } from '../src/invitations/bus-mongo.js';
import { openNotify } from '../src/invitations/open.js';
import { createLogger } from '../src/logger.js';
import { MongoRoomStore } from '../src/store/mongo.js';
import { MongoPushSubscriptionStore } from '../src/store/push-subscriptions-mongo.js';
import { AcceptingSfu } from './helpers/accepting-sfu.js';
import { buildApp, call, testConfig, userToken } from './helpers/app.js';
import { SseReader } from './helpers/sse.js';

let ferret: FerretDB;
const stores: MongoRoomStore[] = [];
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  ferret = await startFerretDB();
});
afterAll(async () => {
  for (const close of closers) await close().catch(() => {});
  for (const s of stores) await s.close().catch(() => {});
  await ferret?.cleanup();
});

async function replica(dbName: string) {
  const config = testConfig({ MONGODB_URI: ferret.uri, MONGODB_DB: dbName });
  const store = await MongoRoomStore.connect({ uri: ferret.uri, dbName });
  stores.push(store);
  const notify = await openNotify(store, config, createLogger('silent'));
  closers.push(() => notify.invitations.bus.close());
  return { ...buildApp(config, { store, sfu: new AcceptingSfu(), notify }), notify };
}

describe('invitations across replicas (MongoDB)', () => {
  it('main.ts wiring: the bus and the push subscriptions live in MongoDB', async () => {
    const { notify } = await replica('replicas_wiring');
    expect(notify.invitations.bus).toBeInstanceOf(MongoInvitationBus);
    expect(notify.pushSubscriptions).toBeInstanceOf(MongoPushSubscriptionStore);
  });

  it('a room created on replica A rings a stream open on replica B; a ticket from A opens one stream on B, once', async () => {
    const a = await replica('replicas_ring');
    const b = await replica('replicas_ring');
    const [alice, bob] = await Promise.all([userToken('alice', 'Alice Martin'), userToken('bob')]);
    const ticket = (await call(a.app, 'POST', '/api/livekit/events/ticket', { token: bob })).json.ticket;
    const res = await b.app.request(`/api/livekit/events?ticket=${ticket}`);
    expect(res.status).toBe(200);
    const stream = new SseReader(res);
    await stream.next((m) => m.event === 'ready');
    expect((await call(a.app, 'GET', `/api/livekit/events?ticket=${ticket}`)).status).toBe(401);

    const room = `replicas-${Date.now().toString(36)}`;
    expect((await call(a.app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: room, participants: ['bob'] } })).status).toBe(201);
    const ring = await stream.next((m) => m.event === 'invitation');
    expect(ring.data).toMatchObject({ room_name: room, from: { id: 'alice', name: 'Alice Martin' } });
  });
});
