import { expect } from '@open-wc/testing';
import { ServiceClient } from './service-client.js';
import { CHAT_HISTORY_FETCH_LIMIT, keepChatMessage, loadChatHistory } from './chat-history.js';
import type { ChatMessage } from './chat.js';

/** A ServiceClient on an injected fetch that answers `status`/`body` and records requests. */
function client(status: number, body: unknown) {
  const calls: { url: string; method: string; body: unknown; auth: string | undefined }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, method: String(init.method), body: init.body ? JSON.parse(String(init.body)) : undefined, auth: (init.headers as Record<string, string>)['Authorization'] });
    return new Response(JSON.stringify(body), { status });
  }) as unknown as typeof globalThis.fetch;
  return { c: new ServiceClient({ baseUrl: 'http://svc', authToken: 'jwt', fetch }), calls };
}

const sent: ChatMessage = { id: 'TS_42', from: { identity: 'me', name: 'Me' }, text: 'Bonjour', timestamp: 5, local: true };

describe('chat history (service side of the chat)', () => {
  it('keepChatMessage posts {id, text} only: the service decides the author', async () => {
    const { c, calls } = client(201, { id: 'TS_42', from: { identity: 'me', name: 'Me' }, text: 'Bonjour', timestamp: 6 });
    await keepChatMessage(c, 'r 1', sent);
    expect(calls).to.deep.equal([{ url: 'http://svc/api/livekit/rooms/r%201/messages', method: 'POST', body: { id: 'TS_42', text: 'Bonjour' }, auth: 'Bearer jwt' }]);
  });

  it('keepChatMessage resolves even when the service refuses (logged, never thrown)', async () => {
    const { c } = client(403, { error: { code: 'forbidden', message: 'audience' } });
    const warn = console.warn;
    const logged: unknown[] = [];
    console.warn = (...a: unknown[]) => { logged.push(a[0]); };
    try {
      await keepChatMessage(c, 'r1', sent);
    } finally {
      console.warn = warn;
    }
    expect(String(logged[0])).to.contain('not kept');
  });

  it('loadChatHistory asks for the newest messages and marks them earlier, mine as local', async () => {
    const { c, calls } = client(200, { room_name: 'r1', messages: [
      { id: 'A', from: { identity: 'bob', name: 'Bob' }, text: 'salut', timestamp: 1 },
      { id: 'B', from: { identity: 'me', name: 'Me' }, text: 'coucou', timestamp: 2 },
    ] });
    const messages = await loadChatHistory(c, 'r1', 'me');
    expect(calls[0]!.url).to.equal(`http://svc/api/livekit/rooms/r1/messages?limit=${CHAT_HISTORY_FETCH_LIMIT}`);
    expect(calls[0]!.method).to.equal('GET');
    expect(messages).to.deep.equal([
      { id: 'A', from: { identity: 'bob', name: 'Bob' }, text: 'salut', timestamp: 1, local: false, earlier: true },
      { id: 'B', from: { identity: 'me', name: 'Me' }, text: 'coucou', timestamp: 2, local: true, earlier: true },
    ]);
  });

  it('loadChatHistory resolves with nothing when the service cannot answer', async () => {
    const { c } = client(503, { error: { code: 'unavailable', message: 'down' } });
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(await loadChatHistory(c, 'r1', 'me')).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });
});
