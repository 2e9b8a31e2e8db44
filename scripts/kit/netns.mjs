// Browser tests and benches run in a loopback-only network namespace: media never touches a real interface, and
// fixed ports (7880, 8000, 3000) cannot clash with anything else on the machine.
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';

/** @param {string} cmd */
function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Where this process runs: 'netns' (a namespace of our own) or 'host' (the machine's loopback). */
export function networkMode() {
  return process.env.URBANIA_NETNS === 'netns' ? 'netns' : 'host';
}

/**
 * Re-executes this Node script inside a fresh loopback-only network namespace (`unshare -n` as root, `unshare -rn`
 * otherwise); the parent waits, forwarding SIGINT/SIGTERM/SIGHUP, and exits with the child's status, so it never
 * returns there. Returns without re-executing when already inside one, when E2E_NETNS=0, or when no namespace can
 * be made (no `unshare`, user namespaces disabled): everything then runs on the host's loopback.
 * @returns {Promise<'netns' | 'host'>}
 */
export async function ensureLoopbackNamespace() {
  const log = (/** @type {string} */ m) => console.error(`[netns] ${m}`);
  if (process.env.URBANIA_NETNS) return networkMode();
  const host = () => {
    process.env.URBANIA_NETNS = 'host';
    return /** @type {const} */ ('host');
  };
  if (process.env.E2E_NETNS === '0') return host();
  if (process.platform !== 'linux' || !has('unshare') || !has('ip')) {
    log('unshare/ip not available: running on the host loopback');
    return host();
  }
  const flag = process.getuid?.() === 0 ? '-n' : '-rn';
  const probe = spawnSync('unshare', [flag, 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore', timeout: 10_000 });
  if (probe.status !== 0) {
    log(`unshare ${flag} is not permitted here: running on the host loopback`);
    return host();
  }
  // unshare execs sh, which execs node: the child's pid is the script itself.
  const child = spawn('unshare', [flag, 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, URBANIA_NETNS: 'netns' },
  });
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(sig, () => child.kill(sig));
  child.on('error', (err) => {
    log(`could not run unshare: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1)));
  return new Promise(() => {}); // the parent only waits
}
