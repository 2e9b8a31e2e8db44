/**
 * Starts FerretDB (the MongoDB wire protocol over SQLite) for tests, on a free loopback port with its own
 * temporary data directory. No MongoDB server can be installed on the machines we test on; FerretDB is
 * what the official `mongodb` driver talks to in tests.
 *
 *   const db = await startFerretDB();
 *   const store = await MongoRoomStore.connect({ uri: db.uri, dbName: 'my_test_file' });
 *   …
 *   await db.stop();     // the server goes away (connections are cut), data stays on disk
 *   await db.restart();  // same port, same data directory
 *   await db.cleanup();  // stop and delete the data directory
 *
 * Give every test file its own database name (vitest runs files in parallel), or its own FerretDB.
 * The binary is `.tools/bin/ferretdb` (or `FERRETDB_BIN`); when missing it is built with
 * `scripts/install-tools.sh ferretdb` (needs Go; about a minute the first time).
 *
 * FerretDB v1.24.2 lacks TTL indexes, transactions, change streams and `$lookup`; see
 * ../shared/notes/dev-stack.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect as tcpConnect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DEFAULT_BIN = join(REPO_ROOT, '.tools/bin/ferretdb');
const START_TIMEOUT_MS = 20_000;

export interface FerretDB {
  /** `mongodb://127.0.0.1:<port>/` (no database in it: pass dbName to the store). */
  readonly uri: string;
  readonly port: number;
  readonly dataDir: string;
  /** Whether the process is running now. */
  readonly running: boolean;
  /**
   * Stops the server. `SIGKILL` (default) is a crash: open connections are cut at once and nothing is
   * flushed beyond what SQLite already committed. `SIGTERM` is an orderly shutdown.
   */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data directory and waits until it accepts connections. */
  restart(): Promise<void>;
  /**
   * Freezes the process (SIGSTOP): a hung server. Connections stay open and the kernel still accepts new
   * ones, but nothing answers. `resume()` (SIGCONT) lets it carry on. Resolves once every thread of the
   * process is seen stopped, since kill() returns before the threads actually stop.
   */
  pause(): Promise<void>;
  resume(): void;
  /** Stops it (if running) and deletes the data directory. Safe to call twice. */
  cleanup(): Promise<void>;
}

export interface StartOptions {
  /** Log level passed to FerretDB (default WARN); its output is kept and shown if it fails to start. */
  logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

/** Returns the FerretDB binary, building it with the project's tool installer when it is not there. */
export function ensureFerretDBBinary(): string {
  const fromEnv = process.env.FERRETDB_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FERRETDB_BIN=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (existsSync(DEFAULT_BIN)) return DEFAULT_BIN;
  const installer = join(REPO_ROOT, 'scripts/install-tools.sh');
  const result = spawnSync('bash', [installer, 'ferretdb'], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
  if (result.status !== 0 || !existsSync(DEFAULT_BIN)) {
    throw new Error(`FerretDB is needed for the MongoDB tests and "${installer} ferretdb" could not install it`);
  }
  return DEFAULT_BIN;
}

/** True when every thread of `pid` is in the stopped state ("T" in /proc/<pid>/task/<tid>/stat). */
function allThreadsStopped(pid: number): boolean {
  const tasks = readdirSync(`/proc/${pid}/task`);
  return tasks.every((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    // The state follows the command name, which is in parentheses and may itself contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'T';
  });
}

/** A port nobody listens on right now (the kernel picks it). */
export async function freePort(): Promise<number> {
  return await new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

// Every FerretDB started by this process, killed if the test worker exits without cleaning up.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

export async function startFerretDB(options: StartOptions = {}): Promise<FerretDB> {
  const bin = ensureFerretDBBinary();
  installExitHook();
  const dataDir = mkdtempSync(join(tmpdir(), 'ferretdb-test-'));
  const logLevel = options.logLevel ?? 'WARN';
  let port = 0;
  let child: ChildProcess | undefined;
  let cleanedUp = false;

  const spawnOnce = async (): Promise<void> => {
    const args = [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      `--log-level=${logLevel}`,
    ];
    const proc = spawn(bin, args, { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8_000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    live.add(proc);
    let exited = false;
    proc.once('exit', () => {
      exited = true;
      live.delete(proc);
    });
    child = proc;

    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`FerretDB exited at start (port ${port}):\n${output}`);
      if (await accepts(port)) return;
      await sleep(50);
    }
    proc.kill('SIGKILL');
    throw new Error(`FerretDB did not accept connections on 127.0.0.1:${port} within ${START_TIMEOUT_MS} ms:\n${output}`);
  };

  // The free port may be taken between probing and FerretDB's bind: try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    port = await freePort();
    try {
      await spawnOnce();
      lastError = undefined;
      break;
    } catch (error) {
      lastError = error;
    }
  }
  if (lastError) {
    rmSync(dataDir, { recursive: true, force: true });
    throw lastError;
  }

  const stop = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((done) => proc.once('exit', () => done()));
    proc.kill(signal);
    if (signal !== 'SIGKILL') proc.kill('SIGCONT'); // in case it was paused
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  return {
    get uri() {
      return `mongodb://127.0.0.1:${port}/`;
    },
    get port() {
      return port;
    },
    dataDir,
    get running() {
      return !!child && child.exitCode === null && child.signalCode === null;
    },
    stop,
    async pause() {
      const proc = child;
      if (!proc?.pid) throw new Error('FerretDB is not running');
      proc.kill('SIGSTOP');
      const deadline = Date.now() + 5_000;
      while (!allThreadsStopped(proc.pid)) {
        if (Date.now() > deadline) throw new Error(`FerretDB (pid ${proc.pid}) did not stop after SIGSTOP`);
        await sleep(10);
      }
    },
    resume() {
      child?.kill('SIGCONT');
    },
    async restart() {
      if (cleanedUp) throw new Error('FerretDB was cleaned up');
      await stop('SIGTERM');
      // Same port: clients keep their URI and the driver reconnects by itself. Go listens with
      // SO_REUSEADDR, so the port is free again as soon as the old process is gone.
      await spawnOnce();
    },
    async cleanup() {
      if (cleanedUp) return;
      cleanedUp = true;
      await stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
