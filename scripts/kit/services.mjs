// Our own two servers, as child processes: the token service and the demo.
import path from 'node:path';
import { freeTcpPort } from './ports.mjs';
import { ROOT, spawnLogged, stopProcess, waitForHttp } from './processes.mjs';

/** The compiled service (`npm run build -w token-service`; see builds.mjs), as production runs it. */
export const TOKEN_SERVICE_ENTRY = path.join(ROOT, 'token-service', 'dist', 'main.js');
export const DEMO_ENTRY = path.join(ROOT, 'demo', 'server.mjs');

/**
 * How the token service is run: plain node on the compiled JavaScript, one process, so its pid is the service.
 * Callers build it first with ensureBuilt(TOKEN_SERVICE).
 * @param {string[]} [nodeFlags] e.g. --max-old-space-size=64, --cpu-prof
 * @returns {[string, string[]]}
 */
export function tokenServiceCommand(nodeFlags = []) {
  return [process.execPath, [...nodeFlags, TOKEN_SERVICE_ENTRY]];
}

/** @returns {[string, string[]]} */
export function demoCommand() {
  return [process.execPath, [DEMO_ENTRY]];
}

/**
 * @typedef {object} RunningServer
 * @property {string} url
 * @property {number} port
 * @property {import('./processes.mjs').LoggedProcess} process
 * @property {() => Promise<void>} stop
 */

/**
 * Starts the token service on `port` (a free one by default) with exactly `env` (plus PATH) and waits for /healthz.
 * @param {{ env: Record<string, string>, logFile: string, port?: number, nodeFlags?: string[], timeoutMs?: number }} options
 * @returns {Promise<RunningServer>}
 */
export async function startTokenService({ env, logFile, port, nodeFlags = [], timeoutMs = 45_000 }) {
  const p = port ?? (await freeTcpPort());
  const [cmd, args] = tokenServiceCommand(nodeFlags);
  const child = spawnLogged('token-service', cmd, args, { logFile, env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env, PORT: String(p) } });
  return running(child, `http://127.0.0.1:${p}`, p, '/healthz', timeoutMs);
}

/**
 * Starts the demo server and waits for /healthz.
 * @param {{ port: number, serviceUrl: string, livekitPublicUrl: string, widgetDir?: string, logFile: string }} options
 * @returns {Promise<RunningServer>}
 */
export async function startDemo({ port, serviceUrl, livekitPublicUrl, widgetDir, logFile }) {
  const [cmd, args] = demoCommand();
  const env = {
    PATH: process.env.PATH ?? '',
    DEMO_PORT: String(port),
    DEMO_HOST: '127.0.0.1',
    SERVICE_URL: serviceUrl,
    LIVEKIT_PUBLIC_URL: livekitPublicUrl,
    ...(widgetDir ? { WIDGET_DIR: widgetDir } : {}),
  };
  const child = spawnLogged('demo', cmd, args, { logFile, env });
  return running(child, `http://127.0.0.1:${port}`, port, '/healthz', 15_000);
}

/**
 * @param {import('./processes.mjs').LoggedProcess} child
 * @param {string} url
 * @param {number} port
 * @param {string} health
 * @param {number} timeoutMs
 * @returns {Promise<RunningServer>}
 */
async function running(child, url, port, health, timeoutMs) {
  try {
    await waitForHttp(`${url}${health}`, { child, timeoutMs });
  } catch (err) {
    await stopProcess(child, { signal: 'SIGKILL' });
    throw err;
  }
  return { url, port, process: child, stop: () => stopProcess(child, { graceMs: 10_000 }) };
}
