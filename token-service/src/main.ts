// The only file that reads the environment and opens a port.
import { serve } from '@hono/node-server';
import { config as loadDotenv } from 'dotenv';
import { fileURLToPath } from 'node:url';
import { chatHistoryLimits, createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { LiveKitGateway } from './livekit.js';
import { createLogger } from './logger.js';
import { MemoryRoomStore } from './store/memory.js';
import type { MessageStore } from './store/messages.js';
import type { QuestionStore } from './store/questions.js';
import type { RoomStore } from './store/types.js';
import { openNotify } from './invitations/open.js';
import type { InviteStore } from './store/invites-types.js';
import type { KnockStore } from './store/knocks-types.js';

const SHUTDOWN_GRACE_MS = 10_000;

// .env is a development convenience: read only when NODE_ENV is unset or development, so a production
// process never picks up the repository's development secrets. The environment wins over .env; .env is
// looked up in the current folder, then at the repo root.
const readsDotenv = process.env.NODE_ENV === undefined || process.env.NODE_ENV === 'development';
if (readsDotenv) loadDotenv({ path: ['.env', fileURLToPath(new URL('../../.env', import.meta.url))], quiet: true });

let config: Config;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    const where = readsDotenv ? 'the environment and .env' : `the environment only (.env is not read with NODE_ENV=${process.env.NODE_ENV})`;
    console.error(`[token-service] ${err.message}\nRead from ${where}. See .env.example for every variable.`);
    process.exit(1);
  }
  throw err;
}

const logger = createLogger(config.logLevel);

const MONGO_RETRY_MS = 5000;

/** The memory stores, or MongoDB: waited for (with a clear message) when it is not up yet. */
async function openStores(): Promise<{ store: RoomStore; invites?: InviteStore; knocks?: KnockStore }> {
  if (!config.mongodb) return { store: new MemoryRoomStore() };
  const { MongoRoomStore } = await import('./store/mongo.js');
  const { MongoInviteStore } = await import('./store/invites-mongo.js');
  const { MongoKnockStore } = await import('./store/knocks-mongo.js');
  const { uri, dbName } = config.mongodb;
  for (;;) {
    try {
      const store = await MongoRoomStore.connect({ uri, dbName });
      const invites = new MongoInviteStore(store.db);
      await invites.ensureIndexes();
      const knocks = new MongoKnockStore(store.db);
      await knocks.ensureIndexes();
      return { store, invites, knocks };
    } catch (err) {
      logger.error(
        { mongodb: withoutCredentials(uri), err: err instanceof Error ? err.message : String(err) },
        `MongoDB is unreachable; retrying in ${MONGO_RETRY_MS / 1000} s (check MONGODB_URI, or run "npm run doctor")`,
      );
      await new Promise((r) => setTimeout(r, MONGO_RETRY_MS));
    }
  }
}

function withoutCredentials(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

const { store, invites, knocks } = await openStores();
// With MongoDB the chat history lives beside the rooms; with the memory store, in memory (createApp's default).
let messages: MessageStore | undefined;
let questions: QuestionStore | undefined;
if (config.mongodb) {
  const [{ MongoMessageStore }, { MongoRoomStore }] = await Promise.all([import('./store/messages-mongo.js'), import('./store/mongo.js')]);
  messages = await MongoMessageStore.open((store as InstanceType<typeof MongoRoomStore>).db, chatHistoryLimits(config));
  const { MongoQuestionStore } = await import('./store/questions-mongo.js');
  questions = await MongoQuestionStore.open((store as InstanceType<typeof MongoRoomStore>).db);
}
const notify = await openNotify(store, config, logger);
const app = createApp({ config, store, ...(invites && { invites }), ...(knocks && { knocks }), sfu: new LiveKitGateway(config), logger, notify, ...(messages && { messages }), ...(questions && { questions }) });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info(
    {
      address: `http://${info.address}:${info.port}`,
      store: config.mongodb ? 'mongodb' : 'memory',
      livekit: config.livekit.url,
      livekitPublic: config.livekit.publicUrl,
      demoLogin: config.demoLogin,
    },
    'token service listening',
  );
});

server.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') {
    console.error(`[token-service] port ${config.port} is already in use (run "npm run doctor" to see by whom)`);
  } else {
    console.error('[token-service] server error:', err);
  }
  process.exit(1);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  const force = setTimeout(() => {
    logger.warn('in-flight requests did not finish in time; exiting');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  force.unref();
  // Ends the open event streams, which would otherwise keep close() waiting.
  void notify.invitations.bus.close();
  // close() stops accepting connections and calls back once in-flight requests have finished.
  server.close(async () => {
    await store.close().catch((err: unknown) => logger.error({ err }, 'closing the store failed'));
    logger.info('stopped');
    logger.flush();
    process.exit(0);
  });
  if ('closeIdleConnections' in server) (server as { closeIdleConnections(): void }).closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
