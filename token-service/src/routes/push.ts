/**
 * Web Push subscriptions: the VAPID public key, and the user's PushSubscription saved or removed. Answers 404
 * `push_not_configured` when the service has no VAPID keys (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import type { PushSender } from '../invitations/push.js';
import { PushSubscriptionBody, PushSubscriptionRef, PushSubscriptionSaved, VapidPublicKey } from '../invitations/schemas.js';
import { ErrorBody, errorResponses } from '../schemas.js';
import type { PushSubscriptionStore } from '../store/push-subscriptions.js';

const security = [{ bearerAuth: [] }];
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const notConfigured = { 404: json(ErrorBody, '`push_not_configured`: the service has no VAPID keys') };
const body = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

const vapidRoute = createRoute({
  method: 'get',
  path: '/push/vapid-public-key',
  tags: ['push'],
  summary: 'The VAPID public key to subscribe with (`applicationServerKey`)',
  security,
  responses: { 200: json(VapidPublicKey, 'The key'), ...notConfigured, ...errorResponses(401, 429) },
});

const saveRoute = createRoute({
  method: 'post',
  path: '/push/subscriptions',
  tags: ['push'],
  summary: "Save this browser's push subscription: invitations reach it when no Urbania page is open",
  security,
  request: body(PushSubscriptionBody),
  responses: { 201: json(PushSubscriptionSaved, 'Saved'), ...notConfigured, ...errorResponses(400, 401, 413, 429, 503) },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/push/subscriptions',
  tags: ['push'],
  summary: "Remove one of my push subscriptions (this browser's, by its endpoint)",
  security,
  request: body(PushSubscriptionRef),
  responses: {
    200: json(z.object({ endpoint: z.string(), removed: z.boolean() }).openapi('PushSubscriptionRemoved'), '`removed` is false when I had no such subscription'),
    ...errorResponses(400, 401, 429, 503),
  },
});

export function pushRouter(deps: { push: PushSender | undefined; store: PushSubscriptionStore }) {
  const { push, store } = deps;
  const requirePush = () => {
    if (!push) throw new ApiError(404, 'push_not_configured', 'Web Push is not configured on this service (no VAPID keys)');
    return push;
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(vapidRoute, (c) => c.json({ public_key: requirePush().publicKey }, 200))
    .openapi(saveRoute, async (c) => {
      requirePush();
      const { endpoint, keys } = c.req.valid('json');
      await store.save({ userId: c.get('user').id, endpoint, keys, createdAt: new Date() });
      return c.json({ endpoint }, 201);
    })
    .openapi(deleteRoute, async (c) => {
      const { endpoint } = c.req.valid('json');
      return c.json({ endpoint, removed: await store.remove(c.get('user').id, endpoint) }, 200);
    });
}
