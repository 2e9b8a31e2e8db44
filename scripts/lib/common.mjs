// Shared helpers for the dev-stack scripts (stack.mjs, doctor.mjs, test-all.mjs).
// Plain Node (no TypeScript), only built-ins plus dotenv/yaml from the root node_modules.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

if (!fs.existsSync(path.join(ROOT, 'node_modules', 'dotenv'))) {
  console.error('The dependencies are not installed: run `npm install` first (then npm start / npm test).');
  process.exit(1);
}
export const RUN_DIR = path.join(ROOT, '.run');
export const LOG_DIR = path.join(ROOT, 'logs');
export const TOOLS_BIN = path.join(ROOT, '.tools', 'bin');

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

/** The livekit-server binary: .tools/bin first, then PATH. */
export function livekitBinary() {
  const local = path.join(TOOLS_BIN, 'livekit-server');
  if (isExecutable(local)) return local;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'livekit-server');
    if (dir && isExecutable(p)) return p;
  }
  return null;
}

export function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Processes

export function pidFile(name) {
  return path.join(RUN_DIR, `${name}.pid`);
}

export function readPid(name) {
  try {
    const pid = Number.parseInt(fs.readFileSync(pidFile(name), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  // A zombie (exited, not yet reaped) is not alive for our purposes.
  const stat = readProcStat(pid);
  return !stat || stat.state !== 'Z';
}

// What each of our processes' command line contains: a pidfile whose pid now belongs to something else
// (after a reboot, pids are reused) must never make us signal that process.
const MARKERS = { livekit: 'livekit-server', service: 'main.ts', demo: 'server.mjs' };

/** pid of our running process `name` (from .run/<name>.pid), or null. Removes a stale pidfile. */
export function ourPid(name) {
  const pid = readPid(name);
  if (pid && isAlive(pid) && (!MARKERS[name] || commandLine(pid).includes(MARKERS[name]))) return pid;
  if (pid) fs.rmSync(pidFile(name), { force: true });
  return null;
}

function readProcStat(pid) {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm may contain spaces and parentheses: split after the last ')'.
    const rest = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0], ppid: Number(rest[1]), pgrp: Number(rest[2]) };
  } catch {
    return null;
  }
}

export function commandLine(pid) {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const cmd = raw.split('\0').filter(Boolean).join(' ');
    if (cmd) return cmd;
  } catch {
    /* not Linux, or gone */
  }
  const ps = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  return ps.status === 0 ? ps.stdout.trim() : '?';
}

/** True when `pid` belongs to the process group we started as `name` (group leader = pidfile pid). */
export function belongsTo(pid, name) {
  const ours = ourPid(name);
  if (!ours || !pid) return false;
  if (pid === ours) return true;
  const stat = readProcStat(pid);
  if (stat) {
    if (stat.pgrp === ours) return true;
    // Walk up the parents (a child that changed its group is still ours).
    let p = stat.ppid;
    for (let i = 0; i < 16 && p > 1; i++) {
      if (p === ours) return true;
      p = readProcStat(p)?.ppid ?? 0;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Ports

/**
 * Who listens on `port` (TCP, or UDP with proto 'udp')? Returns [{pid, command}] (pid may be null
 * when the holder belongs to another user and `ss` cannot see it) or [] when nobody does.
 */
export async function portHolders(port, proto = 'tcp') {
  const holders = [];
  const ss = spawnSync('ss', [proto === 'udp' ? '-Hlunp' : '-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  if (ss.status === 0) {
    for (const line of ss.stdout.split('\n').filter((l) => l.trim())) {
      const pids = [...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
      if (pids.length === 0) holders.push({ pid: null, command: line.trim().replace(/\s+/g, ' ') });
      for (const pid of new Set(pids)) holders.push({ pid, command: commandLine(pid) });
    }
    return holders;
  }
  const lsof = spawnSync('lsof', ['-nP', proto === 'udp' ? `-iUDP:${port}` : `-iTCP:${port}`, ...(proto === 'udp' ? [] : ['-sTCP:LISTEN']), '-Fp'], { encoding: 'utf8' });
  if (lsof.status === 0) {
    for (const m of lsof.stdout.matchAll(/^p(\d+)$/gm)) holders.push({ pid: Number(m[1]), command: commandLine(Number(m[1])) });
    return holders;
  }
  // Neither ss nor lsof: at least tell whether something answers on loopback.
  if (proto === 'tcp' && (await canConnect(port))) holders.push({ pid: null, command: '(unknown process: install ss or lsof to name it)' });
  return holders;
}

export function canConnect(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

export function describeHolders(holders) {
  return holders.map((h) => (h.pid ? `pid ${h.pid}: ${h.command}` : h.command)).join('; ');
}

// ---------------------------------------------------------------------------------------------
// HTTP

export async function httpGet(url, timeoutMs = 2000) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const body = await res.text();
  return { status: res.status, body };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Last `n` lines of a file (for showing why a process died). */
export function tail(file, n = 20) {
  try {
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    return lines.slice(-n).join('\n');
  } catch {
    return '';
  }
}
