import { describe, expect, it } from 'vitest';
import type { SfuGateway } from '../src/livekit.js';
import { healthRouter } from '../src/routes/health.js';
import { MemoryRoomStore } from '../src/store/memory.js';

// /readyz is unauthenticated: a flood of requests must not become a flood of pings to MongoDB and LiveKit.
function counting() {
  const pings = { store: 0, sfu: 0 };
  let release!: () => void;
  let gate = Promise.resolve();
  let sfuUp = true;
  const store = new MemoryRoomStore();
  store.ping = async () => {
    pings.store++;
    await gate;
  };
  const sfu = {
    ping: async () => {
      pings.sfu++;
      await gate;
      if (!sfuUp) throw new Error('down');
    },
  } as unknown as SfuGateway;
  return {
    pings,
    store,
    sfu,
    hold: () => {
      gate = new Promise<void>((r) => (release = r));
    },
    release: () => release(),
    setSfuUp: (up: boolean) => (sfuUp = up),
  };
}

describe('GET /readyz', () => {
  it('shares one check between concurrent requests and reuses its answer for the cache period', async () => {
    const deps = counting();
    let clock = 1_000_000;
    const router = healthRouter(deps.store, deps.sfu, { cacheMs: 1500, now: () => clock });
    deps.hold();
    const concurrent = Array.from({ length: 20 }, () => router.request('/readyz'));
    deps.release();
    const answers = await Promise.all(concurrent);
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(deps.pings).toEqual({ store: 1, sfu: 1 });

    clock += 1000;
    for (let i = 0; i < 10; i++) expect((await router.request('/readyz')).status).toBe(200);
    expect(deps.pings).toEqual({ store: 1, sfu: 1 });

    // Past the cache period the dependencies are asked again, and a failure is seen.
    deps.setSfuUp(false);
    clock += 600;
    const down = await router.request('/readyz');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBeTruthy();
    expect(await down.json()).toMatchObject({ error: { code: 'unavailable' }, checks: { store: 'ok', livekit: 'unavailable' } });
    expect(deps.pings).toEqual({ store: 2, sfu: 2 });
    expect((await router.request('/readyz')).status).toBe(503);
    expect(deps.pings).toEqual({ store: 2, sfu: 2 });
  });
});
