import { createApp } from '/work/main/token-service/src/app.ts';
import { loadConfig } from '/work/main/token-service/src/config.ts';
import { MemoryRoomStore } from '/work/main/token-service/src/store/memory.ts';
import { createLogger } from '/work/main/token-service/src/logger.ts';
import { userToken, AUTH_SECRET } from '/work/main/token-service/test/helpers/app.ts';
import { Hono } from 'hono';
import { jwtVerify } from 'jose';
import { AccessToken } from 'livekit-server-sdk';
import { createWriteStream } from 'node:fs';

const N = 20000;
const config = loadConfig({ NODE_ENV: 'test', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 'x'.repeat(40), AUTH_JWT_SECRET: AUTH_SECRET, RATE_LIMIT_PER_MINUTE: process.env.RL ?? '1000000', LOG_LEVEL: process.env.LL ?? 'info' });
const sfu = { publicUrl: 'ws://x', ensureRoom: async () => {}, forgetRoom() {}, removeParticipant: async () => {}, listParticipants: async () => [], receiveWebhook: async () => { throw new Error(); }, ping: async () => {},
  mintToken: async (p: any) => { const at = new AccessToken('k', 'x'.repeat(40), { identity: p.identity, name: p.name, ttl: 600 }); at.addGrant({ room: p.roomName, roomJoin: true }); return at.toJwt(); } };
const store = new MemoryRoomStore();
const users = Array.from({ length: 100 }, (_, i) => `user-${i}`);
await store.createRoom({ roomName: 'r', callType: 'video', speakers: [], participants: users, createdBy: 'user-0', createdByName: 'U', openToLink: false, createdAt: new Date() });
const tokens = await Promise.all(users.map((u) => userToken(u)));
const full = createApp({ config, store, sfu: sfu as any, logger: createLogger(config.logLevel) });
const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(AUTH_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
const bare = new Hono().post('/api/livekit/token', async (c) => {
  const { payload } = await jwtVerify(c.req.header('authorization')!.slice(7), key, { algorithms: ['HS256'] });
  const body = await c.req.json();
  const at = new AccessToken('k', 'x'.repeat(40), { identity: payload.sub!, name: body.username, ttl: 600 });
  at.addGrant({ room: body.room_name, roomJoin: true });
  return c.json({ token: await at.toJwt(), url: 'ws://x', room_name: body.room_name });
});
async function run(app: any, label: string) {
  for (let round = 0; round < 2; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < N; i++) {
      const u = i % 100;
      const res = await app.request('/api/livekit/token', { method: 'POST', headers: { authorization: `Bearer ${tokens[u]}`, 'content-type': 'application/json' }, body: JSON.stringify({ room_name: 'r', user_id: users[u], username: 'U' }) });
      if (res.status !== 200) throw new Error(await res.text());
      await res.text();
    }
    const u = process.cpuUsage(start);
    if (round === 1) console.log(label, ((u.user + u.system) / N).toFixed(1), 'µs CPU/request');
  }
}
await run(bare, 'bare');
await run(full, 'full');
