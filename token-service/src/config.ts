import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { publishedValueProblems } from './published-secrets.js';

/** Thrown by loadConfig with one readable line per problem, so a bad `.env` is fixed in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const flag = z
  .string()
  .optional()
  .transform((v) => v !== undefined && ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase()));

const intWithDefault = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? fallback : Number(v)))
    .pipe(z.number().int().min(min).max(max));

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const urlWithProtocols = (protocols: string[], fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? fallback : v.trim()))
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: intWithDefault(8000, 0, 65535),
  HOST: z.string().default('127.0.0.1'),
  LIVEKIT_URL: urlWithProtocols(['http:', 'https:'], 'http://127.0.0.1:7880'),
  LIVEKIT_PUBLIC_URL: urlWithProtocols(['ws:', 'wss:'], 'ws://127.0.0.1:7880'),
  LIVEKIT_API_KEY: z.string({ error: 'is required' }).trim().min(1, 'is required'),
  LIVEKIT_API_SECRET: z.string({ error: 'is required' }).trim().min(1, 'is required'),
  AUTH_JWT_SECRET: optionalText,
  AUTH_JWKS_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  AUTH_ISSUER: optionalText,
  AUTH_AUDIENCE: optionalText,
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? 'http://127.0.0.1:3000,http://localhost:3000')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  MONGODB_URI: optionalText.refine(
    (v) => v === undefined || /^mongodb(\+srv)?:\/\//.test(v),
    'must start with mongodb:// or mongodb+srv://',
  ),
  MONGODB_DB: z.string().default('urbania'),
  TOKEN_TTL_SECONDS: intWithDefault(600, 30, 86_400),
  RATE_LIMIT_PER_MINUTE: intWithDefault(120, 0, 1_000_000),
  DEMO_LOGIN: flag,
  DEMO_LOGIN_SECRET: optionalText,
  ROOM_EMPTY_TIMEOUT_SECONDS: intWithDefault(300, 1, 86_400),
  ROOM_MAX_PARTICIPANTS: intWithDefault(100, 0, 10_000),
  CHAT_HISTORY_MAX_MESSAGES: intWithDefault(200, 1, 1000),
  CHAT_HISTORY_RETENTION_SECONDS: intWithDefault(7 * 86_400, 60, 366 * 86_400),
  VAPID_PUBLIC_KEY: optionalText,
  VAPID_PRIVATE_KEY: optionalText,
  VAPID_SUBJECT: optionalText,
  INVITE_WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  INVITE_WEBHOOK_SECRET: optionalText,
  INVITE_PAGE_URL: urlWithProtocols(['http:', 'https:'], 'http://127.0.0.1:3000/meeting/invite'),
  ROOMS_PER_HOUR: intWithDefault(30, 0, 1_000_000),
  ENDED_ROOM_RETENTION_SECONDS: intWithDefault(86_400, 0, 365 * 86_400),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  livekit: { url: string; publicUrl: string; apiKey: string; apiSecret: string };
  auth: {
    jwtSecret?: string;
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
    /** The demo login's own HS256 secret (DEMO_LOGIN=1 only, hence development only). */
    demoSecret?: string;
  };
  corsOrigins: string[];
  mongodb?: { uri: string; dbName: string };
  tokenTtlSeconds: number;
  rateLimitPerMinute: number;
  demoLogin: boolean;
  room: {
    emptyTimeoutSeconds: number;
    maxParticipants: number;
    /** Rooms one user may create per rolling hour; 0: no limit. */
    perUserPerHour: number;
    /** How long an ended room stays in `GET /rooms`. */
    endedRetentionSeconds: number;
  };
  /** The page invite links open (`?room=…&invite=…` is appended). */
  invitePageUrl: string;
  /** Chat history for late joiners (store/messages.ts): messages kept per room, and for how long. */
  chatHistory: { maxMessages: number; retentionSeconds: number };
  /** Web Push for invitations (VAPID), when the three VAPID_* variables are set. */
  push?: { publicKey: string; privateKey: string; subject: string };
  /** The signed invitation webhook, when INVITE_WEBHOOK_URL is set. */
  inviteWebhook?: { url: string; secret: string };
  logLevel: string;
}

const MIN_SECRET_LENGTH = 32;

/** The environment as one validated, typed object. Reads nothing itself: main.ts passes process.env. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.')}: ${issue.message}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const strict = e.NODE_ENV !== 'development';
  if (strict) {
    // Anyone can read the repository: its secrets and its dev key only ever run on a developer's machine.
    problems.push(
      ...publishedValueProblems(e.LIVEKIT_API_KEY, {
        LIVEKIT_API_SECRET: e.LIVEKIT_API_SECRET,
        AUTH_JWT_SECRET: e.AUTH_JWT_SECRET,
        DEMO_LOGIN_SECRET: e.DEMO_LOGIN_SECRET,
      }),
    );
  }
  if (strict && e.LIVEKIT_API_SECRET.length < MIN_SECRET_LENGTH) {
    problems.push(
      `LIVEKIT_API_SECRET: must be at least ${MIN_SECRET_LENGTH} characters (set NODE_ENV=development to allow a short dev secret)`,
    );
  }
  if (!e.AUTH_JWT_SECRET && !e.AUTH_JWKS_URL) {
    problems.push('AUTH_JWT_SECRET or AUTH_JWKS_URL: one is required to verify Urbania user tokens');
  }
  if (e.AUTH_JWT_SECRET && e.AUTH_JWKS_URL) {
    problems.push('AUTH_JWT_SECRET and AUTH_JWKS_URL: set only one of them');
  }
  if (strict && e.AUTH_JWT_SECRET && e.AUTH_JWT_SECRET.length < MIN_SECRET_LENGTH) {
    problems.push(`AUTH_JWT_SECRET: must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (strict && e.AUTH_JWKS_URL && !e.AUTH_JWKS_URL.startsWith('https://')) {
    problems.push('AUTH_JWKS_URL: must be an https:// URL outside development (the keys must not travel in clear)');
  }
  // Without them, a token that Urbania's identity provider minted for another application would be accepted.
  if (strict && !e.AUTH_ISSUER) {
    problems.push("AUTH_ISSUER: is required outside development: the `iss` of Urbania's user tokens");
  }
  if (strict && !e.AUTH_AUDIENCE) {
    problems.push('AUTH_AUDIENCE: is required outside development: the `aud` Urbania puts in tokens meant for Urbania Meet');
  }
  if (e.DEMO_LOGIN && strict) {
    problems.push(`DEMO_LOGIN: the demo login is only allowed with NODE_ENV=development (NODE_ENV is ${e.NODE_ENV})`);
  }
  if (e.DEMO_LOGIN_SECRET && e.DEMO_LOGIN_SECRET === e.AUTH_JWT_SECRET) {
    problems.push('DEMO_LOGIN_SECRET: must differ from AUTH_JWT_SECRET (demo tokens must never pass as Urbania tokens)');
  }
  problems.push(...notifyProblems(e, strict));
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    livekit: {
      url: e.LIVEKIT_URL,
      publicUrl: e.LIVEKIT_PUBLIC_URL,
      apiKey: e.LIVEKIT_API_KEY,
      apiSecret: e.LIVEKIT_API_SECRET,
    },
    auth: {
      ...(e.AUTH_JWT_SECRET && { jwtSecret: e.AUTH_JWT_SECRET }),
      ...(e.AUTH_JWKS_URL && { jwksUrl: e.AUTH_JWKS_URL }),
      ...(e.AUTH_ISSUER && { issuer: e.AUTH_ISSUER }),
      ...(e.AUTH_AUDIENCE && { audience: e.AUTH_AUDIENCE }),
      // Generated when not given: demo tokens then last as long as the process, which is enough for a demo.
      ...(e.DEMO_LOGIN && { demoSecret: e.DEMO_LOGIN_SECRET ?? randomBytes(32).toString('hex') }),
    },
    corsOrigins: e.CORS_ORIGINS,
    ...(e.MONGODB_URI && { mongodb: { uri: e.MONGODB_URI, dbName: e.MONGODB_DB } }),
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    demoLogin: e.DEMO_LOGIN,
    room: {
      emptyTimeoutSeconds: e.ROOM_EMPTY_TIMEOUT_SECONDS,
      maxParticipants: e.ROOM_MAX_PARTICIPANTS,
      perUserPerHour: e.ROOMS_PER_HOUR,
      endedRetentionSeconds: e.ENDED_ROOM_RETENTION_SECONDS,
    },
    invitePageUrl: e.INVITE_PAGE_URL,
    chatHistory: { maxMessages: e.CHAT_HISTORY_MAX_MESSAGES, retentionSeconds: e.CHAT_HISTORY_RETENTION_SECONDS },
    ...(e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY && e.VAPID_SUBJECT && {
      push: { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT },
    }),
    ...(e.INVITE_WEBHOOK_URL && e.INVITE_WEBHOOK_SECRET && { inviteWebhook: { url: e.INVITE_WEBHOOK_URL, secret: e.INVITE_WEBHOOK_SECRET } }),
    logLevel: e.LOG_LEVEL,
  };
}

/** VAPID keys come as a set and look like keys; the webhook has a secret long enough to sign with. */
function notifyProblems(e: z.infer<typeof envSchema>, strict: boolean): string[] {
  const problems: string[] = [];
  const vapid = [e.VAPID_PUBLIC_KEY, e.VAPID_PRIVATE_KEY, e.VAPID_SUBJECT];
  if (vapid.some(Boolean) && !vapid.every(Boolean)) {
    problems.push('VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT: set all three for Web Push, or none (npx web-push generate-vapid-keys)');
  }
  const bytes = (v: string) => (/^[A-Za-z0-9_-]+=*$/.test(v) ? Buffer.from(v, 'base64url').length : -1);
  if (e.VAPID_PUBLIC_KEY && bytes(e.VAPID_PUBLIC_KEY) !== 65) {
    problems.push('VAPID_PUBLIC_KEY: must be a base64url P-256 public key (65 bytes, 87 characters)');
  }
  if (e.VAPID_PRIVATE_KEY && bytes(e.VAPID_PRIVATE_KEY) !== 32) {
    problems.push('VAPID_PRIVATE_KEY: must be a base64url P-256 private key (32 bytes, 43 characters)');
  }
  if (e.VAPID_SUBJECT && !/^(mailto:.+|https:\/\/.+)$/.test(e.VAPID_SUBJECT)) {
    problems.push('VAPID_SUBJECT: must be a mailto: address or an https: URL (how push services reach you)');
  }
  if (e.INVITE_WEBHOOK_URL && !e.INVITE_WEBHOOK_SECRET) {
    problems.push('INVITE_WEBHOOK_SECRET: is required with INVITE_WEBHOOK_URL (the receiver verifies the signature with it)');
  }
  if (e.INVITE_WEBHOOK_SECRET && !e.INVITE_WEBHOOK_URL) problems.push('INVITE_WEBHOOK_URL: is required with INVITE_WEBHOOK_SECRET');
  if (strict && e.INVITE_WEBHOOK_SECRET && e.INVITE_WEBHOOK_SECRET.length < MIN_SECRET_LENGTH) {
    problems.push(`INVITE_WEBHOOK_SECRET: must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (strict && e.INVITE_WEBHOOK_URL && !e.INVITE_WEBHOOK_URL.startsWith('https://')) {
    problems.push('INVITE_WEBHOOK_URL: must be an https:// URL outside development');
  }
  return problems;
}
