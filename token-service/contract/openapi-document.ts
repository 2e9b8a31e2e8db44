import { randomBytes } from 'node:crypto';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { SfuGateway } from '../src/livekit.js';
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
 * through `app.request()`. No port, no SFU, no database: throwaway secrets, an in-memory store, a gateway that refuses
 * every call. The demo login is off, as in production, so its routes are not part of the contract.
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
  const app = createApp({ config, store: new MemoryRoomStore(), sfu: noSfu(), logger: createLogger('silent') });
  const res = await app.request('/openapi.json');
  if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as OpenApiDocument;
}

/** Serving the document talks to no SFU: any call to this one throws, whatever methods the gateway grows. */
function noSfu(): SfuGateway {
  return new Proxy({ publicUrl: 'ws://sfu.invalid' } as SfuGateway, {
    get: (target, key) =>
      key in target
        ? target[key as keyof SfuGateway]
        : () => {
            throw new Error(`the OpenAPI document needs no SFU (called ${String(key)})`);
          },
  });
}
