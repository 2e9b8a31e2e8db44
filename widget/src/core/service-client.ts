/**
 * HTTP client for the Urbania token service (see token-service/API.md).
 * No Lit, no livekit-client: plain fetch. Every failure becomes a typed ServiceError.
 */

export type CallType = 'audio' | 'video';

export interface RoomInfo {
  room_name: string;
  call_type: CallType;
  webinar: boolean;
  speakers: string[];
  participants: string[];
  created_by: string;
  created_by_name: string;
  open_to_link: boolean;
  created_at: string;
  connected: { identity: string; name: string }[];
}

export interface CreateRoomRequest {
  room_name: string;
  participants: string[];
  call_type: CallType;
  speakers?: string[];
  open_to_link?: boolean;
}

export interface JoinPermissions {
  can_publish: boolean;
  can_subscribe: boolean;
  sources: ('camera' | 'microphone' | 'screen_share')[];
}

export interface JoinResponse {
  room: RoomInfo;
  token: string;
  url: string;
  room_name: string;
  permissions: JoinPermissions;
}

/** Error codes from the service, plus the client-side ones (`network_error`, `no_auth`, `bad_response`). */
export type ServiceErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'room_not_found'
  | 'not_found'
  | 'room_exists'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'network_error'
  | 'no_auth'
  | 'no_service_url'
  | 'bad_response'
  | 'unknown';

const KNOWN_CODES = new Set<string>([
  'invalid_request', 'unauthorized', 'forbidden', 'room_not_found', 'not_found', 'room_exists',
  'payload_too_large', 'rate_limited', 'unavailable',
]);

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
    case 413: return 'payload_too_large';
    case 429: return 'rate_limited';
    case 502: case 503: case 504: return 'unavailable';
    default: return 'unknown';
  }
}

export class ServiceClient {
  constructor(private readonly options: ServiceClientOptions) {}

  get hasAuth(): boolean {
    return Boolean(this.options.authToken || this.options.getAuthToken);
  }

  createRoom(body: CreateRoomRequest): Promise<RoomInfo> {
    return this.request<RoomInfo>('POST', '/api/livekit/rooms', body);
  }

  getRoom(roomName: string): Promise<RoomInfo> {
    return this.request<RoomInfo>('GET', `/api/livekit/rooms/${encodeURIComponent(roomName)}`);
  }

  /** `username`: the display name in this call (else the service takes the Urbania token's name). */
  join(roomName: string, options: { username?: string | undefined } = {}): Promise<JoinResponse> {
    const username = options.username?.trim();
    return this.request<JoinResponse>('POST', `/api/livekit/rooms/${encodeURIComponent(roomName)}/join`, username ? { username } : undefined);
  }

  leave(roomName: string): Promise<{ room_name: string; left: boolean }> {
    return this.request('POST', `/api/livekit/rooms/${encodeURIComponent(roomName)}/leave`);
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

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
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
