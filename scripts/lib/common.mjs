// What the command-line scripts (stack.mjs, doctor.mjs, test-all.mjs) share beyond the process kit (scripts/kit/):
// colours, .env, the dev stack's pidfiles. Plain Node (JavaScript with JSDoc types).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, pidfiles } from '../kit/index.mjs';

export { ROOT };

if (!fs.existsSync(path.join(ROOT, 'node_modules', 'dotenv'))) {
  console.error('The dependencies are not installed: run `npm install` first (then npm start / npm test).');
  process.exit(1);
}
export const RUN_DIR = path.join(ROOT, '.run');
export const LOG_DIR = path.join(ROOT, 'logs');

/**
 * The pidfiles of `npm start` (.run/<name>.pid). The markers are what each process's command line contains: a
 * pidfile whose pid now belongs to something else (pids are reused after a reboot) never makes us signal it.
 */
export const pids = pidfiles(RUN_DIR, { livekit: 'livekit-server', service: 'token-service', demo: 'demo/server.mjs' });

// `npm start | head` must not crash the script halfway through starting things.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (s) => (tty ? `\x1b[${code}m${s}\x1b[0m` : String(s));
export const c = { green: paint(32), red: paint(31), yellow: paint(33), dim: paint(2), bold: paint(1), cyan: paint(36) };

/** Reads .env (if any) the way the service does: values already in process.env win. */
export async function loadDotEnv(file = path.join(ROOT, '.env')) {
  const { parse } = await import('dotenv');
  const fromFile = fs.existsSync(file) ? parse(fs.readFileSync(file)) : {};
  return { fromFile, merged: { ...fromFile, ...process.env }, exists: fs.existsSync(file) };
}

/** Creates .env from .env.example when it is missing. Returns true when it created it. */
export function ensureDotEnv() {
  const env = path.join(ROOT, '.env');
  if (fs.existsSync(env)) return false;
  fs.copyFileSync(path.join(ROOT, '.env.example'), env);
  return true;
}

// ---------------------------------------------------------------------------------------------
// HTTP

export async function httpGet(url, timeoutMs = 2000) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const body = await res.text();
  return { status: res.status, body };
}
