import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

// A valid production environment.
const base = {
  LIVEKIT_API_KEY: 'urbania',
  LIVEKIT_API_SECRET: 'a-livekit-secret-of-at-least-32-chars',
  AUTH_JWT_SECRET: 'an-urbania-secret-of-at-least-32-chars',
  AUTH_ISSUER: 'https://id.urbania.example',
  AUTH_AUDIENCE: 'urbania-meet',
};
const DEV_LIVEKIT_SECRET = 'urbania-dev-secret-0123456789abcdef';
const DEV_JWT_SECRET = 'urbania-dev-jwt-secret-change-me-0123456789';

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

  describe('outside development, refuses what the repository publishes, naming the variable', () => {
    it.each(['production', 'test', undefined])('NODE_ENV=%s: the dev LIVEKIT_API_SECRET', (nodeEnv) => {
      expect(problems({ ...base, NODE_ENV: nodeEnv, LIVEKIT_API_SECRET: DEV_LIVEKIT_SECRET })).toEqual([
        expect.stringMatching(/^LIVEKIT_API_SECRET: this secret is published in the repository/),
      ]);
    });

    it('the dev AUTH_JWT_SECRET', () => {
      expect(problems({ ...base, AUTH_JWT_SECRET: DEV_JWT_SECRET })).toEqual([
        expect.stringMatching(/^AUTH_JWT_SECRET: this secret is published in the repository/),
      ]);
    });

    it('the test helpers\' secrets', () => {
      expect(problems({ ...base, LIVEKIT_API_SECRET: 'test-secret-for-the-token-service-suite-0123456789' })[0]).toMatch(/^LIVEKIT_API_SECRET: .*published/);
      expect(problems({ ...base, AUTH_JWT_SECRET: 'test-urbania-jwt-secret-0123456789abcdef' })[0]).toMatch(/^AUTH_JWT_SECRET: .*published/);
    });

    it('the key devkey', () => {
      expect(problems({ ...base, LIVEKIT_API_KEY: 'devkey' })).toEqual([
        expect.stringMatching(/^LIVEKIT_API_KEY: "devkey" is the development key published in this repository/),
      ]);
    });

    it('a published secret even with surrounding spaces', () => {
      expect(problems({ ...base, LIVEKIT_API_SECRET: ` ${DEV_LIVEKIT_SECRET} ` })[0]).toMatch(/^LIVEKIT_API_SECRET: .*published/);
    });

    it('all of them in development (the dev stack runs with them)', () => {
      const dev = { NODE_ENV: 'development', LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: DEV_LIVEKIT_SECRET, AUTH_JWT_SECRET: DEV_JWT_SECRET };
      expect(problems(dev)).toEqual([]);
    });
  });

  it('outside development requires AUTH_ISSUER and AUTH_AUDIENCE', () => {
    expect(problems({ ...base, AUTH_ISSUER: undefined })).toEqual([expect.stringMatching(/^AUTH_ISSUER: is required outside development/)]);
    expect(problems({ ...base, AUTH_AUDIENCE: '  ' })).toEqual([expect.stringMatching(/^AUTH_AUDIENCE: is required outside development/)]);
    expect(problems({ ...base, NODE_ENV: 'development', AUTH_ISSUER: undefined, AUTH_AUDIENCE: undefined })).toEqual([]);
  });

  it('outside development requires an https:// AUTH_JWKS_URL', () => {
    const jwks = { ...base, AUTH_JWT_SECRET: undefined, AUTH_JWKS_URL: 'http://id.urbania.example/jwks.json' };
    expect(problems(jwks)).toEqual([expect.stringMatching(/^AUTH_JWKS_URL: must be an https:\/\/ URL outside development/)]);
    expect(problems({ ...jwks, NODE_ENV: 'development' })).toEqual([]);
    expect(problems({ ...jwks, AUTH_JWKS_URL: 'https://id.urbania.example/jwks.json' })).toEqual([]);
  });

  it('needs exactly one of AUTH_JWT_SECRET and AUTH_JWKS_URL', () => {
    expect(problems({ ...base, AUTH_JWT_SECRET: undefined })[0]).toMatch(/AUTH_JWT_SECRET or AUTH_JWKS_URL/);
    expect(problems({ ...base, AUTH_JWKS_URL: 'https://id.urbania.fr/.well-known/jwks.json' })[0]).toMatch(/only one/);
    const jwks = loadConfig({ ...base, AUTH_JWT_SECRET: undefined, AUTH_JWKS_URL: 'https://id.urbania.fr/jwks.json' });
    expect(jwks.auth).toEqual({ jwksUrl: 'https://id.urbania.fr/jwks.json', issuer: base.AUTH_ISSUER, audience: base.AUTH_AUDIENCE });
  });

  it('allows the demo login only with NODE_ENV=development', () => {
    expect(problems({ ...base, DEMO_LOGIN: '1' })).toEqual([
      'DEMO_LOGIN: the demo login is only allowed with NODE_ENV=development (NODE_ENV is production)',
    ]);
    expect(problems({ ...base, DEMO_LOGIN: '1', NODE_ENV: 'test' })[0]).toMatch(/^DEMO_LOGIN: .*only allowed with NODE_ENV=development/);
    expect(loadConfig({ ...base, DEMO_LOGIN: '1', NODE_ENV: 'development' }).demoLogin).toBe(true);
  });

  it('gives the demo login its own secret, never the Urbania one', () => {
    const dev = { ...base, NODE_ENV: 'development', DEMO_LOGIN: '1' };
    const generated = loadConfig(dev).auth.demoSecret;
    expect(generated).toMatch(/^[0-9a-f]{64}$/);
    expect(generated).not.toBe(base.AUTH_JWT_SECRET);
    expect(loadConfig({ ...dev, DEMO_LOGIN_SECRET: 'a-demo-secret' }).auth.demoSecret).toBe('a-demo-secret');
    expect(problems({ ...dev, DEMO_LOGIN_SECRET: base.AUTH_JWT_SECRET })).toEqual([
      expect.stringMatching(/^DEMO_LOGIN_SECRET: must differ from AUTH_JWT_SECRET/),
    ]);
    // With a JWKS (no shared secret at all) the demo login works too.
    expect(loadConfig({ ...dev, AUTH_JWT_SECRET: undefined, AUTH_JWKS_URL: 'https://id.urbania.fr/jwks.json' }).demoLogin).toBe(true);
    expect(loadConfig(base).auth.demoSecret).toBeUndefined();
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

  it('reads the chat history bounds (defaults 200 messages, 7 days) and refuses values out of range', () => {
    expect(loadConfig(base).chatHistory).toEqual({ maxMessages: 200, retentionSeconds: 604_800 });
    expect(loadConfig({ ...base, CHAT_HISTORY_MAX_MESSAGES: '50', CHAT_HISTORY_RETENTION_SECONDS: '3600' }).chatHistory)
      .toEqual({ maxMessages: 50, retentionSeconds: 3600 });
    const found = problems({ ...base, CHAT_HISTORY_MAX_MESSAGES: '0', CHAT_HISTORY_RETENTION_SECONDS: 'week' });
    expect(found.map((p) => p.split(':')[0])).toEqual(['CHAT_HISTORY_MAX_MESSAGES', 'CHAT_HISTORY_RETENTION_SECONDS']);
  });
});
