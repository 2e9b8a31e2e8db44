// The refused set is checked against the files that publish secrets, so it cannot drift from them:
// every secret of .env.example and livekit.yaml, and every fixed secret written in the tests, the e2e
// stack, the bench and the scripts, must be refused outside development.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseEnv } from 'dotenv';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { AUTH_SECRET, TEST_LIVEKIT_API_SECRET } from '../test/helpers/app.js';
import { ConfigError, loadConfig } from './config.js';
import { PUBLISHED_API_KEYS, PUBLISHED_SECRETS } from './published-secrets.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), 'utf8');

const production = {
  NODE_ENV: 'production',
  LIVEKIT_API_KEY: 'urbania',
  LIVEKIT_API_SECRET: 'b'.repeat(40),
  AUTH_JWT_SECRET: 'c'.repeat(40),
  AUTH_ISSUER: 'https://id.urbania.example',
  AUTH_AUDIENCE: 'urbania-meet',
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

/**
 * Fixed string literals that configure a secret in a source file: assigned to an environment-style name
 * containing SECRET (LIVEKIT_API_SECRET: '…', const AUTH_SECRET = '…') or to `apiSecret`.
 */
function secretLiterals(text: string): string[] {
  return [...text.matchAll(/\b(?:[A-Z_]*SECRET[A-Z_]*|apiSecret)['"]?\s*[:=]\s*['"`]([^'"`$\s]{8,})['"`]/g)].map((m) => m[1]!);
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(?:ts|mjs|js)$/.test(entry.name) && !entry.name.endsWith('published-secrets.test.ts')) out.push(rel);
  }
  return out;
}

describe('published secrets', () => {
  const env = parseEnv(read('.env.example'));
  const lk = YAML.parse(read('livekit.yaml')) as { keys: Record<string, string>; webhook?: { api_key?: string } };

  it('.env.example: every *_SECRET is refused outside development, naming its variable', () => {
    const names = Object.keys(env).filter((n) => n.endsWith('_SECRET'));
    expect(names).toEqual(expect.arrayContaining(['LIVEKIT_API_SECRET', 'AUTH_JWT_SECRET']));
    for (const name of names) {
      expect(PUBLISHED_SECRETS.has(env[name]!), name).toBe(true);
      expect(problems({ ...production, [name]: env[name] }), name).toEqual(
        expect.arrayContaining([expect.stringMatching(new RegExp(`^${name}: this secret is published`))]),
      );
    }
  });

  it('livekit.yaml: every key and secret is refused', () => {
    expect(Object.keys(lk.keys).length).toBeGreaterThan(0);
    for (const [key, secret] of Object.entries(lk.keys)) {
      expect(PUBLISHED_API_KEYS.has(key), key).toBe(true);
      expect(PUBLISHED_SECRETS.has(String(secret)), key).toBe(true);
      expect(problems({ ...production, LIVEKIT_API_KEY: key, LIVEKIT_API_SECRET: String(secret) })).toEqual([
        expect.stringMatching(/^LIVEKIT_API_KEY: .*published/),
        expect.stringMatching(/^LIVEKIT_API_SECRET: .*published/),
      ]);
    }
    expect(PUBLISHED_API_KEYS.has(env.LIVEKIT_API_KEY!)).toBe(true);
  });

  it('the test helpers\' fixed secrets are refused', () => {
    for (const secret of [AUTH_SECRET, TEST_LIVEKIT_API_SECRET]) expect(PUBLISHED_SECRETS.has(secret), secret).toBe(true);
  });

  it('every fixed secret written in tests, e2e, bench and scripts is refused', () => {
    // Where services are started (src/*.test.ts only feed values to loadConfig and start nothing).
    const files = ['token-service/test', 'e2e', 'bench', 'scripts', 'demo'].flatMap(sourceFiles);
    const literals = files.flatMap((f) => secretLiterals(read(f)).map((value) => ({ file: f, value })));
    // The scan finds the helpers' constants, so it does look where secrets are written.
    expect(literals.map((l) => l.value)).toContain(AUTH_SECRET);
    for (const { file, value } of literals) expect(PUBLISHED_SECRETS.has(value), `${file}: ${value}`).toBe(true);
  });

  it('a fresh random secret passes', () => {
    expect(problems(production)).toEqual([]);
  });
});
