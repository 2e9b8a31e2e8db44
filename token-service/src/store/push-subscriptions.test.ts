// The push subscription stores: memory here, MongoDB on FerretDB (started by this file on a free port).
import { useFerretDB } from '../../test/helpers/ferret.js';
import { describePushSubscriptionStoreContract } from './push-subscriptions-contract.js';
import { MemoryPushSubscriptionStore } from './push-subscriptions.js';
import { MongoPushSubscriptionStore } from './push-subscriptions-mongo.js';

const { nextDb } = useFerretDB('push_store_test');

describePushSubscriptionStoreContract('MemoryPushSubscriptionStore', async () => new MemoryPushSubscriptionStore());
describePushSubscriptionStoreContract('MongoPushSubscriptionStore on FerretDB', () =>
  MongoPushSubscriptionStore.open(nextDb()),
);
