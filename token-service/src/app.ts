import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { rateLimiter } from 'hono-rate-limiter';
import type { ZodError } from 'zod';
import { bearerToken, createUserVerifier, type UserVerifier } from './auth.js';
import { limitBody } from './body-limit.js';
import type { Config } from './config.js';
import { corsMiddleware } from './cors.js';
import type { AppEnv } from './env.js';
import { ApiError, DependencyUnavailableError, RETRY_AFTER_SECONDS, errorBody, errors } from './errors.js';
import type { SfuGateway } from './livekit.js';
import { createLogger, type Logger } from './logger.js';
import { CoHosts } from './co-hosts.js';
import { HostControls } from './host-controls.js';
import { Meetings } from './meetings.js';
import { ChatHistoryService } from './chat-history.js';
import { messagesRouter } from './routes/messages.js';
import { MemoryMessageStore } from './store/messages-memory.js';
import type { MessageStore } from './store/messages.js';
import { QuestionsService } from './questions.js';
import { questionsRouter } from './routes/questions.js';
import { MemoryQuestionStore } from './store/questions-memory.js';
import type { QuestionStore } from './store/questions.js';
import { demoAuthRouter } from './routes/demo-auth.js';
import { handsRouter } from './routes/hands.js';
import { healthRouter } from './routes/health.js';
import { coHostsRouter } from './routes/co-hosts.js';
import { hostRouter } from './routes/host.js';
import { invitesRouter } from './routes/invites.js';
import { knocksRouter } from './routes/knocks.js';
import { Lobby } from './lobby.js';
import { MemoryKnockStore } from './store/knocks-memory.js';
import type { KnockStore } from './store/knocks-types.js';
import { roomsRouter } from './routes/rooms.js';
import { Invites } from './invites.js';
import { MemoryInviteStore } from './store/invites-memory.js';
import type { InviteStore } from './store/invites-types.js';
import { tokenRouter } from './routes/token.js';
import { webhooksRouter } from './routes/webhooks.js';
import { EVENTS_PATH, eventsRouter } from './routes/events.js';
import { pushRouter } from './routes/push.js';
import { createNotify, type NotifyDeps } from './invitations/setup.js';
import { EventTickets } from './invitations/tickets.js';
import type { RoomStore } from './store/types.js';

export interface AppDeps {
  config: Config;
  store: RoomStore;
  sfu: SfuGateway;
  /** Invite links; in memory unless given (main.ts passes the MongoDB one with the MongoDB store). */
  invites?: InviteStore;
  /** The waiting room's knocks; in memory unless given (main.ts passes the MongoDB one). */
  knocks?: KnockStore;
  logger?: Logger;
  /** Defaults to the verifier the config describes (HS256 secret or JWKS). */
  verifyUser?: UserVerifier;
  /** Chat history; defaults to a bounded in-memory one (main.ts passes MongoDB's with the MongoDB store). */
  messages?: MessageStore;
  /** Audience questions (Q&A); defaults to memory (main.ts passes MongoDB's with the MongoDB store). */
  questions?: QuestionStore;
  /** Invitations (bus, Web Push, webhook) and push subscriptions; in memory from the config by default. */
  notify?: NotifyDeps;
}

export const MAX_BODY_BYTES = 16 * 1024;
const WEBHOOK_PATH = '/api/livekit/webhooks';

/** Builds the whole service from its dependencies; opens no port (main.ts does). */
export function createApp(deps: AppDeps) {
  const { config, store, sfu } = deps;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const verifyUser = deps.verifyUser ?? createUserVerifier(config.auth);
  const invites = new Invites(deps.invites ?? new MemoryInviteStore(), config.invitePageUrl);
  const lobby = new Lobby(deps.knocks ?? new MemoryKnockStore(), sfu);
  const meetings = new Meetings(store, sfu, invites, {
    lobby,
    roomsPerHour: config.room.perUserPerHour,
    endedRetentionMs: config.room.endedRetentionSeconds * 1000,
  });
  const messages = deps.messages ?? new MemoryMessageStore(chatHistoryLimits(config));
  const hostControls = new HostControls(store, sfu, meetings);
  const notify = deps.notify ?? createNotify(config, logger);
  const { invitations } = notify;

  const app = new OpenAPIHono<AppEnv>({
    // Validation failures become our 400 shape, naming every field at fault.
    defaultHook: (result) => {
      if (!result.success) throw errors.badRequest(describeZodError(result.error as ZodError));
    },
  });

  app.use('*', requestId());
  app.use('*', requestLogging(logger));
  app.use(
    '*',
    corsMiddleware({
      origins: config.corsOrigins,
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Idempotent-Replayed', 'Retry-After'],
      maxAgeSeconds: 600,
    }),
  );
  // The webhook route has its own, larger limit (routes/webhooks.ts): LiveKit's events can exceed 16 KB.
  app.use('*', exceptWebhooks(limitBody(MAX_BODY_BYTES)));
  app.use('*', async (c, next) => {
    c.set('meetings', meetings);
    c.set('invitations', invitations);
    await next();
  });
  app.use('/api/livekit/*', exceptWebhooks(authenticate(verifyUser)));
  if (config.rateLimitPerMinute > 0) {
    app.use('/api/livekit/*', exceptWebhooks(perUserRateLimit(config.rateLimitPerMinute)));
  }

  app.route('/', healthRouter(store, sfu));
  app.route('/api/livekit', roomsRouter);
  app.route('/api/livekit', hostRouter(hostControls));
  app.route('/api/livekit', coHostsRouter(new CoHosts(store, sfu, meetings, lobby)));
  app.route('/api/livekit', invitesRouter);
  app.route('/api/livekit', knocksRouter(lobby));
  app.route('/api/livekit', tokenRouter);
  app.route('/api/livekit', handsRouter(sfu));
  const chatHistory = new ChatHistoryService(meetings, store, messages);
  const questions = new QuestionsService(meetings, store, deps.questions ?? new MemoryQuestionStore());
  meetings.whenEnded((roomName) => Promise.all([chatHistory.deleteRoom(roomName), questions.deleteRoom(roomName)]));
  app.route('/api/livekit', messagesRouter(chatHistory));
  app.route('/api/livekit', questionsRouter(questions));
  app.route('/api/livekit', webhooksRouter(store, sfu));
  const tickets = new EventTickets(config.livekit.apiSecret, store);
  app.route('/api/livekit', eventsRouter({ invitations, tickets, ...(notify.heartbeatMs !== undefined && { heartbeatMs: notify.heartbeatMs }) }));
  app.route('/api/livekit', pushRouter({ push: invitations.push, store: notify.pushSubscriptions }));
  if (config.demoLogin && config.auth.demoSecret) app.route('/api/auth', demoAuthRouter(config.auth.demoSecret));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The Urbania user JWT',
  });
  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Urbania Meet token service',
      version: '0.1.0',
      description: 'Turns a signed-in Urbania user into a LiveKit participant and manages rooms.',
    },
  });
  app.get('/docs', swaggerUI({ url: '/openapi.json', title: 'Urbania Meet token service' }));

  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((err, c) => errorResponse(err, c, logger));
  return app;
}

export type App = ReturnType<typeof createApp>;

/** The chat history's bounds from the config (CHAT_HISTORY_*). */
export function chatHistoryLimits(config: Config) {
  return { maxPerRoom: config.chatHistory.maxMessages, retentionMs: config.chatHistory.retentionSeconds * 1000 };
}

function errorResponse(err: Error, c: Context<AppEnv>, fallbackLogger: Logger): Response {
  const log = c.get('log')?.() ?? fallbackLogger;
  if (err instanceof ApiError) {
    for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
    return c.json(errorBody(err.code, err.message), err.status);
  }
  if (err instanceof DependencyUnavailableError) {
    log.warn({ dependency: err.dependency, cause: String(err.cause ?? '') }, 'dependency unavailable');
    c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    const what = err.dependency === 'store' ? 'The room database' : 'The LiveKit server';
    return c.json(errorBody('unavailable', `${what} is unavailable; retry shortly`), 503);
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Hono's own 4xx, e.g. a body that is not valid JSON.
    return c.json(errorBody('invalid_request', err.message || 'Invalid request'), err.status);
  }
  log.error({ err }, 'unhandled error');
  return c.json(errorBody('internal_error', 'Internal error'), 500);
}

function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join('.') || 'body';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

/** LiveKit's webhooks (signed by LiveKit) and the events stream (a ticket in its URL) carry no Urbania token. */
function exceptWebhooks(middleware: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return (c, next) => (c.req.path === WEBHOOK_PATH || c.req.path === EVENTS_PATH ? next() : middleware(c, next));
}

function authenticate(verifyUser: UserVerifier): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw errors.unauthorized('Send the Urbania token as "Authorization: Bearer <token>"');
    const user = await verifyUser(token);
    c.set('user', user);
    await next();
  };
}

function perUserRateLimit(perMinute: number): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: perMinute,
    // RateLimit-* headers on every response cost more than the limit itself; a 429 carries Retry-After.
    standardHeaders: false,
    keyGenerator: (c) => c.get('user').id,
    handler: (c) => {
      const resetTime = (c.get('rateLimit' as never) as { resetTime?: Date } | undefined)?.resetTime;
      const retryAfter = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : 60;
      throw new ApiError(429, 'rate_limited', `Too many requests; retry in ${retryAfter} s`, {
        'Retry-After': String(retryAfter),
      });
    },
  });
}

/** One JSON line per request; handlers that log more get a child logger carrying the request id. */
function requestLogging(logger: Logger): MiddlewareHandler<AppEnv> {
  // The access line holds fixed fields only (no body, header or token), so it skips the redaction the logger
  // applies to everything else: redaction is most of what a log line costs (about 10 µs of a ~100 µs request).
  const accessLog = logger.child({}, { redact: { paths: [] } });
  return async (c, next) => {
    const started = performance.now();
    const requestId = c.get('requestId');
    let child: Logger | undefined;
    // Made on first use: most requests log only the line below, and a child per request is costly.
    c.set('log', () => (child ??= logger.child({ requestId })));
    await next();
    accessLog.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        user: c.get('user')?.id,
      },
      'request',
    );
  };
}
