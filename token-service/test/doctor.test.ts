import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run doctor` validates with the service's own config.ts, so it refuses what the service refuses.
const ROOT = resolve(import.meta.dirname, '../..');

function doctor(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/doctor.mjs')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  // eslint-disable-next-line no-control-regex
  return new Promise((r) => child.on('exit', (code) => r({ code, out: out.replace(/\x1b\[[0-9;]*m/g, '') })));
}

describe('npm run doctor', () => {
  it('with NODE_ENV=production names each published secret, the dev key and the missing issuer/audience', async () => {
    const { code, out } = await doctor({
      NODE_ENV: 'production',
      LIVEKIT_API_KEY: 'devkey',
      LIVEKIT_API_SECRET: 'urbania-dev-secret-0123456789abcdef',
      AUTH_JWT_SECRET: 'urbania-dev-jwt-secret-change-me-0123456789',
    });
    expect(code).toBe(1);
    expect(out).toContain('.env is not read');
    expect(out).toMatch(/✗ service configuration: LIVEKIT_API_KEY: "devkey" is the development key published/);
    expect(out).toMatch(/✗ service configuration: LIVEKIT_API_SECRET: this secret is published in the repository/);
    expect(out).toMatch(/✗ service configuration: AUTH_JWT_SECRET: this secret is published in the repository/);
    expect(out).toMatch(/✗ service configuration: AUTH_ISSUER: is required outside development/);
    expect(out).toMatch(/✗ service configuration: AUTH_AUDIENCE: is required outside development/);
  }, 60_000);
});
