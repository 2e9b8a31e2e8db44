// The browser-test stack shared by the end-to-end runner (e2e/run.mjs) and the widget benchmark (bench/widget/run.mjs),
// built from the process kit (scripts/kit/): LiveKit (loopback config from livekitConfig), the compiled token service
// and the demo, each logging to test-results/logs/, all stopped with their process groups (also on exit/signals).
// Run inside the loopback-only network namespace (ensureLoopbackNamespace), where the usual ports are fixed.
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT,
  TOKEN_SERVICE,
  WIDGET_CDN_DIR,
  ensureBuilt,
  freeTcpPort,
  freeUdpPort,
  networkMode,
  sleep,
  startDemo,
  startLiveKit,
  startTokenService,
} from '../scripts/kit/index.mjs';

export { ROOT, sleep };
export { ensureLoopbackNamespace, launchChromium } from '../scripts/kit/index.mjs';
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const LOG_DIR = path.join(RESULTS_DIR, 'logs');

const log = (/** @type {unknown[]} */ ...a) => console.error('[stack]', ...a);

/** The CDN build the demo serves under /widget/ (WIDGET_DIR overrides widget/dist/cdn, for trying another build). */
export const widgetDir = () => (process.env.WIDGET_DIR ? path.resolve(ROOT, process.env.WIDGET_DIR) : WIDGET_CDN_DIR);
export const widgetEntry = () => path.join(widgetDir(), 'urbania-meeting.js');

/** Fixed default ports inside the namespace (nothing else lives there); free ports on the host loopback. */
async function pickPorts() {
  const inNs = networkMode() === 'netns';
  /** @param {string} name @param {number} fallback */
  const env = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
  return {
    livekit: env('E2E_LIVEKIT_PORT', inNs ? 7880 : await freeTcpPort()),
    livekitUdp: env('E2E_LIVEKIT_UDP_PORT', inNs ? 7882 : await freeUdpPort()),
    service: env('E2E_SERVICE_PORT', inNs ? 8000 : await freeTcpPort()),
    demo: env('E2E_DEMO_PORT', inNs ? 3000 : await freeTcpPort()),
  };
}

/**
 * Copies the CDN build into `dest` so that a rebuild of widget/ during the run (rollup empties dist/) cannot pull
 * files from under the pages. Retries while the build looks incomplete. Returns null when there is no build.
 * @param {string} dest
 */
async function snapshotWidget(dest) {
  const src = widgetDir();
  for (let attempt = 0; attempt < 10; attempt++) {
    if (existsSync(path.join(src, 'urbania-meeting.js'))) {
      rmSync(dest, { recursive: true, force: true });
      try {
        cpSync(src, dest, { recursive: true });
        const chunks = path.join(dest, 'chunks');
        if (existsSync(path.join(dest, 'urbania-meeting.js')) && (!existsSync(chunks) || readdirSync(chunks).length > 0)) return dest;
      } catch {
        /* the build changed under us: try again */
      }
    }
    await sleep(1500);
  }
  return null;
}

/**
 * @typedef {object} Stack
 * @property {string} widgetDir      the widget build the demo serves
 * @property {'netns' | 'host'} mode
 * @property {{ livekit: number, livekitUdp: number, service: number, demo: number }} ports
 * @property {string} apiKey
 * @property {string} apiSecret
 * @property {string} livekitHttpUrl
 * @property {string} livekitWsUrl
 * @property {string} serviceUrl
 * @property {string | null} demoUrl
 * @property {() => Promise<void>} stop
 * @property {(options?: { downMs?: number }) => Promise<void>} crashAndRestartLivekit  SIGKILL (a crash, no goodbye to clients), then the same server again after `downMs`
 */

/**
 * Starts livekit-server, the token service (compiled, built first when stale; DEMO_LOGIN=1) and, when asked, the demo.
 * @param {{ demo?: boolean }} [options]
 * @returns {Promise<Stack>}
 */
export async function startStack({ demo = true } = {}) {
  const ports = await pickPorts();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'urbania-stack-'));
  const serviceUrl = `http://127.0.0.1:${ports.service}`;
  /** @type {Array<{ stop: () => Promise<void> }>} */
  const running = [];
  const stopAll = async () => {
    for (const p of running.reverse()) await p.stop();
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const build = ensureBuilt(TOKEN_SERVICE, { logFile: path.join(LOG_DIR, 'token-service-build.log'), say: log });
    if (!build.ok) throw new Error(build.error);
    // The demo serves a snapshot of the widget build taken now (E2E_SNAPSHOT_WIDGET=0 serves the live folder).
    const servedWidgetDir =
      demo && process.env.E2E_SNAPSHOT_WIDGET !== '0' ? ((await snapshotWidget(path.join(tmp, 'widget-cdn'))) ?? widgetDir()) : widgetDir();

    const t0 = Date.now();
    const livekit = await startLiveKit({
      port: ports.livekit,
      udpPort: ports.livekitUdp,
      apiKey: 'e2ekey',
      apiSecret: randomBytes(24).toString('hex'),
      webhookUrl: `${serviceUrl}/api/livekit/webhooks`,
      emptyTimeout: 60,
      logLevel: 'info',
      logFile: path.join(LOG_DIR, 'livekit-server.log'),
    });
    running.push(livekit);
    log(`livekit-server ready on ${livekit.wsUrl} (udp ${ports.livekitUdp}) in ${Date.now() - t0} ms [${networkMode()}]`);

    const t1 = Date.now();
    const service = await startTokenService({
      port: ports.service,
      logFile: path.join(LOG_DIR, 'token-service.log'),
      env: {
        LIVEKIT_URL: livekit.httpUrl,
        LIVEKIT_PUBLIC_URL: livekit.wsUrl,
        LIVEKIT_API_KEY: livekit.apiKey,
        LIVEKIT_API_SECRET: livekit.apiSecret,
        AUTH_JWT_SECRET: randomBytes(24).toString('hex'),
        DEMO_LOGIN: '1',
        NODE_ENV: 'development',
        CORS_ORIGINS: `http://127.0.0.1:${ports.demo}`,
        RATE_LIMIT_PER_MINUTE: '0',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      },
    });
    running.push(service);
    log(`token service ready on ${serviceUrl} in ${Date.now() - t1} ms`);

    if (demo) {
      running.push(
        await startDemo({
          port: ports.demo,
          serviceUrl,
          livekitPublicUrl: livekit.wsUrl,
          widgetDir: servedWidgetDir,
          logFile: path.join(LOG_DIR, 'demo.log'),
        }),
      );
      log(`demo ready on http://127.0.0.1:${ports.demo}`);
    }

    return {
      widgetDir: servedWidgetDir,
      mode: networkMode(),
      ports,
      apiKey: livekit.apiKey,
      apiSecret: livekit.apiSecret,
      livekitHttpUrl: livekit.httpUrl,
      livekitWsUrl: livekit.wsUrl,
      serviceUrl,
      demoUrl: demo ? `http://127.0.0.1:${ports.demo}` : null,
      stop: stopAll,
      async crashAndRestartLivekit({ downMs = 3000 } = {}) {
        await livekit.restart({ downMs });
        log('livekit-server restarted');
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Service helpers (node side)

/**
 * Demo login through the service.
 * @param {string} serviceUrl
 * @param {string} userId
 * @returns {Promise<{ access_token: string, user: { id: string, name: string } }>}
 */
export async function demoLogin(serviceUrl, userId) {
  const res = await fetch(`${serviceUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_id: userId }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`login ${userId}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Calls the service with a bearer token; throws with the body on a non-2xx answer.
 * @param {string} serviceUrl
 * @param {string} token
 * @param {string} method
 * @param {string} pathname
 * @param {unknown} [body]
 */
export async function serviceCall(serviceUrl, token, method, pathname, body) {
  const res = await fetch(`${serviceUrl}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : null,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${pathname}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
