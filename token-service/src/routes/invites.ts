import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { CreateInviteBody, Invite, InviteIdParam, RevokeInviteResponse, RoomNameParam, errorResponses } from '../schemas.js';
import { roomEnded } from '../meetings.js';

const security = [{ bearerAuth: [] }];
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const createInviteRoute = createRoute({
  method: 'post',
  path: '/rooms/{room_name}/invites',
  tags: ['invites'],
  summary: 'Create an invite link (host only)',
  description:
    'The secret is shown once (only its hash is stored). `audience` invites are for webinars only (400 otherwise). ' +
    '`max_uses` counts different users: someone coming back with the same link does not use it up.',
  security,
  request: {
    params: RoomNameParam,
    body: { required: true, content: { 'application/json': { schema: CreateInviteBody } } },
  },
  responses: { 201: json(Invite, 'The invite link'), ...errorResponses(400, 401, 403, 404, 410, 413, 429, 503) },
});

const revokeInviteRoute = createRoute({
  method: 'delete',
  path: '/rooms/{room_name}/invites/{id}',
  tags: ['invites'],
  summary: 'Revoke an invite link (host only): it stops working at once',
  security,
  request: { params: InviteIdParam },
  responses: { 200: json(RevokeInviteResponse, 'Revoked'), ...errorResponses(400, 401, 403, 404, 429, 503) },
});

export const invitesRouter = new OpenAPIHono<AppEnv>()
  .openapi(createInviteRoute, async (c) => {
    const meetings = c.get('meetings');
    const user = c.get('user');
    const room = await meetings.asHost(user, c.req.valid('param').room_name);
    if (room.endedAt) throw roomEnded(room.roomName);
    const body = c.req.valid('json');
    const { record, secret, url } = await meetings.invites.create(room, user, {
      role: body.role,
      expiresInSeconds: body.expires_in_seconds,
      maxUses: body.max_uses,
    });
    c.get('log')().info({ room: room.roomName, invite: record.id, role: record.role }, 'invite created');
    return c.json(
      { id: record.id, invite: secret, url, role: record.role, expires_at: record.expiresAt.toISOString(), max_uses: record.maxUses },
      201,
    );
  })
  .openapi(revokeInviteRoute, async (c) => {
    const { room_name, id } = c.req.valid('param');
    const meetings = c.get('meetings');
    await meetings.asHost(c.get('user'), room_name);
    await meetings.invites.revoke(room_name, id);
    return c.json({ id, revoked: true as const }, 200);
  });
