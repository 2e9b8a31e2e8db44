// FerretDB (the MongoDB wire protocol over SQLite) on a free loopback port with its own data directory: the
// MongoDB server of the tests and the bench (no MongoDB server can be installed on the machines we test on).
//
//   const db = await startFerretDB();
//   const store = await MongoRoomStore.connect({ uri: db.uri, dbName: 'my_test_file' });
//   await db.stop();     // the server goes away (connections are cut), data stays on disk
//   await db.restart();  // same port, same data directory
//   await db.cleanup();  // stop and delete the data directory
//
// The binary is `.tools/bin/ferretdb` (or FERRETDB_BIN); when missing, `scripts/install-tools.sh ferretdb` builds
// it (needs Go; about a minute the first time). FerretDB v1.24.2 lacks TTL indexes, transactions, change streams
// and `$lookup`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeTcpPort } from './ports.mjs';
import { ROOT, sleep, spawnLogged, stopProcess, waitForTcp } from './processes.mjs';

const DEFAULT_BIN = path.join(ROOT, '.tools', 'bin', 'ferretdb');

/**
 * @typedef {object} FerretDB
 * @property {string} uri         `mongodb://127.0.0.1:<port>/` (no database in it: pass dbName to the store)
 * @property {number} port
 * @property {string} dataDir
 * @property {boolean} running    whether the process runs now
 * @property {(signal?: NodeJS.Signals) => Promise<void>} stop  SIGKILL (default) is a crash; SIGTERM an orderly shutdown
 * @property {() => Promise<void>} restart  starts it again on the same port and data directory
 * @property {() => Promise<void>} pause    SIGSTOP, a hung server: resolves once every thread is seen stopped
 * @property {() => void} resume            SIGCONT
 * @property {() => Promise<void>} cleanup  stops it and deletes the data directory; safe to call twice
 */

/** The FerretDB binary, built with the project's tool installer when it is not there. */
export function ensureFerretDBBinary() {
  const fromEnv = process.env.FERRETDB_BIN;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`FERRETDB_BIN=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (fs.existsSync(DEFAULT_BIN)) return DEFAULT_BIN;
  const installer = path.join(ROOT, 'scripts', 'install-tools.sh');
  const result = spawnSync('bash', [installer, 'ferretdb'], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
  if (result.status !== 0 || !fs.existsSync(DEFAULT_BIN)) {
    throw new Error(`FerretDB is needed for the MongoDB tests and "${installer} ferretdb" could not install it`);
  }
  return DEFAULT_BIN;
}

/** True when every thread of `pid` is stopped ("T" in /proc/<pid>/task/<tid>/stat). @param {number} pid */
function allThreadsStopped(pid) {
  return fs.readdirSync(`/proc/${pid}/task`).every((tid) => {
    const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    // The state follows the command name, which is in parentheses and may itself contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'T';
  });
}

/**
 * @param {{ logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' }} [options]
 * @returns {Promise<FerretDB>}
 */
export async function startFerretDB({ logLevel = 'WARN' } = {}) {
  const bin = ensureFerretDBBinary();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferretdb-test-'));
  const logFile = path.join(dataDir, 'ferretdb.log');
  let port = 0;
  /** @type {import('./processes.mjs').LoggedProcess | undefined} */
  let child;
  let cleanedUp = false;

  /** @param {boolean} append */
  const spawnOnce = async (append) => {
    const args = [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      `--log-level=${logLevel}`,
    ];
    child = spawnLogged('ferretdb', bin, args, { cwd: dataDir, logFile, append });
    try {
      await waitForTcp(port, { child, timeoutMs: 20_000 });
    } catch (err) {
      await stopProcess(child, { signal: 'SIGKILL' });
      throw err;
    }
  };

  // The free port may be taken between probing and FerretDB's bind: try a few.
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    port = await freeTcpPort();
    try {
      await spawnOnce(attempt > 0);
      lastError = undefined;
      break;
    } catch (error) {
      lastError = error;
    }
  }
  if (lastError) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw lastError;
  }

  /** @param {NodeJS.Signals} [signal] */
  const stop = async (signal = 'SIGKILL') => stopProcess(child, { signal });

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
      const pid = child?.pid;
      if (!child || !pid) throw new Error('FerretDB is not running');
      child.kill('SIGSTOP');
      const deadline = Date.now() + 5_000;
      while (!allThreadsStopped(pid)) {
        if (Date.now() > deadline) throw new Error(`FerretDB (pid ${pid}) did not stop after SIGSTOP`);
        await sleep(10);
      }
    },
    resume() {
      child?.kill('SIGCONT');
    },
    async restart() {
      if (cleanedUp) throw new Error('FerretDB was cleaned up');
      await stop('SIGTERM');
      // Same port: clients keep their URI and the driver reconnects by itself. Go listens with SO_REUSEADDR, so
      // the port is free again as soon as the old process is gone.
      await spawnOnce(true);
    },
    async cleanup() {
      if (cleanedUp) return;
      cleanedUp = true;
      await stop('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
