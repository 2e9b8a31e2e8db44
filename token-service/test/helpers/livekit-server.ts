import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freeTcpPort, freeUdpPort } from './ports.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const BINARY = join(ROOT, '.tools/bin/livekit-server');

export interface LiveKitServer {
  httpUrl: string;
  wsUrl: string;
  apiKey: string;
  apiSecret: string;
  logs: () => string;
  /** Kills the server (as a crash would) and starts it again on the same ports with the same config. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

export interface LiveKitOptions {
  webhookUrl?: string;
  emptyTimeoutSeconds?: number;
}

/** The real LiveKit server (Go) on free loopback ports, with auto_create off as in livekit.yaml. */
export async function startLiveKit(options: LiveKitOptions = {}): Promise<LiveKitServer> {
  if (!existsSync(BINARY)) execFileSync('bash', [join(ROOT, 'scripts/install-tools.sh'), 'livekit'], { stdio: 'inherit' });
  const [port, udpPort] = await Promise.all([freeTcpPort(), freeUdpPort()]);
  const apiKey = 'testkey';
  // Generated, not published: a service started with it may run with NODE_ENV=production (the bench does).
  const apiSecret = randomBytes(24).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'urbania-livekit-'));
  const configPath = join(dir, 'livekit.yaml');
  writeFileSync(
    configPath,
    [
      `port: ${port}`,
      'bind_addresses: [127.0.0.1]',
      'keys:',
      `  ${apiKey}: ${apiSecret}`,
      'rtc:',
      `  udp_port: ${udpPort}`,
      '  tcp_port: 0',
      '  node_ip: 127.0.0.1',
      '  use_external_ip: false',
      '  enable_loopback_candidate: true',
      '  ips: { includes: [127.0.0.1/32] }',
      'turn: { enabled: false }',
      'room:',
      '  auto_create: false',
      `  empty_timeout: ${options.emptyTimeoutSeconds ?? 300}`,
      'logging: { level: warn }',
      ...(options.webhookUrl ? ['webhook:', `  api_key: ${apiKey}`, `  urls: [${options.webhookUrl}]`] : []),
    ].join('\n'),
  );
  let output = '';
  const httpUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(BINARY, ['--config', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`livekit-server exited early:\n${output}`);
      try {
        if ((await fetch(httpUrl)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`livekit-server did not answer within 20 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  await launch();
  return {
    httpUrl,
    wsUrl: `ws://127.0.0.1:${port}`,
    apiKey,
    apiSecret,
    logs: () => output,
    restart: async () => {
      await kill('SIGKILL');
      await launch();
    },
    stop: async () => {
      await kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
