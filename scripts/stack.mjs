#!/usr/bin/env node
// The dev stack on this machine (the seed's start_all/start_livekit/stop_all/stop_livekit).
//
//   node scripts/stack.mjs start [livekit|service|demo]   (npm start, npm run livekit:start)
//   node scripts/stack.mjs stop  [livekit|service|demo]   (npm stop,  npm run livekit:stop)
//   node scripts/stack.mjs status
//
// No name = everything, in order LiveKit (7880) → token service (8000) → demo (3000).
// Each process runs detached in its own process group, logs to logs/<name>.log, and its pid is kept
// in .run/<name>.pid. `start` returns once every process answers; `stop` ends them by pidfile.
import path from 'node:path';
import {
  ROOT,
  demoCommand,
  describeHolders,
  ensureLivekitBinary,
  TOKEN_SERVICE,
  WIDGET,
  ensureBuilt,
  isAlive,
  portHolders,
  spawned,
  spawnLogged,
  stopPid,
  tail,
  tokenServiceCommand,
  waitForHttp,
} from './kit/index.mjs';
import { LOG_DIR, c, ensureDotEnv, httpGet, loadDotEnv, pids } from './lib/common.mjs';
const ORDER = ['livekit', 'service', 'demo'];
const DEMO_PORT = Number(process.env.DEMO_PORT ?? 3000);

function rel(p) {
  return path.relative(ROOT, p) || '.';
}

/** Definitions of the three processes, given the environment loaded from .env. */
function definitions(env) {
  const servicePort = Number(env.PORT ?? 8000);
  const serviceUrl = `http://127.0.0.1:${servicePort}`;
  return {
    livekit: {
      title: 'LiveKit server',
      port: 7880,
      udpPort: 7882,
      url: 'http://127.0.0.1:7880',
      health: 'http://127.0.0.1:7880/',
      timeoutMs: 30_000,
      show: 'ws://127.0.0.1:7880 (API http://127.0.0.1:7880)',
      command: () => [ensureLivekitBinary(), ['--config', path.join(ROOT, 'livekit.yaml')]],
      // livekit-server reads some LIVEKIT_* variables itself: give it the shell's environment, not .env.
      env: () => ({ ...process.env }),
    },
    service: {
      title: 'token service',
      port: servicePort,
      url: serviceUrl,
      health: `${serviceUrl}/healthz`,
      timeoutMs: 60_000,
      show: `${serviceUrl}  (API docs ${serviceUrl}/docs)`,
      // Plain node on the compiled service (built below when older than its sources), as production runs it.
      command: () => tokenServiceCommand(),
      env: () => ({ ...env }),
    },
    demo: {
      title: 'demo',
      port: DEMO_PORT,
      url: `http://127.0.0.1:${DEMO_PORT}`,
      health: `http://127.0.0.1:${DEMO_PORT}/`,
      timeoutMs: 30_000,
      show: `http://127.0.0.1:${DEMO_PORT}`,
      command: () => demoCommand(),
      // The demo gets its own PORT; the service's PORT from .env must not leak into it.
      env: () => ({
        ...env,
        PORT: String(DEMO_PORT),
        DEMO_PORT: String(DEMO_PORT),
        DEMO_HOST: process.env.DEMO_HOST ?? '127.0.0.1',
        SERVICE_URL: serviceUrl,
      }),
    },
  };
}

// ---------------------------------------------------------------------------------------------

/** Refuses to start on a port someone else holds; names the holder. */
async function portProblem(name, def) {
  const checks = [[def.port, 'tcp']];
  if (def.udpPort) checks.push([def.udpPort, 'udp']);
  for (const [port, proto] of checks) {
    const holders = (await portHolders(port, proto)).filter((h) => !pids.belongsTo(h.pid, name));
    if (holders.length > 0) {
      return (
        `port ${port}/${proto} is already in use by ${describeHolders(holders)}.\n` +
        `    Stop that process (kill ${holders.find((h) => h.pid)?.pid ?? '<pid>'}) or free the port, then run the command again. ` +
        '`npm run doctor` shows every port.'
      );
    }
  }
  return null;
}

async function startOne(name, def) {
  const running = pids.ours(name);
  if (running) {
    try {
      const r = await httpGet(def.health, 1500);
      if (r.status < 500) {
        console.log(`${c.green('✓')} ${def.title} is already running (pid ${running}): ${def.show}`);
        return true;
      }
    } catch {
      /* fall through */
    }
    console.log(c.yellow(`! ${def.title} has pid ${running} but does not answer ${def.health}: restarting it`));
    await stopOne(name, def, { quiet: true });
  }
  const problem = await portProblem(name, def);
  if (problem) {
    console.error(`${c.red('✗')} cannot start the ${def.title}: ${problem}`);
    return false;
  }
  let command;
  try {
    command = def.command();
  } catch (err) {
    console.error(`${c.red('✗')} cannot start the ${def.title}: ${err.message}`);
    return false;
  }
  const [cmd, args] = command;
  const logFile = path.join(LOG_DIR, `${name}.log`);
  // Detached in its own process group and left running when this script exits.
  const child = spawnLogged(name, cmd, args, { logFile, env: def.env(), append: true, keep: true });
  const pid = await spawned(child);
  if (!pid) {
    console.error(`${c.red('✗')} cannot run ${cmd} (see ${rel(logFile)})`);
    return false;
  }
  pids.write(name, pid);
  process.stdout.write(c.dim(`→ starting the ${def.title} (pid ${pid}, log ${rel(logFile)})… `));
  try {
    await waitForHttp(def.health, { timeoutMs: def.timeoutMs, isUp: () => isAlive(pid), accept: (r) => r.status >= 200 && r.status < 400 });
  } catch (err) {
    process.stdout.write('\n');
    const why = isAlive(pid) ? `did not answer ${def.health} within ${def.timeoutMs / 1000} s` : 'exited during start-up';
    console.error(`${c.red('✗')} the ${def.title} ${why}. Last lines of ${rel(logFile)}:\n${tail(logFile, 20)}`);
    await stopOne(name, def, { quiet: true });
    return false;
  }
  process.stdout.write(`${c.green('ready')}\n`);
  console.log(`${c.green('✓')} ${def.title}: ${def.show}`);
  return true;
}

async function stopOne(name, def, { quiet = false } = {}) {
  const pid = pids.ours(name);
  if (!pid) {
    pids.remove(name);
    if (!quiet) {
      const holders = await portHolders(def.port);
      const note = holders.length ? c.yellow(` (port ${def.port} is held by ${describeHolders(holders)}, which this script did not start: left alone)`) : '';
      console.log(`${c.dim('·')} ${def.title} is not running${note}`);
    }
    return true;
  }
  await stopPid(pid); // the whole process group: SIGTERM, then SIGKILL after 10 s
  pids.remove(name);
  if (!quiet) console.log(`${c.green('✓')} ${def.title} stopped (pid ${pid})`);
  return true;
}

async function answers(def) {
  try {
    return (await httpGet(def.health, 1000)).status < 500;
  } catch {
    return false;
  }
}

async function status(defs) {
  for (const name of ORDER) {
    const def = defs[name];
    const pid = pids.ours(name);
    let answer = 'no answer';
    try {
      answer = `HTTP ${(await httpGet(def.health, 1000)).status}`;
    } catch {
      /* keep */
    }
    console.log(`${pid ? c.green('●') : c.dim('○')} ${def.title.padEnd(15)} ${pid ? `pid ${pid}` : 'not started'}  ${def.health} → ${answer}`);
  }
}

async function main() {
  const [action = 'start', only] = process.argv.slice(2);
  if (!['start', 'stop', 'status', 'restart'].includes(action) || (only && !ORDER.includes(only))) {
    console.error('usage: node scripts/stack.mjs start|stop|restart|status [livekit|service|demo]');
    process.exit(2);
  }
  if (action === 'start' && ensureDotEnv()) console.log(c.dim('→ created .env from .env.example (development settings)'));
  const { merged } = await loadDotEnv();
  const defs = definitions(merged);
  const names = only ? [only] : ORDER;

  if (action === 'status') return status(defs);
  if (action === 'stop' || action === 'restart') {
    for (const name of [...names].reverse()) await stopOne(name, defs[name]);
    if (action === 'stop') return;
  }

  let failed = false;
  const started = [];
  for (const name of names) {
    const def = defs[name];
    // The service runs compiled (token-service/dist/, as in production); the demo serves widget/dist/cdn/.
    const target = { service: TOKEN_SERVICE, demo: WIDGET }[name];
    if (target) {
      const logFile = path.join(LOG_DIR, `${target.workspace}-build.log`);
      const build = ensureBuilt(target, { logFile, say: (m) => console.log(c.dim(m)) });
      if (!build.ok) {
        console.error(`${c.red('✗')} ${def.title} not started: ${build.error}:`);
        console.error(tail(logFile, 15));
        failed = true;
        continue;
      }
    }
    // Started alone, a piece still needs the one before it: say so rather than fail later.
    const needs = { service: 'livekit', demo: 'service' }[name];
    if (only && needs && !(await answers(defs[needs]))) {
      console.log(c.yellow(`! the ${defs[needs].title} is not answering (${defs[needs].health}): the ${def.title} starts, but calls will fail until it runs (npm start runs everything)`));
    }
    if (await startOne(name, def)) started.push(name);
    else failed = true;
  }

  if (started.length) {
    console.log('');
    console.log(c.bold('Urbania Meet dev stack'));
    for (const name of ORDER) if (started.includes(name)) console.log(`  ${defs[name].title.padEnd(15)} ${defs[name].show}`);
    if (started.includes('demo')) console.log(`\n  Open ${c.cyan(defs.demo.url)} and sign in as a demo user (alice, bob, carol, …).`);
    console.log(c.dim(`  Logs in logs/. Stop with: npm stop${only === 'livekit' ? ' (or npm run livekit:stop)' : ''}. Diagnose with: npm run doctor`));
  }
  if (failed) {
    console.error(c.red('\nSomething did not start (see above). `npm run doctor` checks the usual causes.'));
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(c.red(`✗ ${err?.stack ?? err}`));
  process.exit(1);
});
