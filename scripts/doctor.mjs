#!/usr/bin/env node
// `npm run doctor`: the seed guide's troubleshooting section ("Dépannage") as a command.
// Each check prints ✓ (fine), ✗ (broken, with the fix) or ! (worth knowing). Exit 1 when any ✗.
// Validates the environment with the service's own config module instead of a copy of its rules: the compiled
// token-service/dist/config.js (built first when stale, by the process kit's build rule), so plain node runs it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, TOKEN_SERVICE, describeHolders, ensureBuilt, livekitBinary, portHolders, tail } from './kit/index.mjs';
import { c, httpGet, loadDotEnv, pids } from './lib/common.mjs';

let failures = 0;
let warnings = 0;
const ok = (msg) => console.log(`${c.green('✓')} ${msg}`);
const info = (msg) => console.log(`${c.dim('·')} ${c.dim(msg)}`);
const warn = (msg, fix) => {
  warnings++;
  console.log(`${c.yellow('!')} ${msg}${fix ? `\n    ${c.dim('→')} ${fix}` : ''}`);
};
const fail = (msg, fix) => {
  failures++;
  console.log(`${c.red('✗')} ${msg}${fix ? `\n    ${c.yellow('→ fix:')} ${fix.replace(/\n/g, '\n      ')}` : ''}`);
};
const section = (title) => console.log(`\n${c.bold(title)}`);

function portOf(url, fallback) {
  try {
    const u = new URL(url);
    if (u.port) return Number(u.port);
    return { 'http:': 80, 'ws:': 80, 'https:': 443, 'wss:': 443 }[u.protocol] ?? fallback;
  } catch {
    return fallback;
  }
}

async function main() {
  console.log(c.bold('Urbania Meet doctor') + c.dim(`  (${ROOT})`));

  // ------------------------------------------------------------------ tools
  section('Tools');
  const bin = livekitBinary();
  if (bin) {
    const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    ok(`livekit-server: ${path.relative(ROOT, bin).startsWith('..') ? bin : path.relative(ROOT, bin)} (${(v.stdout || v.stderr).trim() || 'version unknown'})`);
  } else {
    fail('livekit-server is not installed (.tools/bin or PATH)', 'bash scripts/install-tools.sh livekit   (npm start does it too)');
  }
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) fail(`Node ${process.versions.node} is too old (the mongodb driver needs 20.19+)`, 'install Node 20.19 or newer');
  else ok(`Node ${process.versions.node}`);

  // ------------------------------------------------------------------ configuration
  section('Configuration (.env + environment, livekit.yaml)');
  const { merged, exists: envExists } = await loadDotEnv();
  // As the service does (token-service/src/main.ts): .env only when NODE_ENV is unset or development.
  const readsDotenv = process.env.NODE_ENV === undefined || process.env.NODE_ENV === 'development';
  const env = readsDotenv ? merged : { ...process.env };
  if (!readsDotenv) info(`NODE_ENV=${process.env.NODE_ENV}: .env is not read (the service does not read it either); checking the environment only`);
  else if (envExists) {
    ok('.env exists');
    // Variables documented in .env.example (set or commented out) that .env does not mention at all.
    const example = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const current = fs.readFileSync(path.join(ROOT, '.env'), 'utf8');
    const names = (text) => new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const have = names(current);
    const missing = [...names(example)].filter((n) => !have.has(n) && process.env[n] === undefined);
    if (missing.length) info(`.env does not mention ${missing.join(', ')} (defaults apply; see .env.example)`);
  }
  else warn('.env does not exist: the service would see only the shell environment', 'cp .env.example .env   (npm start does it for you)');

  let config = null;
  const configPath = path.join(ROOT, 'token-service', 'dist', 'config.js');
  const build = ensureBuilt(TOKEN_SERVICE, { logFile: path.join(ROOT, 'logs', 'token-service-build.log'), say: (m) => info(m) });
  if (!build.ok) {
    fail(`cannot validate the service configuration: ${build.error}`, 'npm run build -w token-service   (and fix what it reports)');
  } else {
    try {
      const mod = await import(pathToFileURL(configPath).href);
      try {
        config = mod.loadConfig(env);
        ok(`the service configuration is valid (NODE_ENV=${config.nodeEnv}, port ${config.port}, store: ${config.mongodb ? 'MongoDB' : 'memory'})`);
      } catch (err) {
        if (Array.isArray(err?.problems)) {
          const fix = readsDotenv ? 'edit .env (the comments in .env.example explain each variable)' : `set it in the environment (.env is not read with NODE_ENV=${process.env.NODE_ENV}; .env.example explains each variable)`;
          for (const p of err.problems) fail(`service configuration: ${p}`, fix);
        } else throw err;
      }
    } catch (err) {
      if (!config && !Array.isArray(err?.problems)) {
        fail(`could not load token-service/dist/config.js: ${err?.message ?? err}`, 'npm run build -w token-service, then npm run doctor again');
      }
    }
  }

  const key = config?.livekit.apiKey ?? env.LIVEKIT_API_KEY;
  const secret = config?.livekit.apiSecret ?? env.LIVEKIT_API_SECRET;
  const servicePort = config?.port ?? Number(env.PORT ?? 8000);
  const livekitUrl = config?.livekit.url ?? env.LIVEKIT_URL ?? 'http://127.0.0.1:7880';
  const publicUrl = config?.livekit.publicUrl ?? env.LIVEKIT_PUBLIC_URL ?? 'ws://127.0.0.1:7880';

  // The seed: "Token invalide: vérifiez que LIVEKIT_API_KEY et LIVEKIT_API_SECRET sont identiques dans .env et livekit.yaml"
  let lk = null;
  try {
    const YAML = (await import('yaml')).default;
    lk = YAML.parse(fs.readFileSync(path.join(ROOT, 'livekit.yaml'), 'utf8'));
  } catch (err) {
    fail(`livekit.yaml cannot be read: ${err.message}`, 'git checkout livekit.yaml');
  }
  let lkPort = 7880;
  if (lk) {
    lkPort = lk.port ?? 7880;
    const keys = lk.keys ?? {};
    if (!key) fail('LIVEKIT_API_KEY is not set', 'set LIVEKIT_API_KEY in .env to the key in livekit.yaml (devkey)');
    else if (!(key in keys)) {
      fail(`LIVEKIT_API_KEY=${key} is not a key of livekit.yaml (it has: ${Object.keys(keys).join(', ') || 'none'})`, 'use the same key in .env (LIVEKIT_API_KEY) and in livekit.yaml (keys:), then restart both: npm stop && npm start');
    } else if (String(keys[key]) !== secret) {
      fail(`LIVEKIT_API_SECRET differs from the secret of "${key}" in livekit.yaml`, 'copy the secret from livekit.yaml (keys:) into .env (LIVEKIT_API_SECRET), then restart both: npm stop && npm start');
    } else ok(`API key "${key}" and its secret are identical in the service config and livekit.yaml`);

    const hook = lk.webhook ?? {};
    if (hook.api_key && key && hook.api_key !== key) {
      fail(`livekit.yaml webhook.api_key is "${hook.api_key}", the service expects "${key}"`, `set webhook.api_key: ${key} in livekit.yaml`);
    }
    const wanted = `/api/livekit/webhooks`;
    const urls = hook.urls ?? [];
    const good = urls.some((u) => {
      try {
        const x = new URL(u);
        return x.pathname === wanted && portOf(u) === servicePort;
      } catch {
        return false;
      }
    });
    if (good) ok(`LiveKit webhooks go to the service (${urls.join(', ')})`);
    else fail(`livekit.yaml webhook.urls (${urls.join(', ') || 'none'}) do not reach the service on port ${servicePort}${wanted}`, `set webhook.urls: [http://127.0.0.1:${servicePort}${wanted}] in livekit.yaml (presence depends on it)`);
    if (lk.room?.auto_create !== false) {
      fail('livekit.yaml room.auto_create is not false: anyone with any token could create rooms', 'set room.auto_create: false (the service creates rooms)');
    } else ok('room.auto_create is false (only the service creates rooms)');
    if (portOf(livekitUrl, lkPort) !== lkPort) fail(`LIVEKIT_URL (${livekitUrl}) does not use livekit.yaml's port ${lkPort}`, `LIVEKIT_URL=http://127.0.0.1:${lkPort}`);
    if (portOf(publicUrl, lkPort) !== lkPort && /127\.0\.0\.1|localhost/.test(publicUrl)) {
      fail(`LIVEKIT_PUBLIC_URL (${publicUrl}) does not use livekit.yaml's port ${lkPort}`, `LIVEKIT_PUBLIC_URL=ws://127.0.0.1:${lkPort}`);
    }
  }

  // ------------------------------------------------------------------ Urbania JWT
  section('Urbania sign-in (JWT)');
  const jwtSecret = env.AUTH_JWT_SECRET?.trim();
  const jwks = env.AUTH_JWKS_URL?.trim();
  if (jwtSecret && jwks) fail('both AUTH_JWT_SECRET and AUTH_JWKS_URL are set', 'keep only one: AUTH_JWT_SECRET (HS256) or AUTH_JWKS_URL (RS256/ES256)');
  else if (jwtSecret) {
    const strict = (env.NODE_ENV ?? 'production') !== 'development';
    const fix = 'AUTH_JWT_SECRET=$(openssl rand -hex 32)   (and the same in whatever signs Urbania JWTs)';
    if (jwtSecret.length < 32 && strict) fail(`AUTH_JWT_SECRET is ${jwtSecret.length} characters; at least 32 are needed`, fix);
    else if (jwtSecret.length < 32) warn(`AUTH_JWT_SECRET is only ${jwtSecret.length} characters (accepted because NODE_ENV=development; 32+ required otherwise)`, fix);
    else ok(`AUTH_JWT_SECRET set (${jwtSecret.length} characters, HS256)`);
  } else if (jwks) {
    try {
      const u = new URL(jwks);
      if (!/^https?:$/.test(u.protocol)) throw new Error('not http(s)');
      if (u.protocol !== 'https:' && (env.NODE_ENV ?? 'production') !== 'development') {
        fail(`AUTH_JWKS_URL is not https:// (${jwks}): refused outside development`, 'AUTH_JWKS_URL=https://<identity provider>/.well-known/jwks.json');
      } else ok(`AUTH_JWKS_URL set (${jwks}, RS256/ES256)`);
    } catch {
      fail(`AUTH_JWKS_URL is not an http(s) URL: ${jwks}`, 'AUTH_JWKS_URL=https://<identity provider>/.well-known/jwks.json');
    }
  } else {
    fail('neither AUTH_JWT_SECRET nor AUTH_JWKS_URL is set: no Urbania user can be verified', 'set AUTH_JWT_SECRET (32+ characters) or AUTH_JWKS_URL in .env');
  }
  if (env.AUTH_ISSUER) info(`JWT issuer must be ${env.AUTH_ISSUER}`);
  if (env.AUTH_AUDIENCE) info(`JWT audience must be ${env.AUTH_AUDIENCE}`);
  const demo = ['1', 'true', 'yes', 'on'].includes(String(env.DEMO_LOGIN ?? '').toLowerCase());
  if (demo && (env.NODE_ENV ?? 'production') !== 'development') fail(`DEMO_LOGIN is on with NODE_ENV=${env.NODE_ENV ?? 'production'}`, 'remove DEMO_LOGIN (the demo login is allowed only with NODE_ENV=development)');
  else if (demo) info('demo login enabled (DEMO_LOGIN=1): POST /api/auth/login issues JWTs for alice, bob, carol, david, emma, signed with the demo\'s own secret');
  info('"Token invalide" with a valid setup usually means the Urbania JWT expired: sign in again');

  // ------------------------------------------------------------------ ports
  section('Ports');
  /** @type {Array<{ name: string, port: number, proto: "tcp" | "udp", what: string, stop: string }>} */
  const ports = [
    { name: 'livekit', port: lkPort, proto: 'tcp', what: 'LiveKit HTTP/WebSocket', stop: 'npm run livekit:stop' },
    { name: 'livekit', port: lk?.rtc?.udp_port ?? 7882, proto: 'udp', what: 'LiveKit media (UDP)', stop: 'npm run livekit:stop' },
    { name: 'service', port: servicePort, proto: 'tcp', what: 'token service', stop: 'npm stop' },
    { name: 'demo', port: 3000, proto: 'tcp', what: 'demo', stop: 'npm stop' },
  ];
  for (const p of ports) {
    const holders = await portHolders(p.port, p.proto);
    const foreign = holders.filter((h) => !pids.belongsTo(h.pid, p.name));
    const label = `${p.port}/${p.proto} (${p.what})`;
    if (holders.length === 0) ok(`${label}: free`);
    else if (foreign.length === 0) ok(`${label}: held by our ${p.name} (pid ${pids.ours(p.name)})`);
    else {
      const pid = foreign.find((h) => h.pid)?.pid;
      fail(
        `${label}: held by a process this project did not start: ${describeHolders(foreign)}`,
        pid ? `stop it (kill ${pid}) or, if it is an old copy of ours, ${p.stop} then kill ${pid}` : `find it with: ss -ltnp 'sport = :${p.port}'  (or lsof -i :${p.port})`,
      );
    }
  }

  // ------------------------------------------------------------------ LiveKit reachable with those keys
  section('LiveKit server');
  let lkUp = false;
  try {
    const r = await httpGet(livekitUrl.replace(/\/$/, '') + '/', 2000);
    lkUp = true;
    ok(`${livekitUrl} answers (HTTP ${r.status}${r.body.trim() ? ` "${r.body.trim().slice(0, 20)}"` : ''})`);
  } catch (err) {
    const log = path.join(ROOT, 'logs', 'livekit.log');
    const last = tail(log, 5);
    fail(
      `LiveKit does not answer at ${livekitUrl} (${err?.cause?.code ?? err?.name ?? err})`,
      `npm run livekit:start   (or npm start); then look at logs/livekit.log${last ? `\nlast lines of logs/livekit.log:\n${last}` : ''}`,
    );
  }
  if (lkUp && key && secret) {
    const sdk = await import('livekit-server-sdk');
    try {
      const rooms = await new sdk.RoomServiceClient(livekitUrl, key, secret).listRooms();
      ok(`LiveKit accepts the service's key "${key}" (listRooms: ${rooms.length} room${rooms.length === 1 ? '' : 's'})`);
    } catch (err) {
      // Never print the token the SDK may include in its message.
      const msg = String(err?.message ?? err).replace(/[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}(\.[A-Za-z0-9_-]*)?/g, '<token>');
      const status = err?.status ?? err?.code ?? '';
      fail(`LiveKit refuses the service's key/secret (listRooms${status ? ` ${status}` : ''}: ${msg.slice(0, 80)})`, 'the running server uses other keys than .env: make livekit.yaml and .env agree, then npm stop && npm start');
    }
    // A participant token for a room that does not exist: the SFU must check the signature (401 otherwise)
    // and then refuse the room (404), which also proves auto_create is off on the running server.
    try {
      const at = new sdk.AccessToken(key, secret, { identity: 'urbania-doctor', ttl: 60 });
      at.addGrant({ roomJoin: true, room: `doctor-probe-${Date.now()}` });
      const jwt = await at.toJwt();
      const r = await httpGet(`${livekitUrl.replace(/\/$/, '')}/rtc/validate?access_token=${encodeURIComponent(jwt)}`, 3000);
      if (r.status === 404) ok('a token signed with these keys is accepted, and an uncreated room is refused (auto_create off)');
      else if (r.status === 200) warn('the running LiveKit accepted a token for a room nobody created: it runs with auto_create on', 'restart it with this livekit.yaml: npm run livekit:stop && npm run livekit:start');
      else if (r.status === 401) fail('the running LiveKit rejects tokens signed with the service\'s secret ("Token invalide")', 'make LIVEKIT_API_SECRET in .env equal to the secret in livekit.yaml, then npm stop && npm start');
      else warn(`/rtc/validate answered HTTP ${r.status}: ${r.body.trim().slice(0, 100)}`);
    } catch (err) {
      warn(`could not validate a token against LiveKit: ${err?.message ?? err}`);
    }
  }

  // ------------------------------------------------------------------ MongoDB
  section('Storage');
  const mongoUri = config?.mongodb?.uri ?? env.MONGODB_URI?.trim();
  if (!mongoUri) {
    info('MONGODB_URI is not set: rooms are kept in memory and lost when the service restarts ("Room non trouvée" after a restart). Set MONGODB_URI to keep them.');
  } else {
    const { MongoClient } = await import('mongodb');
    const client = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 2500, connectTimeoutMS: 2500, socketTimeoutMS: 2500 });
    const shown = mongoUri.replace(/\/\/[^@/]*@/, '//***@');
    try {
      await client.connect();
      await client.db(config?.mongodb?.dbName).command({ ping: 1 });
      ok(`MongoDB answers at ${shown}`);
    } catch (err) {
      fail(`MongoDB is not reachable at ${shown}: ${String(err?.message ?? err).slice(0, 140)}`, 'start MongoDB (docker compose up -d mongo) or fix MONGODB_URI in .env; unset it to use the in-memory store');
    } finally {
      await client.close().catch(() => {});
    }
  }

  // ------------------------------------------------------------------ the rest of the stack
  section('Token service and demo');
  const svc = `http://127.0.0.1:${servicePort}`;
  try {
    const h = await httpGet(`${svc}/healthz`, 2000);
    if (h.status === 200) ok(`token service answers at ${svc}/healthz`);
    else fail(`token service ${svc}/healthz answered HTTP ${h.status}`, 'look at logs/service.log');
    try {
      const r = await httpGet(`${svc}/readyz`, 4000);
      if (r.status === 200) ok(`token service is ready (${svc}/readyz: store and LiveKit reachable)`);
      else fail(`token service is not ready (${svc}/readyz HTTP ${r.status}: ${r.body.trim().slice(0, 160)})`, 'the service cannot reach LiveKit or MongoDB: see the checks above and logs/service.log');
    } catch (err) {
      warn(`${svc}/readyz did not answer: ${err?.message ?? err}`);
    }
  } catch {
    warn(`the token service is not running on ${svc}`, 'npm start (everything) or npm run service (the service alone, in the foreground)');
  }
  try {
    const d = await httpGet('http://127.0.0.1:3000/', 2000);
    if (d.status < 400) ok('the demo answers at http://127.0.0.1:3000');
    else warn(`the demo answered HTTP ${d.status}`, 'look at logs/demo.log');
  } catch {
    warn('the demo is not running on http://127.0.0.1:3000', 'npm start');
  }
  const bundle = path.join(ROOT, 'widget', 'dist', 'cdn', 'urbania-meeting.js');
  if (fs.existsSync(bundle)) ok('widget/dist/cdn/urbania-meeting.js is built');
  else warn('the widget is not built (widget/dist/cdn/urbania-meeting.js)', 'npm run build -w widget   (npm start builds it)');

  // ------------------------------------------------------------------ what a command cannot check
  section('No video or audio? ("Pas de vidéo/audio")');
  info('allow the camera and microphone for the page (the lock icon in the address bar); in an iframe, the frame needs allow="camera; microphone"');
  info('open the browser console (F12) and look for errors from urbania-meeting or livekit');
  info(`the browser must reach ${publicUrl} (WebSocket) and UDP port ${lk?.rtc?.udp_port ?? 7882} on ${lk?.rtc?.node_ip ?? 'the server'}`);

  console.log('');
  if (failures) {
    console.log(c.red(`${failures} problem${failures === 1 ? '' : 's'} found`) + (warnings ? c.yellow(`, ${warnings} warning${warnings === 1 ? '' : 's'}`) : '') + '. Fix the ✗ lines above, then run npm run doctor again.');
    process.exitCode = 1;
  } else {
    console.log(c.green('Everything checked is fine') + (warnings ? c.yellow(` (${warnings} warning${warnings === 1 ? '' : 's'})`) : '') + '.');
  }
}

main().catch((err) => {
  console.error(c.red(`doctor crashed: ${err?.stack ?? err}`));
  process.exit(1);
});
