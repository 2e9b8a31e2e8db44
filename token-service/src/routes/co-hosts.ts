import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { CoHosts } from '../co-hosts.js';
import type { AppEnv } from '../env.js';
import { ParticipantParams } from '../host-schemas.js';
import { ROOM_TOPIC } from '../room-roles.js';
import { Room, errorResponses } from '../schemas.js';

const coHostRoute = (method: 'put' | 'delete') =>
  createRoute({
    method,
    path: '/rooms/{room_name}/co-hosts/{identity}',
    tags: ['host controls'],
    summary: method === 'put' ? 'Make someone a co-host (creator only)' : 'Take the co-host role away (creator only)',
    description:
      'Co-hosts do what the creator does (invites, end, waiting room, mute/remove/lock, stage, hands, Q&A) except act on the ' +
      'creator and manage co-hosts. Creator only: 403 `forbidden` for co-hosts and everyone else who may see the room, 404 for ' +
      'those who may not. 404 `participant_not_found` when the person is neither a member, nor a guest admitted with an invite ' +
      'or from the waiting room, nor in the call; 400 for the creator. Stored (the role only: a guest made co-host stays a guest), applied live to their permissions when they are ' +
      `in the call, then a server data packet on \`${ROOM_TOPIC}\` \`{"type":"roles"}\` tells the whole room. Idempotent.`,
    security: [{ bearerAuth: [] }],
    request: { params: ParticipantParams },
    responses: {
      200: { description: 'The room, with its `co_hosts`', content: { 'application/json': { schema: Room } } },
      ...errorResponses(400, 401, 403, 404, 429, 503),
    },
  });

/** `PUT` / `DELETE /rooms/{room_name}/co-hosts/{identity}`. */
export function coHostsRouter(coHosts: CoHosts) {
  const app = new OpenAPIHono<AppEnv>();
  for (const method of ['put', 'delete'] as const) {
    app.openapi(coHostRoute(method), async (c) => {
      const { room_name, identity } = c.req.valid('param');
      const { room, live } = await coHosts.set(c.get('user'), room_name, identity, method === 'put');
      c.get('log')().info({ room: room_name, identity, live }, method === 'put' ? 'co-host added' : 'co-host removed');
      return c.json(await c.get('meetings').view(room), 200);
    });
  }
  return app;
}
