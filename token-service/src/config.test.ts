import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const base = {
  LIVEKIT_API_KEY: 'devkey',
  LIVEKIT_API_SECRET: 'a-livekit-secret-of-at-least-32-chars',
  AUTH_JWT_SECRET: 'an-urbania-secret-of-at-least-32-chars',
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      port: 8000,
      livekit: { url: 'http://127.0.0.1:7880', publicUrl: 'ws://127.0.0.1:7880' },
      tokenTtlSeconds: 600,
      demoLogin: false,
      corsOrigins: ['http://127.0.0.1:3000', 'http://localhost:3000'],
    });
    expect(config.mongodb).toBeUndefined();
  });

  it('reports every problem at once, one line each, naming the variable', () => {
    const found = problems({ PORT: 'eighty', LIVEKIT_URL: 'ws://x', LIVEKIT_PUBLIC_URL: 'http://x', MONGODB_URI: 'postgres://x' });
    expect(found.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['PORT', 'LIVEKIT_URL', 'LIVEKIT_PUBLIC_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET', 'MONGODB_URI']),
    );
  });

  it('requires 32+ character secrets outside development', () => {
    expect(problems({ ...base, LIVEKIT_API_SECRET: 'secret' })[0]).toMatch(/^LIVEKIT_API_SECRET: must be at least 32/);
    expect(problems({ ...base, AUTH_JWT_SECRET: 'short' })[0]).toMatch(/^AUTH_JWT_SECRET/);
    expect(problems({ ...base, NODE_ENV: 'development', LIVEKIT_API_SECRET: 'secret', AUTH_JWT_SECRET: 'x' })).toEqual([]);
  });

  it('needs exactly one of AUTH_JWT_SECRET and AUTH_JWKS_URL', () => {
    expect(problems({ ...base, AUTH_JWT_SECRET: undefined })[0]).toMatch(/AUTH_JWT_SECRET or AUTH_JWKS_URL/);
    expect(problems({ ...base, AUTH_JWKS_URL: 'https://id.urbania.fr/.well-known/jwks.json' })[0]).toMatch(/only one/);
    const jwks = loadConfig({ ...base, AUTH_JWT_SECRET: undefined, AUTH_JWKS_URL: 'https://id.urbania.fr/jwks.json' });
    expect(jwks.auth).toEqual({ jwksUrl: 'https://id.urbania.fr/jwks.json' });
  });

  it('refuses the demo login in production', () => {
    expect(problems({ ...base, DEMO_LOGIN: '1' })).toEqual([
      'DEMO_LOGIN: the demo login cannot be enabled when NODE_ENV=production',
    ]);
    expect(loadConfig({ ...base, DEMO_LOGIN: '1', NODE_ENV: 'development' }).demoLogin).toBe(true);
  });

  it('reads MongoDB, CORS, TTL and rate limit settings', () => {
    const config = loadConfig({
      ...base,
      MONGODB_URI: 'mongodb://127.0.0.1:27017/?replicaSet=rs0',
      CORS_ORIGINS: 'https://urbania.fr, https://app.urbania.fr',
      TOKEN_TTL_SECONDS: '900',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    expect(config.mongodb).toEqual({ uri: 'mongodb://127.0.0.1:27017/?replicaSet=rs0', dbName: 'urbania' });
    expect(config.corsOrigins).toEqual(['https://urbania.fr', 'https://app.urbania.fr']);
    expect(config.tokenTtlSeconds).toBe(900);
    expect(config.rateLimitPerMinute).toBe(0);
  });
});
