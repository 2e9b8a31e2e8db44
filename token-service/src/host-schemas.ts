import { z } from '@hono/zod-openapi';
import { Role, RoomName, RoomNameParam, UserId } from './schemas.js';

/** Shapes of the host controls (routes/host.ts); the API's other shapes are in schemas.ts. */

export const ParticipantParams = RoomNameParam.extend({
  identity: UserId.openapi({ param: { name: 'identity', in: 'path' }, description: "The participant's identity (their Urbania user id)" }),
});

export const MuteBody = z
  .object({
    source: z.enum(['microphone', 'camera', 'screen_share']).openapi({ description: 'Which of their tracks to mute' }),
  })
  .strict()
  .openapi('MuteRequest');

export const MuteResponse = z
  .object({ room_name: RoomName, identity: z.string(), source: MuteBody.shape.source, muted: z.literal(true) })
  .openapi('MuteResponse');

export const RemoveResponse = z
  .object({ room_name: RoomName, identity: z.string(), removed: z.literal(true) })
  .openapi('RemoveResponse');

export const StageResponse = z
  .object({
    room_name: RoomName,
    identity: z.string(),
    role: Role,
    live: z.boolean().openapi({ description: 'They are in the call and their permissions changed there, without a rejoin' }),
  })
  .openapi('StageResponse');

export type MuteRequest = z.infer<typeof MuteBody>;
