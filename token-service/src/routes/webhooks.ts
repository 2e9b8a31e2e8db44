import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { AppEnv } from '../env.js';
import { errors } from '../errors.js';
import type { SfuGateway } from '../livekit.js';
import { presenceTime, type RoomStore } from '../store/types.js';
import { errorResponses } from '../schemas.js';
import { limitBody } from '../body-limit.js';
import { WebhookRejectedError } from '../webhook-verify.js';

/** LiveKit's events can be large (a room with many participants, long metadata): not the API's 16 KB. */
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

const webhookRoute = createRoute({
  method: 'post',
  path: '/webhooks',
  tags: ['webhooks'],
  summary: 'LiveKit webhooks (signed by LiveKit: `Authorization` is a bare JWT over the raw body)',
  description:
    'The signature is checked first, on the raw body (401 when it is missing or wrong); only a signed body is then read as a LiveKit event (400 when it is not one). Bodies up to 1 MB.',
  request: {
    body: { content: { 'application/webhook+json': { schema: z.object({ event: z.string(), id: z.string() }).passthrough() } } },
  },
  responses: {
    200: {
      description: 'Received (duplicate: true when the event id was already processed)',
      content: { 'application/json': { schema: z.object({ received: z.literal(true), duplicate: z.boolean() }) } },
    },
    ...errorResponses(400, 401, 503),
    413: { ...errorResponses(413)[413], description: 'Body larger than 1 MB' },
  },
});

/**
 * Keeps live presence per room from LiveKit's events. Idempotent on the event id. The route is
 * documented from `webhookRoute` but served by a plain handler: an OpenAPI validator would read the body
 * before its signature is checked.
 */
export function webhooksRouter(store: RoomStore, sfu: SfuGateway) {
  const router = new OpenAPIHono<AppEnv>();
  router.openAPIRegistry.registerPath(webhookRoute);
  router.post('/webhooks', limitBody(WEBHOOK_MAX_BODY_BYTES), async (c) => {
    const rawBody = await c.req.text();
    let event: WebhookEvent;
    try {
      event = await sfu.receiveWebhook(rawBody, c.req.header('authorization'));
    } catch (err) {
      if (err instanceof WebhookRejectedError && err.reason === 'body') throw errors.badRequest(err.message);
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
  return router;
}

async function applyEvent(store: RoomStore, event: WebhookEvent): Promise<void> {
  const roomName = event.room?.name;
  if (!roomName) return;
  // LiveKit stamps events in whole seconds: presence uses that one clock (see presenceTime).
  const at = presenceTime(Number(event.createdAt));
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
