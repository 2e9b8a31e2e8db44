import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import type { Lobby } from '../lobby.js';
import type { KnockRecord } from '../store/knocks-types.js';
import { KnockDecision, KnockList, KnockParam, RoomNameParam, errorResponses } from '../schemas.js';

const security = [{ bearerAuth: [] }];
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const listRoute = createRoute({
  method: 'get',
  path: '/rooms/{room_name}/knocks',
  tags: ['waiting room'],
  summary: 'Who is waiting to be let in (host only), first come first',
  security,
  request: { params: RoomNameParam },
  responses: { 200: json(KnockList, 'Waiting guests'), ...errorResponses(400, 401, 403, 404, 429, 503) },
});

const decideRoute = (decision: 'admit' | 'refuse') =>
  createRoute({
    method: 'post',
    path: `/rooms/{room_name}/knocks/{identity}/${decision}`,
    tags: ['waiting room'],
    summary: decision === 'admit' ? 'Let a waiting guest in (host only): their next join gets a token' : 'Refuse a waiting guest (host only)',
    security,
    request: { params: KnockParam },
    responses: { 200: json(KnockDecision, 'The knock after the decision'), ...errorResponses(400, 401, 403, 404, 429, 503) },
  });

const view = (k: KnockRecord) => ({ identity: k.identity, name: k.name, knocked_at: k.knockedAt.toISOString(), via: k.pass });

/** The waiting room's host side: list knocks, admit, refuse. 403 for non-hosts, 404 for those who may not see the room. */
export function knocksRouter(lobby: Lobby) {
  const router = new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
    const room = await c.get('meetings').asHost(c.get('user'), c.req.valid('param').room_name);
    return c.json({ knocks: (await lobby.waiting(room)).map(view) }, 200);
  });
  for (const decision of ['admit', 'refuse'] as const) {
    router.openapi(decideRoute(decision), async (c) => {
      const { room_name, identity } = c.req.valid('param');
      const room = await c.get('meetings').asHost(c.get('user'), room_name);
      const knock = await lobby.decide(room, c.get('user'), identity, decision === 'admit' ? 'admitted' : 'refused');
      c.get('log')().info({ room: room_name, identity, status: knock.status }, 'knock decided');
      return c.json({ identity: knock.identity, status: knock.status }, 200);
    });
  }
  return router;
}
