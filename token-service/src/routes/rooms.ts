import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import {
  CreateRoomBody,
  EndRoomResponse,
  InviteQuery,
  RoomListQuery,
  JoinBody,
  JoinResponse,
  JoinWaitingResponse,
  LeaveResponse,
  Room,
  RoomList,
  RoomNameParam,
  errorResponses,
} from '../schemas.js';

const security = [{ bearerAuth: [] }];
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7E]+$/, 'must be 1–255 visible ASCII characters')
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description:
        'Makes retries safe: a create repeated with the same key and body answers the room it created (201, `Idempotent-Replayed: true`); the same key with another body answers 409 `idempotency_key_reused`. Keys are remembered 24 h, per user.',
    }),
});

const createRoomRoute = createRoute({
  method: 'post',
  path: '/rooms',
  tags: ['rooms'],
  summary: 'Create a room (the creator is always a participant)',
  description:
    'Safe to retry: the same creator sending the same body again (for instance after a 503 whose write was stored anyway) gets the room back (201, `Idempotent-Replayed: true`), never 409. Another user, or another body, for a taken name: 409 `room_exists`.',
  security,
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'application/json': { schema: CreateRoomBody } } },
  },
  responses: {
    201: {
      ...json(Room, 'The room (created now, or by an earlier attempt of the same request)'),
      headers: {
        'Idempotent-Replayed': { description: '`true` when an earlier attempt of this request created the room', schema: { type: 'string' } },
      },
    },
    ...errorResponses(400, 401, 413, 503),
    429: {
      ...errorResponses(429)[429],
      description: '`rate_limited`: too many requests, or more new rooms this hour than `ROOMS_PER_HOUR` (see Retry-After)',
    },
    409: {
      ...errorResponses(409)[409],
      description: '`room_exists`: the name is taken by another user or another request; `idempotency_key_reused`: the key was used for another request',
    },
  },
});

const listRoomsRoute = createRoute({
  method: 'get',
  path: '/rooms',
  tags: ['rooms'],
  summary: 'My rooms: created by me or invited (paginated)',
  description: 'Newest first, `limit` per page (default 50, at most 100); follow `next_cursor`. Ended rooms stay listed for `ENDED_ROOM_RETENTION_SECONDS`.',
  security,
  request: { query: RoomListQuery },
  responses: { 200: json(RoomList, 'My rooms, newest first'), ...errorResponses(400, 401, 429, 503) },
});

const getRoomRoute = createRoute({
  method: 'get',
  path: '/rooms/{room_name}',
  tags: ['rooms'],
  summary: 'A room, with who is connected now',
  description:
    'For its creator and invited users, for anyone with a valid `invite`, and for anyone signed in when the room is `open_to_link`. ' +
    'Everyone else gets 404 `room_not_found`, the same answer as for a room that does not exist.',
  security,
  request: { params: RoomNameParam, query: InviteQuery },
  responses: { 200: json(Room, 'The room'), ...errorResponses(400, 401, 403, 404, 429, 503) },
});

const joinRoomRoute = createRoute({
  method: 'post',
  path: '/rooms/{room_name}/join',
  tags: ['rooms'],
  summary: 'Join a room: the room and a LiveKit token with this user’s grants',
  description:
    'Same visibility as `GET /rooms/{room_name}`; guests send the invite link secret as `invite` and get the invite’s role. ' +
    'An ended room answers 410 `room_ended`. In a room created with `waiting_room`, a guest knocks: 202 ' +
    '`{status: "waiting"}` and no token until a host admits them (ask again, e.g. every 2 s); refused: 403 `knock_refused`.',
  security,
  // The body is optional: without one (or without `username`) the display name is the Urbania token's.
  request: { params: RoomNameParam, body: { required: false, content: { 'application/json': { schema: JoinBody } } } },
  responses: {
    200: json(JoinResponse, 'Admission'),
    202: json(JoinWaitingResponse, 'In the waiting room: no token yet'),
    ...errorResponses(400, 401, 403, 404, 410, 423, 429, 503),
  },
});

const endRoomRoute = createRoute({
  method: 'post',
  path: '/rooms/{room_name}/end',
  tags: ['rooms'],
  summary: 'End the room for everyone (host only): closed on the SFU, joins refused with 410 from now on',
  security,
  request: { params: RoomNameParam },
  responses: { 200: json(EndRoomResponse, 'Ended (again: the first end’s time)'), ...errorResponses(400, 401, 403, 404, 429, 503) },
});

const leaveRoomRoute = createRoute({
  method: 'post',
  path: '/rooms/{room_name}/leave',
  tags: ['rooms'],
  summary: 'Leave a room (removes the participant from the SFU)',
  security,
  request: { params: RoomNameParam },
  responses: { 200: json(LeaveResponse, 'Left'), ...errorResponses(400, 401, 403, 404, 429, 503) },
});

export const roomsRouter = new OpenAPIHono<AppEnv>()
  .openapi(createRoomRoute, async (c) => {
    const body = c.req.valid('json');
    const meetings = c.get('meetings');
    const { room, replayed } = await meetings.create(
      c.get('user'),
      {
        roomName: body.room_name,
        participants: body.participants,
        callType: body.call_type,
        speakers: body.speakers,
        coHosts: body.co_hosts,
        openToLink: body.open_to_link,
        audienceChat: body.audience_chat,
        waitingRoom: body.waiting_room,
      },
      c.req.valid('header')['idempotency-key'],
    );
    if (replayed) c.header('Idempotent-Replayed', 'true');
    else c.get('invitations').roomCreated(room);
    c.get('log')().info({ room: room.roomName, callType: room.callType, replayed }, replayed ? 'room create retried' : 'room created');
    return c.json(await meetings.view(room), 201);
  })
  .openapi(listRoomsRoute, async (c) => {
    const meetings = c.get('meetings');
    const { rooms, nextCursor } = await meetings.listFor(c.get('user'), c.req.valid('query'));
    return c.json({ rooms: await meetings.views(rooms), next_cursor: nextCursor }, 200);
  })
  .openapi(getRoomRoute, async (c) => {
    const meetings = c.get('meetings');
    const room = await meetings.get(c.get('user'), c.req.valid('param').room_name, c.req.valid('query').invite);
    return c.json(await meetings.view(room), 200);
  })
  .openapi(joinRoomRoute, async (c) => {
    const meetings = c.get('meetings');
    const { username, invite } = c.req.valid('json') ?? {};
    const admission = await meetings.join(c.get('user'), c.req.valid('param').room_name, username, invite);
    if ('waiting' in admission) return c.json({ status: 'waiting' as const, room_name: admission.room.roomName }, 202);
    const { permissions } = admission;
    const [view, connectedElsewhere] = await Promise.all([
      meetings.view(admission.room),
      meetings.isInCall(admission.room.roomName, c.get('user').id),
    ]);
    return c.json(
      {
        room: view,
        connected_elsewhere: connectedElsewhere,
        token: admission.token,
        url: admission.url,
        room_name: admission.room.roomName,
        permissions: {
          role: permissions.role,
          can_publish: permissions.canPublish,
          can_subscribe: permissions.canSubscribe,
          sources: permissions.sources,
        },
      },
      200,
    );
  })
  .openapi(endRoomRoute, async (c) => {
    const room = await c.get('meetings').end(c.get('user'), c.req.valid('param').room_name);
    c.get('log')().info({ room: room.roomName }, 'room ended');
    return c.json({ room_name: room.roomName, ended_at: room.endedAt!.toISOString() }, 200);
  })
  .openapi(leaveRoomRoute, async (c) => {
    const roomName = c.req.valid('param').room_name;
    await c.get('meetings').leave(c.get('user'), roomName);
    return c.json({ room_name: roomName, left: true as const }, 200);
  });
