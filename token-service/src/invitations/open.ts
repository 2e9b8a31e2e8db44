/** main.ts's wiring of the invitation features: on MongoDB when the rooms are (several replicas), else in memory. */
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { RoomStore } from '../store/types.js';
import { createNotify, type NotifyDeps } from './setup.js';

export async function openNotify(store: RoomStore, config: Config, logger: Logger): Promise<NotifyDeps> {
  if (!config.mongodb) return createNotify(config, logger);
  const { MongoRoomStore } = await import('../store/mongo.js');
  if (!(store instanceof MongoRoomStore)) return createNotify(config, logger);
  const { MongoInvitationBus } = await import('./bus-mongo.js');
  const { MongoPushSubscriptionStore } = await import('../store/push-subscriptions-mongo.js');
  const bus = await MongoInvitationBus.open(store.db, {
    onError: (err) => logger.warn({ err: String(err) }, 'invitation bus: poll failed; retrying'),
  });
  return createNotify(config, logger, { bus, pushSubscriptions: await MongoPushSubscriptionStore.open(store.db) });
}
