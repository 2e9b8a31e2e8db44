// The LiveKit server: finding the binary, its configuration (one function writes every livekit.yaml: the committed
// development file is checked against it by scripts/kit/kit.test.mjs), and starting it for tests and benches.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeTcpPort, freeUdpPort } from './ports.mjs';
import { ROOT, sleep, spawnLogged, stopProcess, waitForHttp } from './processes.mjs';

export const TOOLS_BIN = path.join(ROOT, '.tools', 'bin');

/** @param {string} p */
export function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The livekit-server binary: .tools/bin first, then PATH; null when there is none. */
export function livekitBinary() {
  const local = path.join(TOOLS_BIN, 'livekit-server');
  if (isExecutable(local)) return local;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'livekit-server');
    if (dir && isExecutable(p)) return p;
  }
  return null;
}

/** The livekit-server binary, installed with scripts/install-tools.sh when missing; throws when that fails. */
export function ensureLivekitBinary() {
  const found = livekitBinary();
  if (found) return found;
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-tools.sh'), 'livekit'], { stdio: ['ignore', 'inherit', 'inherit'], cwd: ROOT });
  const installed = livekitBinary();
  if (r.status !== 0 || !installed) throw new Error('livekit-server is missing and `bash scripts/install-tools.sh livekit` could not install it');
  return installed;
}

/**
 * @typedef {object} LivekitOptions
 * @property {number} port            HTTP + WebSocket
 * @property {number} udpPort         the one ICE/UDP port
 * @property {string} apiKey
 * @property {string} apiSecret
 * @property {string} [webhookUrl]    where LiveKit posts its events (the service's /api/livekit/webhooks)
 * @property {number} [emptyTimeout]  seconds an empty room is kept (ROOM_EMPTY_TIMEOUT_SECONDS)
 * @property {number} [maxParticipants]
 * @property {'debug' | 'info' | 'warn' | 'error'} [logLevel]
 */

/**
 * LiveKit's configuration for one machine, loopback only: bind 127.0.0.1, one UDP port, loopback ICE candidates
 * (browsers need Chromium's --allow-loopback-in-peer-connection), no TURN, and rooms created only by the service.
 * @param {LivekitOptions} o
 */
export function livekitConfig(o) {
  return {
    port: o.port,
    bind_addresses: ['127.0.0.1'],
    keys: { [o.apiKey]: o.apiSecret },
    rtc: {
      udp_port: o.udpPort,
      tcp_port: 0,
      node_ip: '127.0.0.1',
      use_external_ip: false,
      enable_loopback_candidate: true,
      ips: { includes: ['127.0.0.1/32'] },
      interfaces: { includes: ['lo'] },
    },
    turn: { enabled: false },
    room: { auto_create: false, empty_timeout: o.emptyTimeout ?? 300, max_participants: o.maxParticipants ?? 100 },
    ...(o.webhookUrl ? { webhook: { api_key: o.apiKey, urls: [o.webhookUrl] } } : {}),
    logging: { level: o.logLevel ?? 'info' },
  };
}

/**
 * Block-style YAML for plain data (maps, lists, strings, numbers, booleans): what livekitConfig returns.
 * @param {unknown} value
 * @param {string} [indent]
 * @returns {string}
 */
export function toYaml(value, indent = '') {
  /** @param {unknown} v */
  const scalar = (v) => (typeof v === 'string' && !/^[\w./:@-]+$/.test(v) ? JSON.stringify(v) : String(v));
  /** @param {unknown} v */
  const isBlock = (v) => typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
  if (Array.isArray(value)) {
    return value.map((item) => (isBlock(item) ? `${indent}-\n${toYaml(item, `${indent}  `)}` : `${indent}- ${scalar(item)}\n`)).join('');
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([k, v]) => {
        if (isBlock(v)) return `${indent}${k}:\n${toYaml(v, `${indent}  `)}`;
        if (typeof v === 'object' && v !== null) return `${indent}${k}: ${Array.isArray(v) ? '[]' : '{}'}\n`;
        return `${indent}${k}: ${scalar(v)}\n`;
      })
      .join('');
  }
  return `${indent}${scalar(value)}\n`;
}

/**
 * @typedef {object} LiveKitServer
 * @property {string} httpUrl     server API (http://127.0.0.1:port)
 * @property {string} wsUrl       what browsers connect to (ws://127.0.0.1:port)
 * @property {number} port
 * @property {number} udpPort
 * @property {string} apiKey
 * @property {string} apiSecret
 * @property {string} configFile
 * @property {string} logFile
 * @property {() => string} logs  what the server has logged so far
 * @property {(options?: { downMs?: number }) => Promise<void>} restart  kills it as a crash would (SIGKILL), waits `downMs`, starts it again on the same ports with the same config
 * @property {() => Promise<void>} stop
 */

/**
 * Starts the real LiveKit server (loopback, auto_create off) and waits until it answers. Ports default to free
 * ones, the key to a fresh random secret; the config and, unless `logFile` is given, the log go to a temporary
 * folder that `stop()` removes.
 * @param {Partial<LivekitOptions> & { logFile?: string }} [options]
 * @returns {Promise<LiveKitServer>}
 */
export async function startLiveKit(options = {}) {
  const binary = ensureLivekitBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'urbania-livekit-'));
  const port = options.port ?? (await freeTcpPort());
  const udpPort = options.udpPort ?? (await freeUdpPort());
  const apiKey = options.apiKey ?? 'localkey';
  const apiSecret = options.apiSecret ?? randomBytes(24).toString('hex');
  const configFile = path.join(dir, 'livekit.yaml');
  fs.writeFileSync(configFile, toYaml(livekitConfig({ logLevel: 'warn', ...options, port, udpPort, apiKey, apiSecret })));
  const logFile = options.logFile ?? path.join(dir, 'livekit.log');
  const httpUrl = `http://127.0.0.1:${port}`;

  /** @param {boolean} append */
  const launch = async (append) => {
    const child = spawnLogged('livekit-server', binary, ['--config', configFile], { logFile, append });
    try {
      await waitForHttp(httpUrl, { child, timeoutMs: 30_000 });
    } catch (err) {
      await stopProcess(child, { signal: 'SIGKILL' });
      throw err;
    }
    return child;
  };
  let child = await launch(false);
  return {
    httpUrl,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    udpPort,
    apiKey,
    apiSecret,
    configFile,
    logFile,
    logs: () => {
      try {
        return fs.readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    },
    async restart({ downMs = 0 } = {}) {
      await stopProcess(child, { signal: 'SIGKILL' });
      if (downMs) await sleep(downMs);
      child = await launch(true);
    },
    async stop() {
      await stopProcess(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
