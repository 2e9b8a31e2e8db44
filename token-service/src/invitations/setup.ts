/** Builds the invitation features from the config: what createApp mounts and main.ts wires to MongoDB. */
import type { Agent } from 'node:https';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { MemoryPushSubscriptionStore, type PushSubscriptionStore } from '../store/push-subscriptions.js';
import { MemoryInvitationBus, type InvitationBus } from './bus.js';
import { Invitations } from './invitations.js';
import { PushSender } from './push.js';
import { InviteWebhook } from './webhook.js';

export interface NotifyDeps {
  invitations: Invitations;
  pushSubscriptions: PushSubscriptionStore;
  /** SSE heartbeat period (tests shorten it). */
  heartbeatMs?: number;
}

export interface NotifyOptions {
  bus?: InvitationBus;
  pushSubscriptions?: PushSubscriptionStore;
  /** https.Agent for push requests (tests: trust a local endpoint's certificate). */
  pushAgent?: Agent;
  webhookRetryDelaysMs?: number[];
  heartbeatMs?: number;
}

export function createNotify(config: Config, logger: Logger, options: NotifyOptions = {}): NotifyDeps {
  const pushSubscriptions = options.pushSubscriptions ?? new MemoryPushSubscriptionStore();
  const push = config.push
    ? new PushSender({ vapid: config.push, store: pushSubscriptions, logger, ...(options.pushAgent && { agent: options.pushAgent }) })
    : undefined;
  const webhook = config.inviteWebhook
    ? new InviteWebhook({ ...config.inviteWebhook, logger, ...(options.webhookRetryDelaysMs && { retryDelaysMs: options.webhookRetryDelaysMs }) })
    : undefined;
  const invitations = new Invitations({ bus: options.bus ?? new MemoryInvitationBus(), push, webhook, logger });
  return { invitations, pushSubscriptions, ...(options.heartbeatMs !== undefined && { heartbeatMs: options.heartbeatMs }) };
}
