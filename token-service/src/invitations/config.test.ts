// The invitation settings of config.ts: VAPID keys as a set, a webhook with its secret.
import webpush from 'web-push';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

const base = { NODE_ENV: 'development', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's', AUTH_JWT_SECRET: 'x' };
const problems = (env: Record<string, string>) => {
  try {
    loadConfig({ ...base, ...env });
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
};

describe('config: Web Push and the invitation webhook', () => {
  const keys = webpush.generateVAPIDKeys();

  it('is off by default', () => {
    const config = loadConfig(base);
    expect(config.push).toBeUndefined();
    expect(config.inviteWebhook).toBeUndefined();
  });

  it('takes real VAPID keys and a subject', () => {
    const config = loadConfig({ ...base, VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'mailto:ops@urbania.example' });
    expect(config.push).toEqual({ publicKey: keys.publicKey, privateKey: keys.privateKey, subject: 'mailto:ops@urbania.example' });
  });

  it('refuses an incomplete or malformed VAPID set', () => {
    expect(problems({ VAPID_PUBLIC_KEY: keys.publicKey })[0]).toMatch(/^VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT: set all three/);
    expect(problems({ VAPID_PUBLIC_KEY: keys.privateKey, VAPID_PRIVATE_KEY: keys.publicKey, VAPID_SUBJECT: 'urbania' })).toEqual([
      'VAPID_PUBLIC_KEY: must be a base64url P-256 public key (65 bytes, 87 characters)',
      'VAPID_PRIVATE_KEY: must be a base64url P-256 private key (32 bytes, 43 characters)',
      'VAPID_SUBJECT: must be a mailto: address or an https: URL (how push services reach you)',
    ]);
  });

  it('needs the webhook URL and secret together; outside development https and a long secret', () => {
    expect(loadConfig({ ...base, INVITE_WEBHOOK_URL: 'http://127.0.0.1:9/hook', INVITE_WEBHOOK_SECRET: 'short' }).inviteWebhook).toEqual({
      url: 'http://127.0.0.1:9/hook',
      secret: 'short',
    });
    expect(problems({ INVITE_WEBHOOK_URL: 'http://127.0.0.1:9/hook' })).toEqual([
      'INVITE_WEBHOOK_SECRET: is required with INVITE_WEBHOOK_URL (the receiver verifies the signature with it)',
    ]);
    expect(problems({ INVITE_WEBHOOK_SECRET: 'x'.repeat(40) })).toEqual(['INVITE_WEBHOOK_URL: is required with INVITE_WEBHOOK_SECRET']);
    expect(problems({ INVITE_WEBHOOK_URL: 'ftp://x' })[0]).toMatch(/^INVITE_WEBHOOK_URL: must be an http\(s\) URL/);
    const prod = problems({ NODE_ENV: 'production', INVITE_WEBHOOK_URL: 'http://hooks.example/x', INVITE_WEBHOOK_SECRET: 'short' });
    expect(prod).toContain('INVITE_WEBHOOK_SECRET: must be at least 32 characters');
    expect(prod).toContain('INVITE_WEBHOOK_URL: must be an https:// URL outside development');
  });
});
