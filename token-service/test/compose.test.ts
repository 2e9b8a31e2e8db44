// No Docker engine runs where the tests run, so the production-like stack is checked by reading it:
// docker-compose.yml, livekit.production.yaml and the service's own config validation must agree
// (keys, ports, webhook URL, MongoDB, no demo login). The dev pair livekit.yaml/.env.example too.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseEnv } from 'dotenv';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ConfigError, loadConfig } from '../src/config.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), 'utf8');

type Env = Record<string, string | undefined>;
type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Docker Compose variable interpolation: $$, $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e}, ${VAR?e}, ${VAR:+a}. */
function interpolate(value: string, env: Env): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])((?:[^}])*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, name, colon, op, arg, bare) => {
    if (m === '$$') return '$';
    if (bare) return env[bare] ?? '';
    const v = env[name];
    const missing = colon ? v === undefined || v === '' : v === undefined;
    if (op === '-') return missing ? interpolate(arg, env) : v!;
    if (op === '?') {
      if (missing) throw new Error(`required variable ${name} is missing: ${arg}`);
      return v!;
    }
    if (op === '+') return missing ? '' : interpolate(arg, env);
    return v ?? '';
  });
}

function resolveAll<T>(node: T, env: Env): T {
  if (typeof node === 'string') return interpolate(node, env) as T;
  if (Array.isArray(node)) return node.map((n) => resolveAll(n, env)) as T;
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolveAll(v, env)])) as T;
  }
  return node;
}

/** A service's `environment:` in either of compose's two forms, as strings. */
function environmentOf(service: Yaml): Record<string, string> {
  const e = service.environment ?? {};
  if (Array.isArray(e)) {
    return Object.fromEntries(
      e.map((line: string) => {
        const i = line.indexOf('=');
        return i === -1 ? [line, ''] : [line.slice(0, i), line.slice(i + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** Published ports as {host, container, proto}. Handles "7880:7880", "7882:7882/udp", "127.0.0.1:1:2" and long syntax. */
function portsOf(service: Yaml): { host: number; container: number; proto: string }[] {
  return (service.ports ?? []).map((p: string | Yaml) => {
    if (typeof p === 'object') return { host: Number(p.published), container: Number(p.target), proto: p.protocol ?? 'tcp' };
    const [spec, proto = 'tcp'] = String(p).split('/');
    const parts = spec!.split(':');
    const container = Number(parts.at(-1));
    const host = parts.length >= 2 ? Number(parts.at(-2)) : container;
    return { host, container, proto };
  });
}

/** Drops empty values, as a container sees `VAR: ""` the same as the service's config treats unset. */
const nonEmpty = (env: Record<string, string>) => Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));

// What an operator provides (docker compose reads it from the shell or --env-file). Generated: a
// fixed value here would be a published secret, which the service refuses in production.
const OPERATOR_ENV: Env = {
  MEET_LIVEKIT_API_SECRET: randomBytes(24).toString('hex'),
  MEET_AUTH_JWT_SECRET: randomBytes(24).toString('hex'),
  MEET_AUTH_ISSUER: 'https://id.urbania.example',
  MEET_AUTH_AUDIENCE: 'urbania-meet',
  MEET_LIVEKIT_PUBLIC_URL: 'wss://meet.example.com',
};

/** Every variable docker-compose.yml interpolates. */
const composeVariables = [...read('docker-compose.yml').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);

const composeRaw: Yaml = YAML.parse(read('docker-compose.yml'));
const compose: Yaml = resolveAll(composeRaw, OPERATOR_ENV);
const services: Yaml = compose.services ?? {};
const lkService: Yaml = services.livekit ?? {};
const svc: Yaml = services['token-service'] ?? {};
const svcEnv = environmentOf(svc);

/** The LiveKit config file the livekit service mounts at the path given to --config. */
function mountedLivekitConfig(): { file: string; config: Yaml } {
  const cmd: string[] = Array.isArray(lkService.command) ? lkService.command : String(lkService.command ?? '').split(/\s+/);
  const target = cmd[cmd.indexOf('--config') + 1];
  const volume = (lkService.volumes ?? [])
    .map((v: string | Yaml) => (typeof v === 'string' ? { source: v.split(':')[0], target: v.split(':')[1] } : v))
    .find((v: Yaml) => v.target === target);
  if (!volume) throw new Error(`no volume mounts the --config file ${target}`);
  const file = path.resolve(ROOT, volume.source);
  return { file, config: YAML.parse(fs.readFileSync(file, 'utf8')) };
}

/** Keys LiveKit will use: the config's `keys:` plus LIVEKIT_KEYS from the container environment. */
function livekitKeys(config: Yaml, env: Record<string, string>): Record<string, string> {
  const keys: Record<string, string> = { ...(config.keys ?? {}) };
  if (env.LIVEKIT_KEYS) Object.assign(keys, YAML.parse(env.LIVEKIT_KEYS));
  return Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, String(v)]));
}

describe('docker-compose.yml (production-like stack)', () => {
  const { file: lkFile, config: lk } = mountedLivekitConfig();

  it('has the four services, LiveKit from the official image at the pinned version', () => {
    expect(Object.keys(services).sort()).toEqual(['demo', 'livekit', 'mongo', 'token-service']);
    expect(lkService.image).toBe('livekit/livekit-server:v1.13.5');
    expect(path.basename(lkFile)).toBe('livekit.production.yaml');
    expect(svc.build?.dockerfile).toBe('token-service/Dockerfile');
    expect(services.demo.build?.dockerfile).toBe('demo/Dockerfile');
  });

  it('gives LiveKit and the token service the same API key and secret', () => {
    const keys = livekitKeys(lk, environmentOf(lkService));
    expect(svcEnv.LIVEKIT_API_KEY).toBeTruthy();
    expect(keys).toHaveProperty(svcEnv.LIVEKIT_API_KEY!);
    expect(keys[svcEnv.LIVEKIT_API_KEY!]).toBe(svcEnv.LIVEKIT_API_SECRET);
    expect(svcEnv.LIVEKIT_API_SECRET).toBe(OPERATOR_ENV.MEET_LIVEKIT_API_SECRET);
  });

  it('keeps secrets out of the files: compose refuses to resolve without the secret, issuer and audience', () => {
    expect(lk.keys).toBeUndefined();
    const without = (name: string) => Object.fromEntries(Object.entries(OPERATOR_ENV).filter(([k]) => k !== name));
    for (const name of ['MEET_LIVEKIT_API_SECRET', 'MEET_AUTH_ISSUER', 'MEET_AUTH_AUDIENCE']) {
      expect(() => resolveAll(composeRaw, without(name)), name).toThrow(new RegExp(name));
    }
  });

  it("never reads a development .env's variables: a dev checkout's .env cannot supply its published secrets", () => {
    // Compose reads the .env next to the file for interpolation; in a dev checkout that is .env.example's copy.
    const devEnv = parseEnv(read('.env.example'));
    expect(composeVariables.length).toBeGreaterThan(0);
    for (const name of composeVariables) expect(Object.keys(devEnv), name).not.toContain(name);
    expect(() => resolveAll(composeRaw, devEnv)).toThrow(/required variable MEET_LIVEKIT_API_SECRET is missing/);
  });

  it('publishes the LiveKit ports its config uses, and the service port equals PORT', () => {
    const lkPorts = portsOf(lkService);
    const port = lk.port ?? 7880;
    expect(port).toBe(7880);
    expect(lkPorts).toContainEqual({ host: port, container: port, proto: 'tcp' });
    if (lk.rtc?.tcp_port) expect(lkPorts).toContainEqual({ host: lk.rtc.tcp_port, container: lk.rtc.tcp_port, proto: 'tcp' });
    if (lk.rtc?.udp_port) expect(lkPorts).toContainEqual({ host: lk.rtc.udp_port, container: lk.rtc.udp_port, proto: 'udp' });
    expect(new URL(svcEnv.LIVEKIT_URL!).hostname).toBe('livekit');
    expect(Number(new URL(svcEnv.LIVEKIT_URL!).port)).toBe(port);
    const servicePort = Number(svcEnv.PORT);
    expect(servicePort).toBe(8000);
    expect(portsOf(svc).map((p) => p.container)).toContain(servicePort);
    expect(svcEnv.HOST).toBe('0.0.0.0');
    expect(read('token-service', 'Dockerfile')).toMatch(new RegExp(`EXPOSE ${servicePort}\\b`));
  });

  it("sends LiveKit's webhooks to the service's /api/livekit/webhooks, signed with the service's key", () => {
    const urls: string[] = lk.webhook?.urls ?? [];
    expect(urls).toContain(`http://token-service:${svcEnv.PORT}/api/livekit/webhooks`);
    expect(lk.webhook?.api_key).toBe(svcEnv.LIVEKIT_API_KEY);
  });

  it('lets only the service create rooms (auto_create false)', () => {
    expect(lk.room?.auto_create).toBe(false);
  });

  it('runs MongoDB as replica set rs0 and points MONGODB_URI at it', () => {
    const mongo = services.mongo;
    expect(mongo.image).toMatch(/^mongo:7/);
    expect(JSON.stringify(mongo.command)).toContain('rs0');
    expect(mongo.volumes?.length).toBeGreaterThan(0);
    expect(JSON.stringify(mongo.healthcheck?.test)).toContain('rs.initiate');
    const uri = new URL(svcEnv.MONGODB_URI!);
    expect(uri.protocol).toBe('mongodb:');
    expect(uri.hostname).toBe('mongo');
    expect(uri.searchParams.get('replicaSet')).toBe('rs0');
    expect(svc.depends_on?.mongo?.condition).toBe('service_healthy');
  });

  it('runs the service in production without the demo login', () => {
    expect(svcEnv.NODE_ENV).toBe('production');
    expect(['', '0', 'false', undefined]).toContain(svcEnv.DEMO_LOGIN);
  });

  it("is accepted by the service's own configuration validation", () => {
    const config = loadConfig(nonEmpty(svcEnv));
    expect(config.nodeEnv).toBe('production');
    expect(config.port).toBe(8000);
    expect(config.livekit.apiKey).toBe(svcEnv.LIVEKIT_API_KEY);
    expect(config.livekit.publicUrl).toBe('wss://meet.example.com');
    expect(config.mongodb?.uri).toBe(svcEnv.MONGODB_URI);
    expect(config.demoLogin).toBe(false);
    expect(config.auth).toMatchObject({ issuer: OPERATOR_ENV.MEET_AUTH_ISSUER, audience: OPERATOR_ENV.MEET_AUTH_AUDIENCE });
    // …and turning the demo login on in that environment is refused.
    expect(() => loadConfig({ ...nonEmpty(svcEnv), DEMO_LOGIN: '1' })).toThrow(ConfigError);
  });

  it('serves the demo on its published port, pointing browsers at the same LiveKit URL as the service', () => {
    const demo = services.demo;
    const demoEnv = environmentOf(demo);
    expect(portsOf(demo).map((p) => p.container)).toContain(Number(demoEnv.DEMO_PORT));
    expect(demoEnv.DEMO_HOST).toBe('0.0.0.0');
    expect(demoEnv.LIVEKIT_PUBLIC_URL).toBe(svcEnv.LIVEKIT_PUBLIC_URL);
    expect(new URL(demoEnv.SERVICE_URL!).port).toBe(String(portsOf(svc)[0]!.host));
    expect(demo.depends_on?.['token-service']?.condition).toBe('service_healthy');
  });

  it('builds both images from node:20-slim, as a non-root user, with a healthcheck', () => {
    for (const file of ['token-service/Dockerfile', 'demo/Dockerfile']) {
      const df = read(file);
      const froms = [...df.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
      expect(froms.length, file).toBeGreaterThan(0);
      for (const f of froms) expect(f, file).toBe('node:20-slim');
      expect(df, file).toMatch(/^USER\s+(?!root\b)\S+/m);
      expect(df, file).toMatch(/^HEALTHCHECK\s/m);
    }
    expect(read('demo/Dockerfile')).toMatch(/demo\/server\.mjs/);
    expect(read('demo/Dockerfile')).toMatch(/widget\/dist/);
  });
  it('runs the compiled token service with plain node, as the bench measures it (no TypeScript loader)', () => {
    const df = read('token-service/Dockerfile');
    expect(df).toMatch(/^RUN npm run build --workspace token-service$/m);
    expect(df).toMatch(/^COPY --from=build \/app\/token-service\/dist token-service\/dist$/m);
    const cmd = /^CMD\s+(.*)$/m.exec(df)?.[1];
    expect(JSON.parse(cmd!)).toEqual(['node', 'dist/main.js']);
  });
});

describe('livekit.yaml and .env.example (development)', () => {
  const lk: Yaml = YAML.parse(read('livekit.yaml'));
  const env = parseEnv(read('.env.example'));

  it('share the API key and secret', () => {
    expect(lk.keys).toHaveProperty(env.LIVEKIT_API_KEY!);
    expect(String(lk.keys[env.LIVEKIT_API_KEY!])).toBe(env.LIVEKIT_API_SECRET);
    expect(lk.webhook?.api_key).toBe(env.LIVEKIT_API_KEY);
  });

  it('agree on ports and the webhook URL', () => {
    expect(lk.port).toBe(7880);
    expect(Number(new URL(env.LIVEKIT_URL!).port)).toBe(lk.port);
    expect(Number(new URL(env.LIVEKIT_PUBLIC_URL!).port)).toBe(lk.port);
    expect(lk.webhook?.urls).toContain(`http://127.0.0.1:${env.PORT}/api/livekit/webhooks`);
  });

  it('stay on loopback with rooms created by the service only', () => {
    expect(lk.bind_addresses).toEqual(['127.0.0.1']);
    expect(lk.rtc?.node_ip).toBe('127.0.0.1');
    expect(lk.rtc?.udp_port).toBe(7882);
    expect(lk.room?.auto_create).toBe(false);
    expect(Number(env.ROOM_EMPTY_TIMEOUT_SECONDS ?? 300)).toBe(lk.room?.empty_timeout);
    expect(Number(env.ROOM_MAX_PARTICIPANTS ?? 100)).toBe(lk.room?.max_participants);
  });

  it('is a valid development configuration with the demo login on', () => {
    const config = loadConfig(env);
    expect(config.nodeEnv).toBe('development');
    expect(config.demoLogin).toBe(true);
    expect(config.port).toBe(8000);
    expect((env.AUTH_JWT_SECRET ?? '').length).toBeGreaterThanOrEqual(32);
  });

  it('documents every variable of the configuration', () => {
    const text = read('.env.example');
    for (const name of [
      'PORT', 'LIVEKIT_URL', 'LIVEKIT_PUBLIC_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET', 'AUTH_JWT_SECRET',
      'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'CORS_ORIGINS', 'MONGODB_URI', 'TOKEN_TTL_SECONDS',
      'RATE_LIMIT_PER_MINUTE', 'DEMO_LOGIN', 'ROOM_EMPTY_TIMEOUT_SECONDS', 'ROOM_MAX_PARTICIPANTS', 'NODE_ENV',
      'ROOMS_PER_HOUR', 'ENDED_ROOM_RETENTION_SECONDS', 'INVITE_PAGE_URL',
    ]) {
      expect(text, name).toMatch(new RegExp(`^#?\\s*${name}=`, 'm'));
    }
  });
});

describe('root scripts and CI entry point', () => {
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

  it('point at files that exist', () => {
    for (const [name, command] of Object.entries(pkg.scripts)) {
      for (const m of command.matchAll(/(?:^|\s)((?:scripts|bench|e2e|token-service|widget|demo)\/[\w./-]+\.(?:json|mjs|js|ts|sh))(?![\w.])/g)) {
        expect(fs.existsSync(path.join(ROOT, m[1]!)), `${name}: ${m[1]}`).toBe(true);
      }
    }
    for (const name of ['start', 'stop', 'livekit:start', 'livekit:stop', 'service', 'doctor', 'test', 'bench']) {
      expect(pkg.scripts, name).toHaveProperty(name);
    }
  });

  it('.ci/run is executable and runs the install and `npm test`', () => {
    const stat = fs.statSync(path.join(ROOT, '.ci', 'run'));
    expect(stat.mode & 0o111).not.toBe(0);
    const text = read('.ci', 'run');
    expect(text).toMatch(/set -euo pipefail/);
    expect(text).toMatch(/npm (ci|install)/);
    expect(text).toMatch(/npm test/);
  });
});
