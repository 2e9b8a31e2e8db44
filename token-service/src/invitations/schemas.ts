/**
 * Shapes of the invitation features (events stream, Web Push, webhook): zod schemas, as in ../schemas.ts, which
 * they build on. Registered in /openapi.json by routes/events.ts and routes/push.ts.
 */
import { z } from '@hono/zod-openapi';
import { CallType, RoomName } from '../schemas.js';

export const Invitation = z
  .object({
    room_name: RoomName,
    call_type: CallType,
    from: z.object({ id: z.string(), name: z.string() }).openapi({ description: 'Who invited (the room creator)' }),
    created_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Invitation', {
    description: 'The `invitation` event of `GET /api/livekit/events`, the Web Push payload (with `type`) and the webhook body (with `type`, `id`, `user_id`)',
  });

export const InvitationAnswer = z.enum(['accepted', 'declined']).openapi('InvitationAnswer');

export const InvitationAnswered = z
  .object({ room_name: RoomName, answer: InvitationAnswer })
  .openapi('InvitationAnswered', {
    description: 'The `invitation_answered` event: the user answered on one tab or device; the others stop ringing',
  });

export const InvitationAnswerBody = z.object({ answer: InvitationAnswer }).strict().openapi('InvitationAnswerRequest');

export const EventsTicket = z
  .object({
    ticket: z.string().openapi({ description: 'Opaque, single use: `GET /api/livekit/events?ticket=…`' }),
    expires_in: z.number().int().openapi({ description: 'Seconds before the ticket expires unused' }),
  })
  .openapi('EventsTicket');

export const EventsQuery = z.object({
  ticket: z
    .string()
    .max(2048)
    .optional()
    .openapi({ param: { name: 'ticket', in: 'query' }, description: 'From `POST /api/livekit/events/ticket`' }),
});

export const VapidPublicKey = z
  .object({ public_key: z.string().openapi({ description: 'The VAPID public key (base64url), `applicationServerKey` of `pushManager.subscribe`' }) })
  .openapi('VapidPublicKey');

const Base64Url = z.string().min(1).max(256).regex(/^[A-Za-z0-9_-]+={0,2}$/, 'must be base64url');

export const PushSubscriptionBody = z
  .object({
    endpoint: z.url({ protocol: /^https$/, error: "must be an https URL (a push service's endpoint)" }).max(2048),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: Base64Url, auth: Base64Url }),
  })
  .openapi('PushSubscription', { description: "The browser's `PushSubscription.toJSON()`" });

export const PushSubscriptionRef = z
  .object({ endpoint: z.url({ protocol: /^https$/, error: "must be an https URL (a push service's endpoint)" }).max(2048) })
  .strict()
  .openapi('PushSubscriptionRef');

export const PushSubscriptionSaved = z.object({ endpoint: z.string() }).openapi('PushSubscriptionSaved');

export type Invitation = z.infer<typeof Invitation>;
export type InvitationAnswer = z.infer<typeof InvitationAnswer>;
export type InvitationAnswered = z.infer<typeof InvitationAnswered>;
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;
