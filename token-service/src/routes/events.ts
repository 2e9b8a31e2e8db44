/**
 * The user's live channel: `POST /events/ticket` (Bearer) → a short, single-use ticket; `GET /events?ticket=…`
 * → server-sent events (`invitation`, `invitation_answered`, and `ready` once connected), with a comment line
 * every `heartbeatMs` so proxies keep the connection open. `POST /invitations/{room_name}/answer` tells the
 * user's other pages and devices to stop ringing.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../env.js';
import type { Invitations } from '../invitations/invitations.js';
import { EventsQuery, EventsTicket, Invitation, InvitationAnswerBody, InvitationAnswered } from '../invitations/schemas.js';
import type { EventTickets } from '../invitations/tickets.js';
import { ErrorBody, RoomNameParam, errorResponses } from '../schemas.js';

export const EVENTS_PATH = '/api/livekit/events';
export const HEARTBEAT_MS = 15_000;

const security = [{ bearerAuth: [] }];
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const ticketRoute = createRoute({
  method: 'post',
  path: '/events/ticket',
  tags: ['events'],
  summary: 'A ticket to open my events stream (EventSource cannot send the Authorization header)',
  security,
  responses: { 200: json(EventsTicket, 'A single-use ticket, valid a few seconds'), ...errorResponses(401, 429, 503) },
});

const eventsRoute = createRoute({
  method: 'get',
  path: '/events',
  tags: ['events'],
  summary: 'My live events (server-sent events): invitations that ring',
  description:
    'Authenticated by `?ticket=` (from `POST /api/livekit/events/ticket`), never by the Urbania token. Events: `ready` ' +
    '(`{ user_id, heartbeat_seconds }`, once), `invitation` (`Invitation`), `invitation_answered` (`InvitationAnswered`). ' +
    'A comment line (`: heartbeat`) comes every 15 s. A dropped stream needs a new ticket to reconnect.',
  request: { query: EventsQuery },
  responses: {
    200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } },
    401: json(ErrorBody, '`unauthorized`: ticket missing, invalid, expired or already used'),
    ...errorResponses(400, 503),
  },
});

const answerRoute = createRoute({
  method: 'post',
  path: '/invitations/{room_name}/answer',
  tags: ['events'],
  summary: 'Answer an invitation: my other pages and devices stop ringing',
  security,
  request: { params: RoomNameParam, body: { required: true, content: { 'application/json': { schema: InvitationAnswerBody } } } },
  responses: { 200: json(InvitationAnswered, 'Sent to my other pages'), ...errorResponses(400, 401, 403, 404, 429, 503) },
});

export function eventsRouter(deps: { invitations: Invitations; tickets: EventTickets; heartbeatMs?: number }) {
  const { invitations, tickets } = deps;
  const heartbeatMs = deps.heartbeatMs ?? HEARTBEAT_MS;
  const router = new OpenAPIHono<AppEnv>();
  // The stream's payloads are documented as schemas (the widget's types come from them).
  router.openAPIRegistry.register('Invitation', Invitation);
  router.openAPIRegistry.register('InvitationAnswered', InvitationAnswered);
  return router
    .openapi(ticketRoute, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ ticket: await tickets.issue(c.get('user')), expires_in: tickets.ttlSeconds }, 200);
    })
    .openapi(eventsRoute, async (c) => {
      // Before the stream starts, so a bad ticket gets a JSON error with its status.
      const user = await tickets.redeem(c.req.valid('query').ticket);
      c.header('X-Accel-Buffering', 'no');
      return streamSSE(c, async (stream) => {
        let done = false;
        let wake = () => {};
        const end = () => {
          done = true;
          wake();
        };
        const unsubscribe = invitations.bus.subscribe(
          user.id,
          (event) => void stream.writeSSE({ event: event.type, data: JSON.stringify(event.data) }).catch(end),
          end,
        );
        stream.onAbort(end);
        try {
          await stream.writeSSE({ event: 'ready', data: JSON.stringify({ user_id: user.id, heartbeat_seconds: heartbeatMs / 1000 }) });
          while (!done) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, heartbeatMs);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            if (!done) await stream.write(': heartbeat\n\n').catch(end);
          }
        } finally {
          unsubscribe();
        }
      });
    })
    .openapi(answerRoute, async (c) => {
      const user = c.get('user');
      const roomName = c.req.valid('param').room_name;
      // The room's own rule decides who may see it (404/403 as GET /rooms/{room_name}).
      await c.get('meetings').get(user, roomName);
      const { answer } = c.req.valid('json');
      invitations.answered(user, roomName, answer);
      return c.json({ room_name: roomName, answer }, 200);
    });
}
