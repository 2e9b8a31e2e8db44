import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { SignJWT } from 'jose';
import { DEMO_TOKEN_ISSUER, DEMO_TOKEN_KID, hmacKey } from '../auth.js';
import type { AppEnv } from '../env.js';
import { errors } from '../errors.js';
import { DemoLoginBody, DemoLoginResponse, DemoUser, errorResponses } from '../schemas.js';

/**
 * The demo's sign-in: a few fixed users. Enabled only by DEMO_LOGIN=1, which only NODE_ENV=development
 * allows. Tokens are signed with the demo's own secret (DEMO_LOGIN_SECRET, or one generated at start),
 * never with Urbania's: they open this service only, not the host applications that share AUTH_JWT_SECRET.
 */
export const DEMO_USERS = [
  { id: 'alice', name: 'Alice Martin' },
  { id: 'bob', name: 'Bob Dupont' },
  { id: 'carol', name: 'Carole Lefèvre' },
  { id: 'david', name: 'David Bernard' },
  { id: 'emma', name: 'Emma Petit' },
] as const;

const DEMO_TOKEN_TTL_SECONDS = 8 * 3600;

const usersRoute = createRoute({
  method: 'get',
  path: '/demo-users',
  tags: ['demo'],
  summary: 'The demo users (DEMO_LOGIN=1, development only)',
  responses: {
    200: { description: 'Users', content: { 'application/json': { schema: z.object({ users: z.array(DemoUser) }) } } },
  },
});

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['demo'],
  summary: 'Sign in as a demo user: a JWT signed with the demo secret (DEMO_LOGIN=1, development only)',
  request: { body: { required: true, content: { 'application/json': { schema: DemoLoginBody } } } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: DemoLoginResponse } } },
    ...errorResponses(400, 401),
  },
});

export function demoAuthRouter(demoSecret: string) {
  const key = hmacKey(demoSecret, 'sign');
  return new OpenAPIHono<AppEnv>()
    .openapi(usersRoute, (c) => c.json({ users: DEMO_USERS.map((u) => ({ ...u })) }, 200))
    .openapi(loginRoute, async (c) => {
      const { user_id } = c.req.valid('json');
      const user = DEMO_USERS.find((u) => u.id === user_id);
      if (!user) throw errors.unauthorized(`Unknown demo user "${user_id}"`);
      const jwt = new SignJWT({ name: user.name })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: DEMO_TOKEN_KID })
        .setIssuer(DEMO_TOKEN_ISSUER)
        .setSubject(user.id)
        .setIssuedAt()
        .setExpirationTime(`${DEMO_TOKEN_TTL_SECONDS}s`);
      return c.json(
        {
          access_token: await jwt.sign(await key),
          token_type: 'Bearer' as const,
          expires_in: DEMO_TOKEN_TTL_SECONDS,
          user: { ...user },
        },
        200,
      );
    });
}
