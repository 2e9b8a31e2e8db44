/**
 * Load on POST /api/livekit/token with one service process, against the real LiveKit server.
 * Prints figures; never fails on a target. Run: npm run bench:token-service (from the repo root).
 *   1. memory store, 64 connections, beside the bare floor run by plain node: requests/s, p99, CPU µs per request
 *      (target: the service ≥ 0.80× the floor in the same run, p99 ≤ 25 ms)
 *   2. memory store, 256 connections for 30 s: errors and service memory over time (target 0 errors, flat),
 *      then the same with the heap capped at 64 MB, where a leak would crash the service
 *   3. MongoDB store on FerretDB vs the raw driver's findOne on the same FerretDB (target ≥ 70 %)
 * BENCH_ONLY=ratio runs step 1 alone, BENCH_ONLY=capped the heap-capped check alone; BENCH_PROFILE=1 writes CPU profiles.
 * Requests are spread over many users so that the per-user rate limit (kept on) measures nothing here.
 */
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { MongoClient } from 'mongodb';
import {
  ROOT,
  TOKEN_SERVICE,
  TOKEN_SERVICE_ENTRY,
  ensureBuilt,
  freeTcpPort,
  spawnLogged,
  startFerretDB,
  startLiveKit,
  stopProcess,
  waitForHttp,
} from '../../scripts/kit/index.mjs';

// Production settings: the service refuses the repository's published secrets and needs iss/aud outside development.
const BENCH_AUTH = { secret: randomBytes(24).toString('hex'), issuer: 'https://id.urbania.example', audience: 'urbania-meet' };
const USERS = 10_000;
const USERS_PER_ROOM = 100;
const SHORT = Number(process.env.BENCH_SECONDS ?? 15); // per side, split into ROUNDS
const LONG = Number(process.env.BENCH_LONG_SECONDS ?? 30);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Both the service and the floor run as production runs the service: plain node on JavaScript, no loader.
const SERVICE_ENTRY = TOKEN_SERVICE_ENTRY;
const FLOOR_ENTRY = join(ROOT, 'bench/token-service/bare-server.mjs');

/** An Urbania user JWT as the host application would issue it (HS256, with the bench's issuer and audience). */
function userToken(id: string, name: string): Promise<string> {
  return new SignJWT({ name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(id)
    .setIssuer(BENCH_AUTH.issuer)
    .setAudience(BENCH_AUTH.audience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(BENCH_AUTH.secret));
}

interface Service {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function startService(
  env: Record<string, string>,
  logName: string,
  entry = SERVICE_ENTRY,
  nodeFlags: string[] = [],
): Promise<Service> {
  const port = await freeTcpPort();
  // The service writes its logs straight to a file: piped through this process, they would compete
  // with the load generator for CPU and back up in the service's memory.
  const logFile = join(ROOT, 'logs', `bench-${logName}.log`);
  // BENCH_PROFILE=1 writes a V8 CPU profile of the service to logs/profiles/ (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'logs/profiles')}`] : [];
  const child = spawnLogged(logName, process.execPath, [...profile, ...nodeFlags, entry], {
    logFile,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', RATE_LIMIT_PER_MINUTE: process.env.BENCH_RATE_LIMIT ?? '120', DEMO_LOGIN: '0', MONGODB_URI: '', HOST: '127.0.0.1', CORS_ORIGINS: 'http://127.0.0.1', ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, { child, timeoutMs: 30_000 });
  return { url, pid: child.pid!, stop: () => stopProcess(child, { graceMs: 10_000 }) };
}

/** 10,000 users in rooms of 100; returns one prepared request body + header per user. */
async function prepare(service: Service) {
  const tokens = await Promise.all(Array.from({ length: USERS }, (_, i) => userToken(`user-${i}`, `User ${i}`)));
  const requests: { body: string; auth: string }[] = [];
  for (let r = 0; r < USERS / USERS_PER_ROOM; r++) {
    const room = `bench-${Date.now().toString(36)}-${r}`;
    const members = Array.from({ length: USERS_PER_ROOM }, (_, j) => r * USERS_PER_ROOM + j);
    const res = await fetch(`${service.url}/api/livekit/rooms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[members[0]!]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ room_name: room, participants: members.map((m) => `user-${m}`), call_type: 'video' }),
    });
    if (res.status !== 201) throw new Error(`room creation failed: ${res.status} ${await res.text()}`);
    for (const m of members) {
      requests.push({ body: JSON.stringify({ room_name: room, user_id: `user-${m}`, username: `User ${m}` }), auth: `Bearer ${tokens[m]}` });
    }
  }
  return requests;
}

/** `duration` seconds of load, or `amount` requests when given. */
function load(url: string, requests: { body: string; auth: string }[], connections: number, duration: number, amount?: number) {
  let i = 0;
  return autocannon({
    url: `${url}/api/livekit/token`,
    connections,
    ...(amount ? { amount } : { duration }),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req: any) => {
          const r = requests[i++ % requests.length]!;
          return { ...req, body: r.body, headers: { ...req.headers, authorization: r.auth } };
        },
      },
    ],
  });
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU time (user + system) the process has used, in ms: /proc/<pid>/stat fields 14 and 15, in clock ticks. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
}

type Measured = autocannon.Result & { cpuPerRequest: number };

/** Requests/s, CPU per request and errors over several rounds; p99 is the median of the rounds' p99. */
function combine(rounds: Measured[]) {
  const seconds = rounds.reduce((a, r) => a + r.duration, 0);
  const total = rounds.reduce((a, r) => a + r.requests.total, 0);
  const p99s = rounds.map((r) => r.latency.p99).sort((a, b) => a - b);
  return {
    rps: total / seconds,
    p99: p99s[Math.floor(p99s.length / 2)]!,
    cpu: rounds.reduce((a, r) => a + r.cpuPerRequest * r.requests.total, 0) / total,
    errors: rounds.reduce((a, r) => a + r.errors + r.timeouts + r.non2xx, 0),
  };
}

/** Runs a load and reports the process's CPU time per request too: unlike requests/s, it barely moves when
 *  other programs compete for the cores, so it says what one request costs the process. */
async function measured(label: string, service: Service, run: () => Promise<autocannon.Result>): Promise<Measured> {
  const before = cpuMs(service.pid);
  const r = await run();
  const perRequest = ((cpuMs(service.pid) - before) * 1000) / Math.max(1, r.requests.total);
  return { ...summary(label, r, `   CPU ${perRequest.toFixed(0)} µs/req`), cpuPerRequest: perRequest };
}

function summary(label: string, r: autocannon.Result, extra = '') {
  const errors = r.errors + r.timeouts + r.non2xx;
  console.log(
    `${label.padEnd(44)} ${Math.round(r.requests.average).toString().padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   errors ${errors} (non-2xx ${r.non2xx}, timeouts ${r.timeouts})   total ${r.requests.total}${extra}`,
  );
  return r;
}

async function rawFindOneRate(uri: string, dbName: string, roomNames: string[], concurrency: number, seconds: number) {
  const client = await MongoClient.connect(uri, { maxPoolSize: 100 });
  const rooms = client.db(dbName).collection('rooms');
  const until = Date.now() + seconds * 1000;
  let done = 0;
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        await rooms.findOne({ _id: roomNames[i++ % roomNames.length] as any });
        done++;
      }
    }),
  );
  await client.close();
  return done / seconds;
}

async function main() {
  // The compiled service, fresh: production runs token-service/dist/, so the bench does too.
  const build = ensureBuilt(TOKEN_SERVICE, { logFile: join(ROOT, 'logs', 'token-service-build.log') });
  if (!build.ok) throw new Error(build.error);
  console.log(`bench/token-service: POST /api/livekit/token, ${USERS} users, one service process (node ${process.version})`);
  const livekit = await startLiveKit();
  const lkEnv = {
    LIVEKIT_URL: livekit.httpUrl,
    LIVEKIT_PUBLIC_URL: livekit.wsUrl,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
    AUTH_JWT_SECRET: BENCH_AUTH.secret,
    AUTH_ISSUER: BENCH_AUTH.issuer,
    AUTH_AUDIENCE: BENCH_AUTH.audience,
  };
  try {
    // 1 + 2: memory store, beside the bare floor (verify + mint only) measured in the same run.
    // BENCH_ONLY=capped: only the heap-capped leak check below.
    if (process.env.BENCH_ONLY !== 'capped') {
    const memory = await startService(lkEnv, 'memory');
    try {
      const requests = await prepare(memory);
      const bare = await startService(lkEnv, 'bare', FLOOR_ENTRY);
      try {
        // Warm-up: the JIT, the rooms ensured on the SFU, and every user signed in once (the service remembers a
        // verified user token for up to 60 s, as it would for a user who opened the page; the floor verifies
        // every request). The cold figure is printed too.
        const cold = await measured('memory, 64 conn., cold (each user\'s first request)', memory, () => load(memory.url, requests, 64, 0, USERS));
        await load(bare.url, requests, 64, 3);
        // Interleaved rounds, so that whatever else the machine does weighs on both sides alike.
        const service: Measured[] = [];
        const floor: Measured[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          service.push(await measured(`memory, 64 connections (round ${round + 1}/${ROUNDS})`, memory, () => load(memory.url, requests, 64, SHORT / ROUNDS)));
          floor.push(await measured(`bare floor, plain node, 64 conn. (round ${round + 1}/${ROUNDS})`, bare, () => load(bare.url, requests, 64, SHORT / ROUNDS)));
        }
        const s = combine(service);
        const f = combine(floor);
        console.log(`${'memory, 64 connections (all rounds)'.padEnd(44)} ${s.rps.toFixed(0).padStart(6)} req/s   p99 ${s.p99} ms (median of rounds)   CPU ${s.cpu.toFixed(0)} µs/req   errors ${s.errors}`);
        console.log(`${'bare floor, plain node (all rounds)'.padEnd(44)} ${f.rps.toFixed(0).padStart(6)} req/s   p99 ${f.p99} ms (median of rounds)   CPU ${f.cpu.toFixed(0)} µs/req   errors ${f.errors}`);
        console.log(
          `  service / floor = ${(s.rps / f.rps).toFixed(2)}× in requests/s (target ≥ 0.80×, p99 ≤ 25 ms); ` +
            `CPU per request: the floor's is ${(f.cpu / s.cpu).toFixed(2)}× the service's; cold: ${(cold.requests.average / f.rps).toFixed(2)}× in requests/s`,
        );
      } finally {
        await bare.stop();
      }
      // BENCH_ONLY=ratio: just the service-vs-floor comparison above (for profiling iterations).
      if (process.env.BENCH_ONLY === 'ratio') return;
      const samples: number[] = [];
      const sampler = setInterval(() => samples.push(rssMiB(memory.pid)), 1000);
      const before = rssMiB(memory.pid);
      summary(`memory, 256 connections, ${LONG} s`, await load(memory.url, requests, 256, LONG));
      clearInterval(sampler);
      const third = Math.max(1, Math.floor(samples.length / 3));
      const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      console.log(
        `  service RSS: before ${before.toFixed(0)} MiB, first third ${avg(samples.slice(0, third)).toFixed(0)} MiB, last third ${avg(samples.slice(-third)).toFixed(0)} MiB, max ${Math.max(...samples).toFixed(0)} MiB`,
      );
    } finally {
      await memory.stop();
    }
    }
    // Leak check: the same 256-connection load on a service whose heap is capped at 64 MB. V8 lets an
    // uncapped heap grow before it collects, so RSS alone cannot tell growth from a leak; a leak of even
    // ~1 KB per request would end this run in an out-of-memory crash (errors, then a dead service).
    const capped = await startService(lkEnv, 'memory-capped', SERVICE_ENTRY, ['--max-old-space-size=64', ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [])]);
    try {
      const requests = await prepare(capped);
      const samples: number[] = [];
      const sampler = setInterval(() => samples.push(rssMiB(capped.pid)), 1000);
      summary(`memory, heap capped at 64 MB, 256 conn., ${LONG} s`, await load(capped.url, requests, 256, LONG));
      clearInterval(sampler);
      const third = Math.max(1, Math.floor(samples.length / 3));
      const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      console.log(
        `  capped service RSS: first third ${avg(samples.slice(0, third)).toFixed(0)} MiB, last third ${avg(samples.slice(-third)).toFixed(0)} MiB; alive after the run: ${(await fetch(`${capped.url}/healthz`).then((r) => r.ok).catch(() => false)) ? 'yes' : 'NO'}`,
      );
    } finally {
      await capped.stop();
    }

    if (process.env.BENCH_SKIP_MONGO) return;
    // 3: MongoDB store on FerretDB, compared with the raw driver on the same FerretDB in the same run.
    const ferret = await startFerretDB();
    const dbName = 'urbania_bench';
    const mongo = await startService({ ...lkEnv, MONGODB_URI: ferret.uri, MONGODB_DB: dbName }, 'mongo');
    try {
      const requests = await prepare(mongo);
      const roomNames = [...new Set(requests.map((r) => JSON.parse(r.body).room_name as string))];
      await load(mongo.url, requests, 64, 3);
      const service = summary('mongodb (FerretDB), 64 connections', await load(mongo.url, requests, 64, SHORT));
      const raw = await rawFindOneRate(ferret.uri, dbName, roomNames, 64, SHORT);
      console.log(`${'raw driver findOne, 64 in flight'.padEnd(44)} ${Math.round(raw).toString().padStart(6)} ops/s`);
      console.log(`  service / raw findOne = ${((service.requests.average / raw) * 100).toFixed(0)} % (target ≥ 70 %)`);
    } finally {
      await mongo.stop();
      await ferret.cleanup();
    }
  } finally {
    await livekit.stop();
  }
}

await main();
