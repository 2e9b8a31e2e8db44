// The test stack shared by the end-to-end runner (e2e/run.mjs) and the widget benchmark (bench/widget/run.mjs):
//   - re-execute the current script inside a loopback-only network namespace,
//   - start livekit-server (generated loopback config), the token service and the demo server,
//   - launch Debian's Chromium with the flags from shared/notes/dev-stack.md,
//   - stop everything, always, with bounded timeouts.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import dgram from 'node:dgram';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const LOG_DIR = path.join(RESULTS_DIR, 'logs');

const log = (...a) => console.error('[stack]', ...a);

// ---------------------------------------------------------------------------------------------
// Network namespace
// ---------------------------------------------------------------------------------------------

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Re-executes this Node script inside a fresh loopback-only network namespace; the parent waits (forwarding
 * SIGINT/SIGTERM) and exits with the child's status, so `await ensureLoopbackNamespace()` never returns there.
 * Returns (without re-executing) when already inside one, when E2E_NETNS=0, or when no namespace can be made
 * (no `unshare`, user namespaces disabled): then everything runs on the host's loopback.
 * @returns {Promise<'netns' | 'host'>} where the caller runs
 */
export async function ensureLoopbackNamespace() {
  if (process.env.URBANIA_NETNS) return process.env.URBANIA_NETNS;
  if (process.env.E2E_NETNS === '0') return (process.env.URBANIA_NETNS = 'host');
  if (process.platform !== 'linux' || !has('unshare') || !has('ip')) {
    log('unshare/ip not available: running on the host loopback');
    return (process.env.URBANIA_NETNS = 'host');
  }
  const flag = process.getuid?.() === 0 ? '-n' : '-rn';
  const probe = spawnSync('unshare', [flag, 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore', timeout: 10_000 });
  if (probe.status !== 0) {
    log(`unshare ${flag} is not permitted here: running on the host loopback`);
    return (process.env.URBANIA_NETNS = 'host');
  }
  // unshare execs sh, which execs node: the child's pid is the test process itself.
  const child = spawn(
    'unshare',
    [flag, 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, URBANIA_NETNS: 'netns' } },
  );
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('error', (err) => {
    log('could not run unshare:', err.message);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1)));
  return new Promise(() => {}); // the parent only waits
}

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

const children = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

let cleanupInstalled = false;
/** Installed with the first process started (not at import: the namespace parent must only forward signals). */
function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => {
    for (const c of children) killGroup(c, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      log(`${sig}: stopping the stack`);
      for (const c of children) killGroup(c, 'SIGKILL');
      process.exit(130);
    });
  }
}

/** Spawns a long-running process in its own process group, output to test-results/logs/<name>.log. */
export function spawnLogged(name, cmd, args, { env = {}, cwd = ROOT } = {}) {
  installCleanup();
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  child.name = name;
  child.logFile = logFile;
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('exit', () => children.delete(child));
  child.once('error', (err) => log(`${name}: ${err.message}`));
  children.add(child);
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`. Never waits longer than graceMs + 2 s. */
export async function stopProcess(child, graceMs = 4000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  killGroup(child, 'SIGTERM');
  const done = await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    killGroup(child, 'SIGKILL');
    await Promise.race([child.exited, sleep(2000)]);
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `url` until `accept(response)` or the timeout; fails early when `child` exits. */
export async function waitForHttp(url, { timeoutMs = 30_000, child, accept = (r) => r.ok } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${child.name} exited (${child.exitCode ?? child.signalCode}) before ${url} answered; see ${child.logFile}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (accept(res)) return res;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.cause?.code ?? err.message;
    }
    await sleep(150);
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})${child ? `; see ${child.logFile}` : ''}`);
}

async function freeTcpPort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function freeUdpPort() {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket('udp4');
    sock.once('error', reject);
    sock.bind(0, '127.0.0.1', () => {
      const { port } = sock.address();
      sock.close(() => resolve(port));
    });
  });
}

/** Fixed default ports inside the namespace (nothing else lives there); free ports on the host loopback. */
async function pickPorts() {
  const inNs = process.env.URBANIA_NETNS === 'netns';
  const env = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
  return {
    livekit: env('E2E_LIVEKIT_PORT', inNs ? 7880 : await freeTcpPort()),
    livekitUdp: env('E2E_LIVEKIT_UDP_PORT', inNs ? 7882 : await freeUdpPort()),
    service: env('E2E_SERVICE_PORT', inNs ? 8000 : await freeTcpPort()),
    demo: env('E2E_DEMO_PORT', inNs ? 3000 : await freeTcpPort()),
  };
}

// ---------------------------------------------------------------------------------------------
// The stack
// ---------------------------------------------------------------------------------------------

export function livekitBinary() {
  const local = path.join(ROOT, '.tools/bin/livekit-server');
  if (existsSync(local)) return local;
  const r = spawnSync(path.join(ROOT, 'scripts/install-tools.sh'), ['livekit'], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(local)) throw new Error('livekit-server is missing and scripts/install-tools.sh livekit failed');
  return local;
}

export const hasTokenService = () => existsSync(path.join(ROOT, 'token-service/src/main.ts'));
/** The CDN build the demo serves under /widget/ (WIDGET_DIR overrides widget/dist/cdn, for trying another build). */
export const widgetDir = () => path.resolve(ROOT, process.env.WIDGET_DIR ?? 'widget/dist/cdn');
export const widgetEntry = () => path.join(widgetDir(), 'urbania-meeting.js');

/**
 * Copies the CDN build into `dest` so that a rebuild of widget/ during the run (rollup empties dist/) cannot pull
 * files from under the pages. Retries while the build looks incomplete. Returns null when there is no build.
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
 * Starts livekit-server, then (when asked and present) the token service and the demo server.
 * @param {{ service?: boolean, demo?: boolean }} opts
 */
export async function startStack({ service = true, demo = true } = {}) {
  const ports = await pickPorts();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'urbania-stack-'));
  const apiKey = 'e2ekey';
  const apiSecret = randomBytes(24).toString('hex'); // 48 chars
  const withService = service && hasTokenService();
  if (service && !withService) log('token-service/src/main.ts does not exist yet: starting without the service');

  const yaml = [
    `port: ${ports.livekit}`,
    'bind_addresses: [127.0.0.1]',
    'keys:',
    `  ${apiKey}: ${apiSecret}`,
    'rtc:',
    `  udp_port: ${ports.livekitUdp}`,
    '  tcp_port: 0',
    '  node_ip: 127.0.0.1',
    '  use_external_ip: false',
    '  enable_loopback_candidate: true',
    '  ips: { includes: [127.0.0.1/32] }',
    '  interfaces: { includes: [lo] }',
    'turn: { enabled: false }',
    'room:',
    '  auto_create: false',
    '  empty_timeout: 60',
    '  max_participants: 100',
    'logging: { level: info }',
    ...(withService
      ? ['webhook:', `  api_key: ${apiKey}`, `  urls: [http://127.0.0.1:${ports.service}/api/livekit/webhooks]`]
      : []),
    '',
  ].join('\n');
  const configFile = path.join(tmp, 'livekit.yaml');
  writeFileSync(configFile, yaml);

  // The demo serves a snapshot of the widget build taken now (E2E_SNAPSHOT_WIDGET=0 serves the live folder).
  const servedWidgetDir =
    demo && process.env.E2E_SNAPSHOT_WIDGET !== '0' ? ((await snapshotWidget(path.join(tmp, 'widget-cdn'))) ?? widgetDir()) : widgetDir();

  const stack = {
    widgetDir: servedWidgetDir,
    mode: process.env.URBANIA_NETNS ?? 'host',
    ports,
    apiKey,
    apiSecret,
    livekitHttpUrl: `http://127.0.0.1:${ports.livekit}`,
    livekitWsUrl: `ws://127.0.0.1:${ports.livekit}`,
    serviceUrl: withService ? `http://127.0.0.1:${ports.service}` : null,
    demoUrl: demo ? `http://127.0.0.1:${ports.demo}` : null,
    procs: [],
    async stop() {
      for (const p of [...this.procs].reverse()) await stopProcess(p);
      rmSync(tmp, { recursive: true, force: true });
    },
    /** Kills the SFU (SIGKILL: a crash, no goodbye to clients) and, after `downMs`, starts it again on the same ports. */
    async crashAndRestartLivekit({ downMs = 3000 } = {}) {
      const old = this.procs.find((p) => p.name === 'livekit-server');
      if (old) {
        killGroup(old, 'SIGKILL');
        await Promise.race([old.exited, sleep(3000)]);
        this.procs.splice(this.procs.indexOf(old), 1);
      }
      await sleep(downMs);
      const lk = spawnLogged('livekit-server-restarted', livekitBinary(), ['--config', configFile]);
      this.procs.unshift(lk);
      await waitForHttp(this.livekitHttpUrl, { child: lk, timeoutMs: 30_000 });
      log('livekit-server restarted');
    },
  };

  try {
    const t0 = Date.now();
    const lk = spawnLogged('livekit-server', livekitBinary(), ['--config', configFile]);
    stack.procs.push(lk);
    await waitForHttp(stack.livekitHttpUrl, { child: lk, timeoutMs: 30_000 });
    log(`livekit-server ready on ${stack.livekitWsUrl} (udp ${ports.livekitUdp}) in ${Date.now() - t0} ms [${stack.mode}]`);

    if (withService) {
      const t1 = Date.now();
      const svc = spawnLogged('token-service', process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'token-service/src/main.ts'], {
        env: {
          PORT: String(ports.service),
          LIVEKIT_URL: stack.livekitHttpUrl,
          LIVEKIT_PUBLIC_URL: stack.livekitWsUrl,
          LIVEKIT_API_KEY: apiKey,
          LIVEKIT_API_SECRET: apiSecret,
          AUTH_JWT_SECRET: randomBytes(24).toString('hex'),
          DEMO_LOGIN: '1',
          NODE_ENV: 'development',
          CORS_ORIGINS: `http://127.0.0.1:${ports.demo}`,
          RATE_LIMIT_PER_MINUTE: '0',
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        },
      });
      stack.procs.push(svc);
      await waitForHttp(`${stack.serviceUrl}/healthz`, { child: svc, timeoutMs: 45_000 });
      log(`token service ready on ${stack.serviceUrl} in ${Date.now() - t1} ms`);
    }

    if (demo) {
      const dm = spawnLogged('demo', process.execPath, [path.join(ROOT, 'demo/server.mjs')], {
        env: {
          DEMO_PORT: String(ports.demo),
          DEMO_HOST: '127.0.0.1',
          SERVICE_URL: stack.serviceUrl ?? `http://127.0.0.1:${ports.service}`,
          LIVEKIT_PUBLIC_URL: stack.livekitWsUrl,
          WIDGET_DIR: servedWidgetDir,
        },
      });
      stack.procs.push(dm);
      await waitForHttp(`${stack.demoUrl}/healthz`, { child: dm, timeoutMs: 15_000 });
      log(`demo ready on ${stack.demoUrl}`);
    }
  } catch (err) {
    await stack.stop();
    throw err;
  }
  return stack;
}

// ---------------------------------------------------------------------------------------------
// Service helpers (node side)
// ---------------------------------------------------------------------------------------------

/** Demo login through the service: returns { access_token, user }. */
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

/** Calls the service with a bearer token; throws with the body on a non-2xx answer. */
export async function serviceCall(serviceUrl, token, method, pathname, body) {
  const res = await fetch(`${serviceUrl}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${pathname}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

// ---------------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------------

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    spawnSync(path.join(ROOT, 'scripts/install-tools.sh'), ['chromium'], { stdio: 'inherit' });
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
}
