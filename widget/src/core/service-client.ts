/**
 * HTTP client for the Urbania token service (flows in token-service/API.md, shapes in its /openapi.json).
 * No Lit, no livekit-client: plain fetch. Every failure becomes a typed ServiceError. Each call names its
 * OpenAPI path and method, so a path, body or response that drifts from the service fails the typecheck.
 */
import { ERROR_CODES, type components, type paths } from './api.generated.js';

type Method = 'get' | 'post' | 'put' | 'delete';
/** The operation `M` on path `P`, as the service documents it. */
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
/** The JSON body of the operation's success answer (200 or 201). */
type SuccessBody<O> = O extends { responses: infer R } ? JsonOf<R[keyof R & (200 | 201)]> : never;
/** The JSON request body: required, optional, or none, as the operation says. */
type BodyOption<O> = O extends { requestBody?: never }
  ? { body?: never }
  : O extends { requestBody: infer B }
    ? { body: JsonOf<B> }
    : O extends { requestBody?: infer B }
      ? { body?: JsonOf<NonNullable<B>> | undefined }
      : never;
/** The path parameters of the operation (e.g. `{ room_name }`). */
type PathParams<O> = O extends { parameters: { path: infer P } } ? P : never;
type CallOptions<O> = ([PathParams<O>] extends [never] ? { params?: never } : { params: PathParams<O> })
  & BodyOption<O> & { query?: Record<string, string | undefined> };

/** The service's shapes, generated from its OpenAPI document (see api.generated.ts): never written here. */
type Schemas = components['schemas'];
export type CallType = Schemas['CallType'];
export type RoomInfo = Schemas['Room'];
export type CreateRoomRequest = Schemas['CreateRoomRequest'];
export type JoinPermissions = Schemas['Permissions'];
export type JoinResponse = Schemas['JoinResponse'];
export type LeaveResponse = Schemas['LeaveResponse'];
export type JoinWaitingResponse = Schemas['JoinWaitingResponse'];
export type Knock = Schemas['Knock'];
export type KnockDecision = Schemas['KnockDecision'];
export type LowerHandResponse = Schemas['LowerHandResponse'];
export type MuteSource = Schemas['MuteRequest']['source'];
export type MuteResponse = Schemas['MuteResponse'];
export type RemoveResponse = Schemas['RemoveResponse'];
export type StageResponse = Schemas['StageResponse'];
export type Role = Schemas['Role'];
export type ChatHistoryMessage = Schemas['ChatHistoryMessage'];
export type ChatHistory = Schemas['ChatHistory'];
export type Question = Schemas['Question'];
export type Invite = Schemas['Invite'];
export type InviteRole = Schemas['InviteRole'];
export type EndRoomResponse = Schemas['EndRoomResponse'];
export type QuestionList = Schemas['QuestionList'];

/** Error codes from the service (its `ErrorCode`), plus the client-side ones. */
export type ServiceErrorCode =
  | Schemas['ErrorCode']
  | 'network_error'
  | 'no_auth'
  | 'no_service_url'
  | 'bad_response'
  | 'unknown';

const KNOWN_CODES = new Set<string>(ERROR_CODES);

export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly status = 0,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export interface ServiceClientOptions {
  baseUrl: string;
  /** A fixed Urbania JWT. */
  authToken?: string | undefined;
  /** Called before each request; wins over authToken. */
  getAuthToken?: (() => string | Promise<string>) | undefined;
  /** Injected fetch (tests); defaults to the global fetch at call time. */
  fetch?: typeof fetch;
}

function codeForStatus(status: number): ServiceErrorCode {
  switch (status) {
    case 400: return 'invalid_request';
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'room_exists';
    case 410: return 'room_ended';
    case 413: return 'payload_too_large';
    case 429: return 'rate_limited';
    case 502: case 503: case 504: return 'unavailable';
    default: return 'unknown';
  }
}

export class ServiceClient {
  constructor(protected readonly options: ServiceClientOptions) {}

  get hasAuth(): boolean {
    return Boolean(this.options.authToken || this.options.getAuthToken);
  }

  createRoom(body: CreateRoomRequest): Promise<RoomInfo> {
    return this.call('/api/livekit/rooms', 'post', { body });
  }

  /** `invite`: the invite link's secret, for users who are neither the creator nor invited. */
  getRoom(roomName: string, options: { invite?: string | undefined } = {}): Promise<RoomInfo> {
    return this.call('/api/livekit/rooms/{room_name}', 'get', { params: { room_name: roomName }, query: { invite: options.invite || undefined } });
  }

  /**
   * `username`: the display name in this call (else the service takes the Urbania token's name); `invite`: see getRoom.
   * In a room with a waiting room a guest gets `{status: "waiting"}` (202, no token) until a host admits them.
   */
  join(roomName: string, options: { username?: string | undefined; invite?: string | undefined } = {}): Promise<JoinResponse | JoinWaitingResponse> {
    const username = options.username?.trim();
    const body = { ...(username && { username }), ...(options.invite && { invite: options.invite }) };
    return this.call('/api/livekit/rooms/{room_name}/join', 'post', { params: { room_name: roomName }, body: Object.keys(body).length ? body : undefined }) as Promise<JoinResponse | JoinWaitingResponse>;
  }

  /** Host: who waits in the waiting room. */
  async listKnocks(roomName: string): Promise<Knock[]> {
    return (await this.call('/api/livekit/rooms/{room_name}/knocks', 'get', { params: { room_name: roomName } })).knocks;
  }

  /** Host: let a waiting guest in, or refuse them. */
  decideKnock(roomName: string, identity: string, decision: 'admit' | 'refuse'): Promise<KnockDecision> {
    const params = { params: { room_name: roomName, identity } };
    return decision === 'admit'
      ? this.call('/api/livekit/rooms/{room_name}/knocks/{identity}/admit', 'post', params)
      : this.call('/api/livekit/rooms/{room_name}/knocks/{identity}/refuse', 'post', params);
  }

  leave(roomName: string): Promise<LeaveResponse> {
    return this.call('/api/livekit/rooms/{room_name}/leave', 'post', { params: { room_name: roomName } });
  }

  /** The host lowers `identity`'s raised hand (403 `forbidden` for anyone else). */
  lowerHand(roomName: string, identity: string): Promise<LowerHandResponse> {
    return this.call('/api/livekit/rooms/{room_name}/participants/{identity}/lower-hand', 'post', { params: { room_name: roomName, identity } });
  }

  /** Host: mute a participant's track of that source on the SFU. */
  muteParticipant(roomName: string, identity: string, source: MuteSource): Promise<MuteResponse> {
    return this.call('/api/livekit/rooms/{room_name}/participants/{identity}/mute', 'post', { params: { room_name: roomName, identity }, body: { source } });
  }

  /** Host: remove a participant from the call. */
  removeParticipant(roomName: string, identity: string): Promise<RemoveResponse> {
    return this.call('/api/livekit/rooms/{room_name}/participants/{identity}/remove', 'post', { params: { room_name: roomName, identity } });
  }

  /** Host, webinars: speaker (`promote`) or audience (`demote`), live. */
  setStage(roomName: string, identity: string, action: 'promote' | 'demote'): Promise<StageResponse> {
    const params = { room_name: roomName, identity };
    return action === 'promote'
      ? this.call('/api/livekit/rooms/{room_name}/participants/{identity}/promote', 'post', { params })
      : this.call('/api/livekit/rooms/{room_name}/participants/{identity}/demote', 'post', { params });
  }

  /** Host: lock (no new joins) or unlock the room. */
  setLocked(roomName: string, locked: boolean): Promise<RoomInfo> {
    const params = { room_name: roomName };
    return locked
      ? this.call('/api/livekit/rooms/{room_name}/lock', 'post', { params })
      : this.call('/api/livekit/rooms/{room_name}/unlock', 'post', { params });
  }

  /**
   * The creator: make `identity` a co-host (`on`) or no longer one; answers the Room view with its new `co_hosts`.
   */
  setCoHost(roomName: string, identity: string, on: boolean): Promise<RoomInfo> {
    const params = { params: { room_name: roomName, identity } };
    return on
      ? this.call('/api/livekit/rooms/{room_name}/co-hosts/{identity}', 'put', params)
      : this.call('/api/livekit/rooms/{room_name}/co-hosts/{identity}', 'delete', params);
  }

  /** Host: a new invite link (`url`, with its secret, is shown once). */
  createInvite(roomName: string, body: Schemas['CreateInviteRequest']): Promise<Invite> {
    return this.call('/api/livekit/rooms/{room_name}/invites', 'post', { params: { room_name: roomName }, body });
  }

  /** Host: revoke an invite link at once. */
  revokeInvite(roomName: string, id: string): Promise<unknown> {
    return this.call('/api/livekit/rooms/{room_name}/invites/{id}', 'delete', { params: { room_name: roomName, id } });
  }

  /** Host: end the room for everyone (the SFU disconnects them all; later joins answer 410). */
  endRoom(roomName: string): Promise<EndRoomResponse> {
    return this.call('/api/livekit/rooms/{room_name}/end', 'post', { params: { room_name: roomName } });
  }

  /** Keeps a chat message this user has just sent on `lk.chat`, for those who join later (the chat history). */
  postChatMessage(roomName: string, message: { id: string; text: string }): Promise<ChatHistoryMessage> {
    return this.call('/api/livekit/rooms/{room_name}/messages', 'post', { params: { room_name: roomName }, body: message });
  }

  /** The room's recent chat messages, oldest first. */
  chatHistory(roomName: string, limit: number): Promise<ChatHistory> {
    return this.call('/api/livekit/rooms/{room_name}/messages', 'get', { params: { room_name: roomName }, query: { limit: String(limit) } });
  }

  /** Webinar Q&A: the room's questions, most voted first. */
  listQuestions(roomName: string): Promise<QuestionList> {
    return this.call('/api/livekit/rooms/{room_name}/questions', 'get', { params: { room_name: roomName } });
  }

  askQuestion(roomName: string, text: string): Promise<Question> {
    return this.call('/api/livekit/rooms/{room_name}/questions', 'post', { params: { room_name: roomName }, body: { text } });
  }

  /** Vote (`on`) or take the vote back; one vote per user. */
  voteQuestion(roomName: string, id: string, on: boolean): Promise<Question> {
    const params = { room_name: roomName, question_id: id };
    return on
      ? this.call('/api/livekit/rooms/{room_name}/questions/{question_id}/vote', 'post', { params })
      : this.call('/api/livekit/rooms/{room_name}/questions/{question_id}/vote', 'delete', { params });
  }

  /** Host: mark a question answered. */
  markQuestionAnswered(roomName: string, id: string): Promise<Question> {
    return this.call('/api/livekit/rooms/{room_name}/questions/{question_id}/answered', 'post', { params: { room_name: roomName, question_id: id } });
  }

  /** The host or the author deletes a question. */
  deleteQuestion(roomName: string, id: string): Promise<unknown> {
    return this.call('/api/livekit/rooms/{room_name}/questions/{question_id}', 'delete', { params: { room_name: roomName, question_id: id } });
  }

  /** One documented operation: fills the path's `{params}` and query, sends the body, returns the success body. */
  protected call<P extends keyof paths, M extends Method>(
    path: P,
    method: M,
    options: CallOptions<Operation<P, M>>,
  ): Promise<SuccessBody<Operation<P, M>>> {
    const params = (options.params ?? {}) as Record<string, string>;
    const query = Object.entries(options.query ?? {}).filter((e): e is [string, string] => Boolean(e[1]));
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
      + (query.length ? `?${new URLSearchParams(query).toString()}` : '');
    return this.request(method.toUpperCase(), url, (options as { body?: unknown }).body);
  }

  private async token(): Promise<string> {
    const { getAuthToken, authToken } = this.options;
    let token: string | undefined;
    try {
      token = getAuthToken ? await getAuthToken() : authToken;
    } catch (err) {
      throw new ServiceError('no_auth', `getAuthToken failed: ${(err as Error)?.message ?? String(err)}`);
    }
    if (!token) throw new ServiceError('no_auth', 'No authToken or getAuthToken was given.');
    return token;
  }

  private async request<T>(method: string, path: string, body: unknown): Promise<T> {
    if (!this.options.baseUrl) throw new ServiceError('no_service_url', 'The service-url attribute is missing.');
    const token = await this.token();
    const url = this.options.baseUrl.replace(/\/+$/, '') + path;
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const doFetch = this.options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
    let res: Response;
    try {
      res = await doFetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (err) {
      throw new ServiceError('network_error', `Network error: ${(err as Error)?.message ?? String(err)}`);
    }
    let data: unknown = undefined;
    const text = await res.text().catch(() => '');
    if (text) {
      try { data = JSON.parse(text); } catch { data = undefined; }
    }
    if (!res.ok) {
      const e = (data as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      const code = typeof e?.code === 'string' && KNOWN_CODES.has(e.code) ? (e.code as ServiceErrorCode) : codeForStatus(res.status);
      const message = typeof e?.message === 'string' ? e.message : `HTTP ${res.status}`;
      const ra = Number(res.headers.get('Retry-After'));
      throw new ServiceError(code, message, res.status, Number.isFinite(ra) && ra > 0 ? ra : undefined);
    }
    if (data === undefined || data === null || typeof data !== 'object') {
      throw new ServiceError('bad_response', `Unexpected response from ${method} ${path}`, res.status);
    }
    return data as T;
  }
}
