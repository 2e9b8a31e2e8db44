// Long-running child processes: spawn with logs to a file in their own process group, poll health, stop the
// whole group (SIGTERM, then SIGKILL), and pidfiles for the ones that outlive the script (npm start).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A child started by `spawnLogged`.
 * @typedef {import('node:child_process').ChildProcess & {
 *   name: string,
 *   logFile: string,
 *   exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>,
 * }} LoggedProcess
 */

/** @type {Set<LoggedProcess>} children to kill if this process exits without stopping them */
const children = new Set();
let cleanupInstalled = false;

/** Kills every child still running when this process exits (normally, or on SIGINT/SIGTERM/SIGHUP). */
function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', () => {
    for (const child of children) signalGroup(child.pid, 'SIGKILL');
  });
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.once(sig, () => {
      for (const child of children) signalGroup(child.pid, 'SIGKILL');
      process.exit(130);
    });
  }
}

/**
 * Starts `cmd args` in its own process group with stdout and stderr written to `logFile`.
 * `keep: true` (npm start) leaves it running after this process exits; otherwise it is killed on exit.
 * @param {string} name
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ logFile: string, env?: NodeJS.ProcessEnv, cwd?: string, append?: boolean, keep?: boolean }} options
 * @returns {LoggedProcess}
 */
export function spawnLogged(name, cmd, args, { logFile, env = process.env, cwd = ROOT, append = false, keep = false }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  if (append) fs.appendFileSync(logFile, `\n===== ${new Date().toISOString()} ${[cmd, ...args].join(' ')}\n`);
  const fd = fs.openSync(logFile, append ? 'a' : 'w');
  const child = /** @type {LoggedProcess} */ (spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] }));
  fs.closeSync(fd);
  child.name = name;
  child.logFile = logFile;
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('error', (err) => fs.appendFileSync(logFile, `\n[kit] cannot run ${cmd}: ${err.message}\n`));
  if (keep) {
    child.unref();
  } else {
    installCleanup();
    children.add(child);
    child.once('exit', () => children.delete(child));
  }
  return child;
}

/**
 * Resolves with the pid once the process runs, or null when it could not be started.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<number | null>}
 */
export function spawned(child) {
  if (child.pid) return Promise.resolve(child.pid);
  return new Promise((resolve) => {
    child.once('spawn', () => resolve(child.pid ?? null));
    child.once('error', () => resolve(null));
  });
}

/**
 * Sends `signal` to the process group led by `pid` (falls back to the process alone). False when gone.
 * @param {number | undefined | null} pid
 * @param {NodeJS.Signals} signal
 */
export function signalGroup(pid, signal) {
  if (!pid) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

/** Whether any process of the group led by `pid` is still there. @param {number} pid */
export function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
  }
}

/** @param {import('node:child_process').ChildProcess} child */
const running = (child) => child.exitCode === null && child.signalCode === null;

/**
 * Stops a child's whole process group: SIGTERM, then SIGKILL after `graceMs`. Never waits much longer than that.
 * @param {LoggedProcess | undefined | null} child
 * @param {{ graceMs?: number, signal?: NodeJS.Signals }} [options] `signal: 'SIGKILL'` is a crash
 */
export async function stopProcess(child, { graceMs = 5000, signal = 'SIGTERM' } = {}) {
  if (!child || !running(child)) return;
  signalGroup(child.pid, signal);
  if (signal !== 'SIGKILL') signalGroup(child.pid, 'SIGCONT'); // a paused process cannot handle SIGTERM
  const done = await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    signalGroup(child.pid, 'SIGKILL');
    await Promise.race([child.exited, sleep(2000)]);
  }
}

/**
 * Stops the process group led by `pid` (a process this script did not spawn itself, e.g. from a pidfile).
 * @param {number} pid
 * @param {{ graceMs?: number }} [options]
 */
export async function stopPid(pid, { graceMs = 10_000 } = {}) {
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && (isAlive(pid) || groupAlive(pid))) await sleep(100);
  if (isAlive(pid) || groupAlive(pid)) {
    signalGroup(pid, 'SIGKILL');
    await sleep(200);
  }
}

/**
 * Polls `url` until `accept(response)`; fails early, naming the log, when `child` exits first.
 * @param {string} url
 * @param {{ timeoutMs?: number, child?: LoggedProcess, isUp?: () => boolean, accept?: (res: Response) => boolean }} [options]
 *   `isUp` replaces `child` for a process known only by pid
 */
export async function waitForHttp(url, { timeoutMs = 30_000, child, isUp, accept = (res) => res.ok } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if ((child && !running(child)) || (isUp && !isUp())) {
      throw new Error(`${child?.name ?? 'the process'} exited before ${url} answered${child ? `; see ${child.logFile}:\n${tail(child.logFile)}` : ''}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (accept(res)) return res;
      last = `HTTP ${res.status}`;
    } catch (err) {
      const e = /** @type {Error & { cause?: { code?: string } }} */ (err);
      last = e.cause?.code ?? e.message;
    }
    await sleep(150);
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})${child ? `; see ${child.logFile}:\n${tail(child.logFile)}` : ''}`);
}

/**
 * Polls until a TCP connection to host:port succeeds (for servers without HTTP, such as FerretDB).
 * @param {number} port
 * @param {{ timeoutMs?: number, child?: LoggedProcess, host?: string }} [options]
 */
export async function waitForTcp(port, { timeoutMs = 20_000, child, host = '127.0.0.1' } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && !running(child)) throw new Error(`${child.name} exited before it accepted connections on ${host}:${port}:\n${tail(child.logFile)}`);
    if (await canConnect(port, host)) return;
    await sleep(50);
  }
  throw new Error(`nothing accepted connections on ${host}:${port} within ${timeoutMs} ms${child ? `:\n${tail(child.logFile)}` : ''}`);
}

/**
 * Whether something accepts TCP connections on host:port.
 * @param {number} port
 * @param {string} [host]
 * @param {number} [timeoutMs]
 * @returns {Promise<boolean>}
 */
export function canConnect(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    /** @param {boolean} ok */
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/** Last `n` lines of a file, indented (for saying why a process died). @param {string} file @param {number} [n] */
export function tail(file, n = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n').replace(/^/gm, '    ');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// /proc

/** @param {number} pid @returns {{ state: string, ppid: number, pgrp: number } | null} */
export function readProcStat(pid) {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm may contain spaces and parentheses: split after the last ')'.
    const rest = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0] ?? '', ppid: Number(rest[1]), pgrp: Number(rest[2]) };
  } catch {
    return null;
  }
}

/** Whether `pid` runs (a zombie does not). @param {number | null | undefined} pid */
export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
  }
  const stat = readProcStat(pid);
  return !stat || stat.state !== 'Z';
}

/** The command line of `pid`, or '?'. @param {number} pid */
export function commandLine(pid) {
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    if (cmd) return cmd;
  } catch {
    /* not Linux, or gone */
  }
  const ps = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  return ps.status === 0 ? ps.stdout.trim() : '?';
}

// ---------------------------------------------------------------------------------------------
// pidfiles (processes that outlive the script that started them)

/**
 * Pidfiles in `dir`: `<name>.pid`. `markers[name]` is a string our process's command line contains, so that a
 * stale pidfile whose pid now belongs to something else (pids are reused) never makes us signal that process.
 * @param {string} dir
 * @param {Record<string, string>} markers
 */
export function pidfiles(dir, markers) {
  /** @param {string} name */
  const file = (name) => path.join(dir, `${name}.pid`);
  /** @param {string} name @returns {number | null} */
  const read = (name) => {
    try {
      const pid = Number.parseInt(fs.readFileSync(file(name), 'utf8').trim(), 10);
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  };
  /** pid of our running process `name`, or null; removes a stale pidfile. @param {string} name */
  const ours = (name) => {
    const pid = read(name);
    const marker = markers[name];
    if (pid && isAlive(pid) && (!marker || commandLine(pid).includes(marker))) return pid;
    if (pid) fs.rmSync(file(name), { force: true });
    return null;
  };
  return {
    file,
    ours,
    /** @param {string} name @param {number} pid */
    write(name, pid) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file(name), `${pid}\n`);
    },
    /** @param {string} name */
    remove(name) {
      fs.rmSync(file(name), { force: true });
    },
    /** True when `pid` is our process `name` or in its process group (or a descendant). @param {number | null} pid @param {string} name */
    belongsTo(pid, name) {
      const leader = ours(name);
      if (!leader || !pid) return false;
      if (pid === leader) return true;
      const stat = readProcStat(pid);
      if (!stat) return false;
      if (stat.pgrp === leader) return true;
      let parent = stat.ppid;
      for (let i = 0; i < 16 && parent > 1; i++) {
        if (parent === leader) return true;
        parent = readProcStat(parent)?.ppid ?? 0;
      }
      return false;
    },
  };
}
