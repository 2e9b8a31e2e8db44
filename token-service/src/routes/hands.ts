import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { HAND_ATTRIBUTE, lowerHand } from '../hands.js';
import type { SfuGateway } from '../livekit.js';
import { LowerHandResponse, ParticipantParams, errorResponses } from '../schemas.js';

const lowerHandRoute = createRoute({
  method: 'post',
  path: '/rooms/{room_name}/participants/{identity}/lower-hand',
  tags: ['participants'],
  summary: "Lower a participant's raised hand (host only)",
  description:
    `A raised hand is the participant attribute \`${HAND_ATTRIBUTE}\` (ISO 8601 time the hand went up), set by the ` +
    'participant itself with livekit-client; this deletes it on the SFU, and every participant sees the change. ' +
    'Only a host (the creator or a co-host) may call it (403 `forbidden` otherwise). A participant who is not in the call answers 200 too: ' +
    'no hand is up.',
  security: [{ bearerAuth: [] }],
  request: { params: ParticipantParams },
  responses: {
    200: { description: 'The hand is down', content: { 'application/json': { schema: LowerHandResponse } } },
    ...errorResponses(400, 401, 403, 404, 429, 503),
  },
});

/** Raised hands: participants raise and lower their own (LiveKit attributes); a host (creator or co-host) lowers anyone's here. */
export function handsRouter(sfu: SfuGateway) {
  return new OpenAPIHono<AppEnv>().openapi(lowerHandRoute, async (c) => {
    const { room_name, identity } = c.req.valid('param');
    await lowerHand(c.get('meetings'), sfu, c.get('user'), room_name, identity);
    c.get('log')().info({ room: room_name, identity }, 'hand lowered by the host');
    return c.json({ room_name, identity, hand_raised: false as const }, 200);
  });
}
