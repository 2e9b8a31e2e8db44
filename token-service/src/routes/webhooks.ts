import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { AppEnv } from '../env.js';
import { errors } from '../errors.js';
import type { SfuGateway } from '../livekit.js';
import type { RoomStore } from '../store/types.js';
import { errorResponses } from '../schemas.js';

const webhookRoute = createRoute({
  method: 'post',
  path: '/webhooks',
  tags: ['webhooks'],
  summary: 'LiveKit webhooks (signed by LiveKit: `Authorization` is a bare JWT over the raw body)',
  request: {
    body: { content: { 'application/webhook+json': { schema: z.object({}).passthrough() } } },
  },
  responses: {
    200: {
      description: 'Received (duplicate: true when the event id was already processed)',
      content: { 'application/json': { schema: z.object({ received: z.literal(true), duplicate: z.boolean() }) } },
    },
    ...errorResponses(401, 413, 503),
  },
});

/** Keeps live presence per room from LiveKit's events. Idempotent on the event id. */
export function webhooksRouter(store: RoomStore, sfu: SfuGateway) {
  return new OpenAPIHono<AppEnv>().openapi(webhookRoute, async (c) => {
    const rawBody = await c.req.text();
    let event: WebhookEvent;
    try {
      event = await sfu.receiveWebhook(rawBody, c.req.header('authorization'));
    } catch {
      throw errors.unauthorized('The webhook signature is invalid');
    }
    // Marked first, so a replay arriving while this one is applied is skipped; un-marked if applying
    // fails, so LiveKit's redelivery (it retries on 5xx) is applied rather than dropped as a duplicate.
    if (!event.id || !(await store.markEventProcessed(event.id))) {
      return c.json({ received: true as const, duplicate: Boolean(event.id) }, 200);
    }
    // Before anything can fail: the SFU has closed the room whatever happens to presence.
    if (event.event === 'room_finished' && event.room?.name) sfu.roomFinished(event.room.name);
    try {
      await applyEvent(store, event);
    } catch (err) {
      await store.forgetEvent(event.id).catch(() => undefined);
      throw err;
    }
    c.get('log')().debug({ event: event.event, room: event.room?.name, eventId: event.id }, 'webhook applied');
    return c.json({ received: true as const, duplicate: false }, 200);
  });
}

async function applyEvent(store: RoomStore, event: WebhookEvent): Promise<void> {
  const roomName = event.room?.name;
  if (!roomName) return;
  // createdAt is in seconds; ms keep the "newer update wins" rule comparable with Date.now() writes.
  const at = Number(event.createdAt) * 1000;
  const participant = event.participant;
  switch (event.event) {
    case 'participant_joined':
      if (participant) await store.setPresence(roomName, { identity: participant.identity, name: participant.name }, true, at);
      break;
    case 'participant_left':
    case 'participant_connection_aborted':
      if (participant) await store.setPresence(roomName, { identity: participant.identity, name: participant.name }, false, at);
      break;
    case 'room_finished':
      await store.clearPresence(roomName, at);
      break;
    default:
      break;
  }
}
