import { randomBytes } from 'node:crypto';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { LiveKitGateway } from '../src/livekit.js';
import { createLogger } from '../src/logger.js';
import { MemoryRoomStore } from '../src/store/memory.js';

/** The OpenAPI document (any version: only the fields read here matter). */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, unknown>;
  components?: { schemas?: Record<string, Record<string, unknown>> };
}

/**
 * The service's `/openapi.json`, as the running service serves it: the app is built by `createApp` and asked
 * through `app.request()`. No port, no SFU call, no database: throwaway secrets and an in-memory store. The demo
 * login is off, as in production, so its routes are not part of the contract.
 */
export async function openApiDocument(): Promise<OpenApiDocument> {
  const secret = () => randomBytes(24).toString('hex');
  const config = loadConfig({
    NODE_ENV: 'development',
    LIVEKIT_API_KEY: 'openapi-document',
    LIVEKIT_API_SECRET: secret(),
    AUTH_JWT_SECRET: secret(),
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'silent',
  });
  const app = createApp({ config, store: new MemoryRoomStore(), sfu: new LiveKitGateway(config), logger: createLogger('silent') });
  const res = await app.request('/openapi.json');
  if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as OpenApiDocument;
}
