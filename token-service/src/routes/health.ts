import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { RETRY_AFTER_SECONDS, errorBody } from '../errors.js';
import type { SfuGateway } from '../livekit.js';
import type { RoomStore } from '../store/types.js';

const CHECK_TIMEOUT_MS = 2000;
/** /readyz is unauthenticated: its answer is reused this long, so requests cannot turn into pings. */
export const READINESS_CACHE_MS = 1500;

interface Readiness {
  storeOk: boolean;
  livekitOk: boolean;
}

export interface HealthOptions {
  cacheMs?: number;
  /** Clock (tests). Default Date.now. */
  now?: () => number;
}

/** Liveness (the process answers) and readiness (the store and LiveKit answer). */
export function healthRouter(store: RoomStore, sfu: SfuGateway, options: HealthOptions = {}) {
  const readiness = cachedReadiness(store, sfu, options);
  return new Hono<AppEnv>()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      const { storeOk, livekitOk } = await readiness();
      const checks = { store: storeOk ? 'ok' : 'unavailable', livekit: livekitOk ? 'ok' : 'unavailable' };
      if (storeOk && livekitOk) return c.json({ status: 'ready', checks });
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      const down = Object.entries(checks)
        .filter(([, v]) => v !== 'ok')
        .map(([k]) => k);
      return c.json({ ...errorBody('unavailable', `Not ready: ${down.join(' and ')} unavailable`), checks }, 503);
    });
}

/**
 * One check of both dependencies at a time, shared by every request that arrives while it runs, and its
 * result reused for `cacheMs` after it finished.
 */
function cachedReadiness(store: RoomStore, sfu: SfuGateway, options: HealthOptions): () => Promise<Readiness> {
  const cacheMs = options.cacheMs ?? READINESS_CACHE_MS;
  const now = options.now ?? Date.now;
  let last: { at: number; result: Readiness } | undefined;
  let running: Promise<Readiness> | undefined;
  return () => {
    if (last && now() - last.at < cacheMs) return Promise.resolve(last.result);
    running ??= Promise.all([check(() => store.ping()), check(() => sfu.ping())])
      .then(([storeOk, livekitOk]) => {
        last = { at: now(), result: { storeOk, livekitOk } };
        return last.result;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
}

async function check(fn: () => Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
