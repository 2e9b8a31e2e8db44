import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { RETRY_AFTER_SECONDS } from '../errors.js';
import type { SfuGateway } from '../livekit.js';
import type { RoomStore } from '../store/types.js';

const CHECK_TIMEOUT_MS = 2000;

/** Liveness (the process answers) and readiness (the store and LiveKit answer). */
export function healthRouter(store: RoomStore, sfu: SfuGateway) {
  return new Hono<AppEnv>()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      const [storeOk, livekitOk] = await Promise.all([check(() => store.ping()), check(() => sfu.ping())]);
      const checks = { store: storeOk ? 'ok' : 'unavailable', livekit: livekitOk ? 'ok' : 'unavailable' };
      if (storeOk && livekitOk) return c.json({ status: 'ready', checks });
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      const down = Object.entries(checks)
        .filter(([, v]) => v !== 'ok')
        .map(([k]) => k);
      return c.json({ error: { code: 'unavailable', message: `Not ready: ${down.join(' and ')} unavailable` }, checks }, 503);
    });
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
