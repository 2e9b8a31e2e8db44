import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { errors } from '../errors.js';
import { TokenBody, TokenResponse, TokenSourceBody, TokenSourceResponse, errorResponses } from '../schemas.js';

const security = [{ bearerAuth: [] }];
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const tokenRoute = createRoute({
  method: 'post',
  path: '/token',
  tags: ['tokens'],
  summary: 'A LiveKit access token for a room I may join (the seed guide’s endpoint)',
  security,
  request: { body: { required: true, content: { 'application/json': { schema: TokenBody } } } },
  responses: { 200: json(TokenResponse, 'Token'), ...errorResponses(400, 401, 403, 404, 410, 413, 429, 503) },
});

const tokenSourceRoute = createRoute({
  method: 'post',
  path: '/token-source',
  tags: ['tokens'],
  summary: 'LiveKit’s standard token endpoint shape, for livekit-client’s token sources',
  security,
  request: { body: { required: true, content: { 'application/json': { schema: TokenSourceBody } } } },
  responses: { 200: json(TokenSourceResponse, 'Token'), ...errorResponses(400, 401, 403, 404, 410, 413, 429, 503) },
});

export const tokenRouter = new OpenAPIHono<AppEnv>()
  .openapi(tokenRoute, async (c) => {
    const body = c.req.valid('json');
    const user = c.get('user');
    if (body.user_id !== undefined && body.user_id !== user.id) {
      throw errors.forbidden('user_id must be the signed-in user');
    }
    const admission = await c.get('meetings').admit(user, body.room_name, body.username);
    return c.json({ token: admission.token, url: admission.url, room_name: body.room_name }, 200);
  })
  .openapi(tokenSourceRoute, async (c) => {
    const body = c.req.valid('json');
    const user = c.get('user');
    if (body.participant_identity !== undefined && body.participant_identity !== user.id) {
      throw errors.forbidden('participant_identity must be the signed-in user');
    }
    const admission = await c.get('meetings').admit(user, body.room_name, body.participant_name);
    return c.json({ server_url: admission.url, participant_token: admission.token }, 200);
  });
