// Ports: free ones for tests, and who holds a taken one (for npm start and npm run doctor).
import { spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';
import { canConnect, commandLine } from './processes.mjs';

/** A TCP port free on 127.0.0.1 right now (the kernel picks it). @returns {Promise<number>} */
export function freeTcpPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free TCP port'))));
    });
  });
}

/** A UDP port free on 127.0.0.1 right now (LiveKit's single ICE/UDP mux port). @returns {Promise<number>} */
export function freeUdpPort() {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

/** @typedef {{ pid: number | null, command: string }} PortHolder */

/**
 * Who listens on `port` (TCP, or UDP with proto 'udp')? [] when nobody does. `pid` is null when the holder
 * belongs to another user and `ss` cannot see it.
 * @param {number} port
 * @param {'tcp' | 'udp'} [proto]
 * @returns {Promise<PortHolder[]>}
 */
export async function portHolders(port, proto = 'tcp') {
  /** @type {PortHolder[]} */
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
  const lsofArgs = ['-nP', proto === 'udp' ? `-iUDP:${port}` : `-iTCP:${port}`, ...(proto === 'udp' ? [] : ['-sTCP:LISTEN']), '-Fp'];
  const lsof = spawnSync('lsof', lsofArgs, { encoding: 'utf8' });
  if (lsof.status === 0) {
    for (const m of lsof.stdout.matchAll(/^p(\d+)$/gm)) holders.push({ pid: Number(m[1]), command: commandLine(Number(m[1])) });
    return holders;
  }
  // Neither ss nor lsof: at least tell whether something answers on loopback.
  if (proto === 'tcp' && (await canConnect(port))) holders.push({ pid: null, command: '(unknown process: install ss or lsof to name it)' });
  return holders;
}

/** @param {PortHolder[]} holders */
export function describeHolders(holders) {
  return holders.map((h) => (h.pid ? `pid ${h.pid}: ${h.command}` : h.command)).join('; ');
}
