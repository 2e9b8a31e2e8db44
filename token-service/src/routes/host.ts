import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import type { HostControls } from '../host-controls.js';
import { MuteBody, MuteResponse, ParticipantParams, RemoveResponse, StageResponse } from '../host-schemas.js';
import { Room, RoomNameParam, errorResponses } from '../schemas.js';

const security = [{ bearerAuth: [] }];
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const HOST_ONLY = 'Hosts only (the room’s creator and its co-hosts): 403 `forbidden` for everyone else who may see the room. A co-host acting on the creator: 403.';

const muteRoute = createRoute({
  method: 'post',
  path: '/rooms/{room_name}/participants/{identity}/mute',
  tags: ['host controls'],
  summary: "Mute a participant's microphone, camera or screen share on the SFU",
  description: `${HOST_ONLY} 404 \`participant_not_found\` when they are not in the call, \`track_not_found\` when they publish no track of that source. They may unmute themselves.`,
  security,
  request: { params: ParticipantParams, body: { required: true, content: { 'application/json': { schema: MuteBody } } } },
  responses: { 200: json(MuteResponse, 'Muted'), ...errorResponses(400, 401, 403, 404, 429, 503) },
});

const removeRoute = createRoute({
  method: 'post',
  path: '/rooms/{room_name}/participants/{identity}/remove',
  tags: ['host controls'],
  summary: 'Remove a participant from the call (their widget says the host removed them)',
  description: `${HOST_ONLY} 404 \`participant_not_found\` when they are not in the call. Removal does not stop a rejoin: lock the room for that.`,
  security,
  request: { params: ParticipantParams },
  responses: { 200: json(RemoveResponse, 'Removed'), ...errorResponses(400, 401, 403, 404, 429, 503) },
});

const stageRoute = (action: 'promote' | 'demote') =>
  createRoute({
    method: 'post',
    path: `/rooms/{room_name}/participants/{identity}/${action}`,
    tags: ['host controls'],
    summary:
      action === 'promote'
        ? 'Webinar: make an audience member a speaker, live (no rejoin)'
        : 'Webinar: put a speaker back in the audience, live (the SFU stops their publications)',
    description: `${HOST_ONLY} Stored on the room (its speakers), so a rejoin keeps the role. A promote also lowers their raised hand; afterwards the room gets the server data packet \`urbania.room\` \`{"type":"roles"}\`. 400 for a room that is not a webinar, for the creator and for a co-host (who speaks as a host); 404 \`participant_not_found\` for someone neither in the call nor invited.`,
    security,
    request: { params: ParticipantParams },
    responses: { 200: json(StageResponse, 'Their role now'), ...errorResponses(400, 401, 403, 404, 429, 503) },
  });

const lockRoute = (action: 'lock' | 'unlock') =>
  createRoute({
    method: 'post',
    path: `/rooms/{room_name}/${action}`,
    tags: ['host controls'],
    summary: action === 'lock' ? 'Lock the room: no new joins, even with an invite' : 'Unlock the room',
    description: `${HOST_ONLY} A join of a locked room answers 423 \`room_locked\` to everyone but the host and those in the call; tokens already handed out stay valid.`,
    security,
    request: { params: RoomNameParam },
    responses: { 200: json(Room, 'The room'), ...errorResponses(400, 401, 403, 404, 429, 503) },
  });

/** The host controls: mute, remove, promote/demote (webinar stage), lock/unlock. */
export function hostRouter(controls: HostControls) {
  const app = new OpenAPIHono<AppEnv>()
    .openapi(muteRoute, async (c) => {
      const { room_name, identity } = c.req.valid('param');
      const { source } = c.req.valid('json');
      await controls.mute(c.get('user'), room_name, identity, source);
      c.get('log')().info({ room: room_name, identity, source }, 'host muted a participant');
      return c.json({ room_name, identity, source, muted: true as const }, 200);
    })
    .openapi(removeRoute, async (c) => {
      const { room_name, identity } = c.req.valid('param');
      await controls.remove(c.get('user'), room_name, identity);
      c.get('log')().info({ room: room_name, identity }, 'host removed a participant');
      return c.json({ room_name, identity, removed: true as const }, 200);
    });
  for (const action of ['promote', 'demote'] as const) {
    app.openapi(stageRoute(action), async (c) => {
      const { room_name, identity } = c.req.valid('param');
      const { role, live } = await controls.setStage(c.get('user'), room_name, identity, action === 'promote');
      c.get('log')().info({ room: room_name, identity, role, live }, `host ${action}d a participant`);
      return c.json({ room_name, identity, role, live }, 200);
    });
  }
  for (const action of ['lock', 'unlock'] as const) {
    app.openapi(lockRoute(action), async (c) => {
      const { room_name } = c.req.valid('param');
      const room = await controls.setLocked(c.get('user'), room_name, action === 'lock');
      c.get('log')().info({ room: room_name }, `host ${action}ed the room`);
      return c.json(await c.get('meetings').view(room), 200);
    });
  }
  return app;
}
