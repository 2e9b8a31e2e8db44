/**
 * The token service calls of <urbania-call-notifier>: events tickets, invitation answers, Web Push subscriptions.
 * The same typed client as the meeting's (ServiceClient), so shapes come from the service's OpenAPI document.
 */
import type { components } from './api.generated.js';
import { ServiceClient } from './service-client.js';

type Schemas = components['schemas'];
export type Invitation = Schemas['Invitation'];
export type InvitationAnswer = Schemas['InvitationAnswer'];
export type InvitationAnswered = Schemas['InvitationAnswered'];
export type PushSubscriptionJson = Schemas['PushSubscription'];

export class NotifierClient extends ServiceClient {
  get baseUrl(): string {
    return this.options.baseUrl.replace(/\/+$/, '');
  }

  /** A single-use ticket for `GET /api/livekit/events` (EventSource cannot send the Authorization header). */
  eventsTicket(): Promise<Schemas['EventsTicket']> {
    return this.call('/api/livekit/events/ticket', 'post', {});
  }

  /** The URL EventSource opens with a fresh ticket. */
  async eventsUrl(): Promise<string> {
    const { ticket } = await this.eventsTicket();
    return `${this.baseUrl}/api/livekit/events?ticket=${encodeURIComponent(ticket)}`;
  }

  answerInvitation(roomName: string, answer: InvitationAnswer): Promise<InvitationAnswered> {
    return this.call('/api/livekit/invitations/{room_name}/answer', 'post', { params: { room_name: roomName }, body: { answer } });
  }

  async vapidPublicKey(): Promise<string> {
    return (await this.call('/api/livekit/push/vapid-public-key', 'get', {})).public_key;
  }

  savePushSubscription(subscription: PushSubscriptionJson): Promise<Schemas['PushSubscriptionSaved']> {
    return this.call('/api/livekit/push/subscriptions', 'post', { body: subscription });
  }

  deletePushSubscription(endpoint: string): Promise<Schemas['PushSubscriptionRemoved']> {
    return this.call('/api/livekit/push/subscriptions', 'delete', { body: { endpoint } });
  }
}
