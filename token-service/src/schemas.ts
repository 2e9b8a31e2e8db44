import { z } from '@hono/zod-openapi';
import { USER_ID_PATTERN } from './auth.js';

/**
 * The API contract, once: these schemas validate requests, write /openapi.json, and give the service its
 * types (`z.infer`, at the end of this file). The widget's client types and constants are generated from
 * /openapi.json (token-service/contract/, `npm run contract`), never written by hand.
 */

export const ROOM_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const RoomName = z
  .string()
  .regex(ROOM_NAME_PATTERN, 'must be 1-64 characters: letters, digits, "-" or "_", starting with a letter or digit')
  .openapi('RoomName', { example: 'team-meeting' });

export const UserId = z
  .string()
  .regex(USER_ID_PATTERN, 'must be 1-128 characters: letters, digits and . _ @ : | + -')
  .openapi({ example: 'bob' });

const DisplayName = z.string().trim().min(1).max(128);

export const CallType = z.enum(['audio', 'video']).openapi('CallType', { description: 'Audio rooms never publish a camera' });

/** Every `error.code` the service answers; clients branch on these, never on the message. */
export const ErrorCode = z
  .enum([
    'invalid_request',
    'unauthorized',
    'forbidden',
    'not_found',
    'room_not_found',
    'room_exists',
    'room_ended',
    'invite_invalid',
    'knock_refused',
    'idempotency_key_reused',
    'participant_not_found',
    'track_not_found',
    'room_locked',
    'push_not_configured',
    'payload_too_large',
    'rate_limited',
    'unavailable',
    'internal_error',
  ])
  .openapi('ErrorCode', { example: 'room_not_found' });

export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string().openapi({ example: 'Room "team-meeting" does not exist' }),
    }),
  })
  .openapi('Error');

export const Presence = z.object({ identity: z.string(), name: z.string() }).openapi('Presence');

export const Room = z
  .object({
    room_name: RoomName,
    call_type: CallType,
    webinar: z.boolean(),
    speakers: z.array(z.string()),
    participants: z.array(z.string()),
    created_by: z.string(),
    created_by_name: z.string(),
    co_hosts: z.array(z.string()).openapi({
      description:
        'Co-hosts: hosts besides the creator (user ids, the creator not included). A user is a host when `created_by` is them or `co_hosts` includes them',
    }),
    open_to_link: z.boolean(),
    audience_chat: z.boolean().openapi({ description: "A webinar's audience may write in the chat (everyone else always may)" }),
    locked: z.boolean().openapi({ description: 'The host locked the room: no new joins, even with an invite (people in the call stay)' }),
    waiting_room: z.boolean().openapi({ description: 'Users who are neither the creator nor invited wait until a host admits them' }),
    created_at: z.string().openapi({ format: 'date-time' }),
    ended_at: z.string().nullable().openapi({ format: 'date-time', description: 'When a host ended the room; joins then answer 410 `room_ended`' }),
    connected: z.array(Presence),
  })
  .openapi('Room');

export const CreateRoomBody = z
  .object({
    // Optional: without it the service picks an unguessable name such as `abc-defg-hij` (47 random bits).
    room_name: RoomName.optional(),
    participants: z.array(UserId).max(500).default([]),
    call_type: CallType.default('video'),
    speakers: z.array(UserId).max(100).optional().openapi({
      description: 'Makes the room a webinar: only these users and the creator publish; everyone else subscribes only',
    }),
    co_hosts: z.array(UserId).max(20).optional().openapi({
      description:
        'Co-hosts: they may do what the creator does (invites, end, waiting room, host controls, Q&A) except act on the creator ' +
        'and manage co-hosts. They are invited too, and speak in a webinar (their role is `host`)',
    }),
    open_to_link: z
      .boolean()
      .default(false)
      .openapi({
        description:
          'A public room: anyone signed in who knows its name may see and join it as a participant (without it, only the ' +
          'creator, the invited users and holders of an invite link may, and everyone else gets 404)',
      }),
    audience_chat: z
      .boolean()
      .default(false)
      .openapi({
        description: "A webinar's audience may write in the chat (their token gets canPublishData); they never publish media. " +
          'Without it they read only: the SFU drops their data. Other rooms ignore it: everyone may write',
      }),
    waiting_room: z
      .boolean()
      .default(false)
      .openapi({ description: 'Users admitted by an invite link or by open_to_link wait (202) until a host admits them' }),
  })
  .strict()
  .openapi('CreateRoomRequest', {
    description: 'Without `room_name` the service picks an unguessable name such as `abc-defg-hij` (47 random bits)',
  });

export const RoomNameParam = z.object({
  room_name: RoomName.openapi({ param: { name: 'room_name', in: 'path' } }),
});

/** `/rooms/{room_name}/participants/{identity}/…`: a participant's identity is its Urbania user id. */
export const ParticipantParams = RoomNameParam.extend({
  identity: UserId.openapi({ param: { name: 'identity', in: 'path' } }),
});

export const LowerHandResponse = z
  .object({ room_name: RoomName, identity: z.string(), hand_raised: z.literal(false) })
  .openapi('LowerHandResponse');

export const TokenBody = z
  .object({
    room_name: RoomName,
    user_id: UserId.optional().openapi({ description: "Must equal the Urbania token's subject when given" }),
    username: DisplayName.optional(),
  })
  .strict()
  .openapi('TokenRequest');

/** An invite link's secret (`?invite=` of the link). */
export const InviteSecret = z.string().min(1).max(256).regex(/^[A-Za-z0-9_-]+$/, 'must be an invite link secret');

export const InviteQuery = z.object({
  invite: InviteSecret.optional().openapi({
    param: { name: 'invite', in: 'query' },
    description: 'The invite link secret, for users who are neither the creator nor invited',
  }),
});

export const JoinBody = z
  .object({
    username: DisplayName.optional().openapi({ description: "Display name in this call; defaults to the Urbania token's name" }),
    invite: InviteSecret.optional().openapi({ description: 'The invite link secret, for users who are neither the creator nor invited' }),
  })
  .strict()
  .openapi('JoinRequest');

export const TokenResponse = z
  .object({ token: z.string(), url: z.string(), room_name: RoomName })
  .openapi('TokenResponse');

export const Role = z
  .enum(['host', 'participant', 'speaker', 'audience'])
  .openapi('Role', { description: "The creator and the co-hosts are hosts; a webinar's speakers speak, its audience only listens" });

export const MediaSource = z
  .enum(['camera', 'microphone', 'screen_share', 'screen_share_audio'])
  .openapi('MediaSource');

export const Permissions = z
  .object({
    role: Role,
    can_publish: z.boolean(),
    can_subscribe: z.boolean(),
    sources: z.array(MediaSource).openapi({ description: 'What this user may publish; empty for the audience' }),
  })
  .openapi('Permissions');

export const JoinResponse = z
  .object({
    room: Room,
    token: z.string(),
    url: z.string(),
    room_name: RoomName,
    permissions: Permissions,
    connected_elsewhere: z.boolean().openapi({
      description:
        'This user is in the call right now (another tab or device, from the SFU): connecting with this token ends that session (LiveKit DUPLICATE_IDENTITY); ask first',
    }),
  })
  .openapi('JoinResponse');

export const JoinWaitingResponse = z
  .object({ status: z.literal('waiting'), room_name: RoomName })
  .openapi('JoinWaitingResponse', { description: 'In the waiting room: no token until a host admits you; ask again' });

export const Knock = z
  .object({
    identity: z.string(),
    name: z.string(),
    knocked_at: z.string().openapi({ format: 'date-time' }),
    via: z.enum(['participant', 'audience', 'open_link']).openapi({ description: "The invite's role, or the open link" }),
  })
  .openapi('Knock');

export const KnockList = z.object({ knocks: z.array(Knock) }).openapi('KnockList');

export const KnockParam = z.object({
  room_name: RoomName.openapi({ param: { name: 'room_name', in: 'path' } }),
  identity: UserId.openapi({ param: { name: 'identity', in: 'path' } }),
});

export const KnockDecision = z
  .object({ identity: z.string(), status: z.enum(['waiting', 'admitted', 'refused']) })
  .openapi('KnockDecision', { description: 'The knock after the decision (the first decision wins)' });

export const LeaveResponse = z.object({ room_name: RoomName, left: z.literal(true) }).openapi('LeaveResponse');

export const RoomList = z
  .object({
    rooms: z.array(Room),
    next_cursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  })
  .openapi('RoomList');

export const RoomListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ param: { name: 'limit', in: 'query' }, example: 50 }),
  cursor: z.string().max(200).optional().openapi({ param: { name: 'cursor', in: 'query' }, description: "The previous page's `next_cursor`" }),
});

export const InviteRole = z
  .enum(['participant', 'audience'])
  .openapi('InviteRole', { description: '`audience` (webinars only) subscribes and never publishes' });

export const CreateInviteBody = z
  .object({
    role: InviteRole,
    expires_in_seconds: z.number().int().min(60).max(30 * 86_400).default(7 * 86_400).openapi({ description: 'Default 7 days, at most 30' }),
    max_uses: z.number().int().min(1).max(10_000).optional().openapi({ description: 'How many different users it admits; unlimited without it' }),
  })
  .strict()
  .openapi('CreateInviteRequest');

export const Invite = z
  .object({
    id: z.string().openapi({ description: 'For `DELETE /rooms/{room_name}/invites/{id}`' }),
    invite: z.string().openapi({ description: 'The secret (256 random bits); shown once, stored hashed' }),
    url: z.string().openapi({ description: 'The invite page with `?room=…&invite=…`' }),
    role: InviteRole,
    expires_at: z.string().openapi({ format: 'date-time' }),
    max_uses: z.number().int().nullable(),
  })
  .openapi('Invite');

export const InviteIdParam = z.object({
  room_name: RoomName.openapi({ param: { name: 'room_name', in: 'path' } }),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).openapi({ param: { name: 'id', in: 'path' } }),
});

export const RevokeInviteResponse = z.object({ id: z.string(), revoked: z.literal(true) }).openapi('RevokeInviteResponse');

export const EndRoomResponse = z.object({ room_name: RoomName, ended_at: z.string().openapi({ format: 'date-time' }) }).openapi('EndRoomResponse');

/** LiveKit's standard token endpoint request (livekit-client's TokenSource.endpoint sends this). */
export const TokenSourceBody = z
  .object({
    room_name: RoomName,
    participant_identity: UserId.optional(),
    participant_name: DisplayName.optional(),
    participant_metadata: z.string().max(4096).optional(),
    participant_attributes: z.record(z.string(), z.string()).optional(),
    room_config: z.unknown().optional(),
  })
  .openapi('TokenSourceRequest');

export const TokenSourceResponse = z
  .object({ server_url: z.string(), participant_token: z.string() })
  .openapi('TokenSourceResponse');

export const DemoLoginBody = z.object({ user_id: z.string().min(1).max(128) }).strict().openapi('DemoLoginRequest');

export const DemoUser = z.object({ id: z.string(), name: z.string() }).openapi('DemoUser');

export const DemoLoginResponse = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    user: DemoUser,
  })
  .openapi('DemoLoginResponse');

export const errorResponses = (...statuses: Array<400 | 401 | 403 | 404 | 409 | 410 | 413 | 423 | 429 | 503>) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: ERROR_DESCRIPTIONS[s], content: { 'application/json': { schema: ErrorBody } } },
    ]),
  );

const ERROR_DESCRIPTIONS = {
  400: 'Invalid request (the message names the fields at fault)',
  401: 'Missing, invalid or expired Urbania token',
  403: 'Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`)',
  404: 'Room not found, or not visible to this user (the same answer, so names do not leak)',
  409: 'A room with this name already exists',
  410: '`room_ended`: a host ended the room',
  413: 'Body larger than 16 KB',
  423: '`room_locked`: the host locked the room; no new joins',
  429: 'Too many requests for this user (see Retry-After)',
  503: 'MongoDB or LiveKit unavailable (see Retry-After)',
} as const;

// Types inferred from the schemas above: the service writes none of these shapes by hand.
export type RoomName = z.infer<typeof RoomName>;
export type CallType = z.infer<typeof CallType>;
export type ErrorCode = z.infer<typeof ErrorCode>;
export type ErrorBody = z.infer<typeof ErrorBody>;
export type Presence = z.infer<typeof Presence>;
export type RoomView = z.infer<typeof Room>;
export type Role = z.infer<typeof Role>;
export type MediaSource = z.infer<typeof MediaSource>;
export type Permissions = z.infer<typeof Permissions>;
export type CreateRoomRequest = z.infer<typeof CreateRoomBody>;
export type JoinRequest = z.infer<typeof JoinBody>;
export type JoinResponse = z.infer<typeof JoinResponse>;
export type LeaveResponse = z.infer<typeof LeaveResponse>;
export type TokenRequest = z.infer<typeof TokenBody>;
export type TokenResponse = z.infer<typeof TokenResponse>;
