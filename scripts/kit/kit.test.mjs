// Unit and integration tests of the process kit (node --test; part of `npm test`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseDotenv } from 'dotenv';
import YAML from 'yaml';
import {
  ROOT,
  WIDGET,
  buildState,
  isAlive,
  livekitConfig,
  sleep,
  spawnLogged,
  startLiveKit,
  stopProcess,
  toYaml,
} from './index.mjs';

describe('LiveKit configuration', () => {
  it('the committed livekit.yaml is exactly livekitConfig() for the development settings of .env.example', () => {
    const env = parseDotenv(fs.readFileSync(path.join(ROOT, '.env.example')));
    const committed = YAML.parse(fs.readFileSync(path.join(ROOT, 'livekit.yaml'), 'utf8'));
    const expected = livekitConfig({
      port: 7880,
      udpPort: 7882,
      apiKey: String(env.LIVEKIT_API_KEY),
      apiSecret: String(env.LIVEKIT_API_SECRET),
      webhookUrl: `http://127.0.0.1:${env.PORT ?? 8000}/api/livekit/webhooks`,
      emptyTimeout: Number(env.ROOM_EMPTY_TIMEOUT_SECONDS ?? 300),
      maxParticipants: Number(env.ROOM_MAX_PARTICIPANTS ?? 100),
      logLevel: 'info',
    });
    assert.deepEqual(committed, expected);
  });

  it('toYaml writes what a YAML parser reads back', () => {
    const config = livekitConfig({ port: 1234, udpPort: 5678, apiKey: 'k', apiSecret: 'a secret: with # signs', webhookUrl: 'http://127.0.0.1:9/api/livekit/webhooks' });
    assert.deepEqual(YAML.parse(toYaml(config)), config);
  });

  it('startLiveKit runs the real server with that configuration, survives a crash-restart and stops', async () => {
    const lk = await startLiveKit({ emptyTimeout: 7 });
    try {
      assert.equal((await fetch(lk.httpUrl)).status, 200);
      assert.deepEqual(YAML.parse(fs.readFileSync(lk.configFile, 'utf8')).room, { auto_create: false, empty_timeout: 7, max_participants: 100 });
      await lk.restart();
      assert.equal((await fetch(lk.httpUrl)).status, 200);
    } finally {
      await lk.stop();
    }
    await assert.rejects(fetch(lk.httpUrl, { signal: AbortSignal.timeout(2000) }));
  });
});

describe('processes', () => {
  it('stopProcess ends the whole process group, children included', async () => {
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kit-test-')), 'group.log');
    // sh starts a grandchild that ignores nothing and outlives sh unless the group is signalled.
    const child = spawnLogged('group', 'sh', ['-c', 'sleep 300 & echo $! ; wait'], { logFile });
    let grandchild = 0;
    for (let i = 0; i < 50 && !grandchild; i++) {
      await sleep(50);
      grandchild = Number(fs.readFileSync(logFile, 'utf8').trim()) || 0;
    }
    assert.ok(grandchild > 0 && isAlive(grandchild), 'the grandchild runs');
    await stopProcess(child, { graceMs: 2000 });
    await sleep(100);
    assert.equal(isAlive(child.pid), false);
    assert.equal(isAlive(grandchild), false, 'the grandchild was stopped with its group');
  });
});

describe('the build rule', () => {
  it('missing → fresh → stale when any input is newer than the output (sources, then the lockfile)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-build-'));
    for (const input of WIDGET.inputs) {
      const p = path.join(root, input);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      if (path.extname(input)) fs.writeFileSync(p, '{}');
      else fs.mkdirSync(p, { recursive: true });
    }
    const source = path.join(root, 'widget/src/views/room/room.component.ts');
    fs.mkdirSync(path.dirname(source), { recursive: true });
    fs.writeFileSync(source, 'export {};');
    const past = new Date(Date.now() - 60_000);
    for (const input of WIDGET.inputs) fs.utimesSync(path.join(root, input), past, past);
    fs.utimesSync(source, past, past);
    assert.equal(buildState(WIDGET, { root }).state, 'missing');

    const bundle = path.join(root, WIDGET.output);
    fs.mkdirSync(path.dirname(bundle), { recursive: true });
    fs.writeFileSync(bundle, '');
    assert.equal(buildState(WIDGET, { root }).state, 'fresh');

    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(source, later, later);
    const stale = buildState(WIDGET, { root });
    assert.equal(stale.state, 'stale');
    assert.match(stale.reason, /room\.component\.ts/);

    fs.utimesSync(source, past, past);
    fs.utimesSync(path.join(root, 'package-lock.json'), later, later);
    assert.equal(buildState(WIDGET, { root }).state, 'stale', 'new dependency versions need a build too');
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('who uses what', () => {
  it('nothing but the token service’s own tests imports from token-service/test (e2e, bench and scripts use the kit)', () => {
    const files = spawnSync('git', ['ls-files', '*.ts', '*.mjs', '*.js'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    const testDir = path.join(ROOT, 'token-service', 'test') + path.sep;
    const offenders = files
      .filter((f) => !f.startsWith('token-service/test/') && !/^token-service\/.*\.test\.ts$/.test(f) && fs.existsSync(path.join(ROOT, f)))
      .flatMap((f) => {
        const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
        const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => String(m[1]));
        return specifiers.filter((s) => path.resolve(ROOT, path.dirname(f), s).startsWith(testDir)).map((s) => `${f} → ${s}`);
      });
    assert.deepEqual(offenders, []);
  });

  it('Chromium flags and LiveKit configuration are written in one place each', () => {
    const code = spawnSync('git', ['ls-files', '*.ts', '*.mjs', '*.js'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    /** @param {string} needle */
    const writers = (needle) => code.filter((f) => f !== 'scripts/kit/kit.test.mjs' && fs.existsSync(path.join(ROOT, f)) && fs.readFileSync(path.join(ROOT, f), 'utf8').includes(needle));
    assert.deepEqual(writers('--use-fake-device-for-media-stream'), ['scripts/kit/chromium.mjs']);
    assert.deepEqual(writers('enable_loopback_candidate'), ['scripts/kit/livekit.mjs']);
  });
});
