import { SignJWT } from 'jose';
import { createApp, type AppDeps } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { LiveKitGateway, type SfuGateway } from '../../src/livekit.js';
import { createLogger } from '../../src/logger.js';
import { MemoryRoomStore } from '../../src/store/memory.js';
import type { RoomStore } from '../../src/store/types.js';

// Fixed, hence published: refused outside development (src/published-secrets.ts lists them).
export const AUTH_SECRET = 'test-urbania-jwt-secret-0123456789abcdef';
export const TEST_LIVEKIT_API_SECRET = 'test-secret-for-the-token-service-suite-0123456789';

export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    NODE_ENV: 'development',
    LIVEKIT_API_KEY: 'testkey',
    LIVEKIT_API_SECRET: TEST_LIVEKIT_API_SECRET,
    AUTH_JWT_SECRET: AUTH_SECRET,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
}

/** testConfig pointed at a real LiveKit server started by the process kit (its URLs, key and secret). */
export function sfuConfig(
  livekit: { httpUrl: string; wsUrl: string; apiKey: string; apiSecret: string },
  env: Record<string, string | undefined> = {},
): Config {
  return testConfig({
    LIVEKIT_URL: livekit.httpUrl,
    LIVEKIT_PUBLIC_URL: livekit.wsUrl,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
    ...env,
  });
}

let nameSeq = 0;
/** A room name no other test of the run uses: `<prefix>-<time>-<n>`. */
export const uniqueName = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${nameSeq++}`;

/** An app on the given store and SFU (the real LiveKit gateway unless one is passed). */
export function buildApp(config: Config, overrides: Partial<AppDeps> & { store?: RoomStore; sfu?: SfuGateway } = {}) {
  const store = overrides.store ?? new MemoryRoomStore();
  const sfu = overrides.sfu ?? new LiveKitGateway(config);
  const app = createApp({ config, store, sfu, logger: overrides.logger ?? createLogger('silent'), ...overrides });
  return { app, store, sfu };
}

/** An Urbania-like user JWT (HS256), as the host application would issue. */
export async function userToken(
  id: string,
  name = id,
  opts: { secret?: string; expiresIn?: string | number; issuer?: string; audience?: string; alg?: string } = {},
): Promise<string> {
  let jwt = new SignJWT({ name })
    .setProtectedHeader({ alg: opts.alg ?? 'HS256' })
    .setSubject(id)
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? '1h');
  if (opts.issuer) jwt = jwt.setIssuer(opts.issuer);
  if (opts.audience) jwt = jwt.setAudience(opts.audience);
  return jwt.sign(new TextEncoder().encode(opts.secret ?? AUTH_SECRET));
}

/** JSON request helper around app.request(). */
export async function call(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await app.request(path, { method, headers, ...(body !== undefined && { body }) });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}
