// The push subscription stores: memory here, MongoDB on FerretDB (started by this file on a free port).
import { afterAll, beforeAll } from 'vitest';
import { MongoClient } from 'mongodb';
import { startFerretDB, type FerretDB } from '../../../scripts/kit/index.mjs';
import { describePushSubscriptionStoreContract } from './push-subscriptions-contract.js';
import { MemoryPushSubscriptionStore } from './push-subscriptions.js';
import { MongoPushSubscriptionStore } from './push-subscriptions-mongo.js';

let ferret: FerretDB;
let client: MongoClient;
let db = 0;

beforeAll(async () => {
  ferret = await startFerretDB();
  client = new MongoClient(ferret.uri);
});
afterAll(async () => {
  await client?.close();
  await ferret?.cleanup();
});

describePushSubscriptionStoreContract('MemoryPushSubscriptionStore', async () => new MemoryPushSubscriptionStore());
describePushSubscriptionStoreContract('MongoPushSubscriptionStore on FerretDB', () =>
  MongoPushSubscriptionStore.open(client.db(`push_store_test_${++db}`)),
);
