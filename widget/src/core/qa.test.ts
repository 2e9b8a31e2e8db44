import { expect } from '@open-wc/testing';
import { QaBoard, QaError, type QaClient, type Question } from './qa.js';
import { ServiceClient } from './service-client.js';

const question = (id: string, votes = 0, over: Partial<Question> = {}): Question =>
  ({ id, text: `q ${id}`, author: { identity: 'carol', name: 'Carole' }, created_at: '2026-11-27T01:00:00.000Z', votes, voted: false, answered: false, ...over });

/** A real ServiceClient on an injected fetch, answering from a tiny in-memory service. */
function fakeService() {
  const calls: string[] = [];
  let list: Question[] = [question('a', 1), question('b', 0)];
  let failNext: number | undefined;
  const fetch = (async (url: string, init: RequestInit) => {
    const u = new URL(url);
    calls.push(`${init.method} ${u.pathname}`);
    if (failNext) {
      const status = failNext;
      failNext = undefined;
      return new Response(JSON.stringify({ error: { code: status === 403 ? 'forbidden' : 'unavailable', message: 'no' } }), { status });
    }
    if (init.method === 'POST' && u.pathname.endsWith('/vote')) list = list.map((q) => (u.pathname.includes(`/${q.id}/`) ? { ...q, votes: q.votes + 1, voted: true } : q));
    if (init.method === 'POST' && u.pathname.endsWith('/questions')) list = [...list, question('c', 0, { text: JSON.parse(String(init.body)).text })];
    const sorted = [...list].sort((x, y) => y.votes - x.votes);
    const body = u.pathname.endsWith('/questions') && init.method === 'GET' ? { room_name: 'w1', questions: sorted } : sorted[0];
    return new Response(JSON.stringify(body), { status: init.method === 'POST' && u.pathname.endsWith('/questions') ? 201 : 200 });
  }) as unknown as typeof globalThis.fetch;
  return { client: new ServiceClient({ baseUrl: 'http://svc', authToken: 'jwt', fetch }) as QaClient, calls, fail: (s: number) => { failNext = s; } };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('qa: QaBoard', () => {
  it('fetches when opened, polls while open only, and forgets the room on attach(undefined)', async () => {
    const svc = fakeService();
    const board = new QaBoard(20);
    board.attach(svc.client, 'w1');
    await settle();
    expect(svc.calls).to.deep.equal([]);
    board.setOpen(true);
    for (let i = 0; i < 100 && board.state.questions.length === 0; i++) await settle();
    expect(board.state.questions.map((q) => q.id)).to.deep.equal(['a', 'b']);
    await new Promise((r) => setTimeout(r, 70));
    const polled = svc.calls.length;
    expect(polled).to.be.greaterThan(1);
    board.setOpen(false);
    await new Promise((r) => setTimeout(r, 60));
    expect(svc.calls.length).to.equal(polled);
    board.dispose();
    expect(board.state.questions).to.deep.equal([]);
  });

  it('ask / vote go to the service, then the list is fetched again', async () => {
    const svc = fakeService();
    const board = new QaBoard(60_000);
    board.attach(svc.client, 'w1');
    await board.ask('  Et le prix ?  ');
    expect(svc.calls.slice(0, 2)).to.deep.equal(['POST /api/livekit/rooms/w1/questions', 'GET /api/livekit/rooms/w1/questions']);
    await board.vote('b', true);
    expect(svc.calls.slice(2)).to.deep.equal(['POST /api/livekit/rooms/w1/questions/b/vote', 'GET /api/livekit/rooms/w1/questions']);
    expect(board.state.questions.map((q) => [q.id, q.votes, q.voted])).to.deep.equal([['a', 1, false], ['b', 1, true], ['c', 0, false]]);
    await board.vote('b', false);
    expect(svc.calls.at(-2)).to.equal('DELETE /api/livekit/rooms/w1/questions/b/vote');
    await board.markAnswered('a');
    await board.remove('c');
    expect(svc.calls.filter((c) => !c.startsWith('GET'))).to.deep.equal([
      'POST /api/livekit/rooms/w1/questions', 'POST /api/livekit/rooms/w1/questions/b/vote', 'DELETE /api/livekit/rooms/w1/questions/b/vote',
      'POST /api/livekit/rooms/w1/questions/a/answered', 'DELETE /api/livekit/rooms/w1/questions/c',
    ]);
  });

  it('a refusal rejects with a typed QaError and shows its code; an empty question is refused before any request', async () => {
    const svc = fakeService();
    const board = new QaBoard(60_000);
    board.attach(svc.client, 'w1');
    svc.fail(403);
    const err = await board.markAnswered('a').then(() => undefined, (e: unknown) => e);
    expect(err).to.be.instanceOf(QaError);
    expect((err as QaError).code).to.equal('forbidden');
    expect(board.state.error).to.equal('forbidden');
    const empty = await board.ask('   ').then(() => undefined, (e: unknown) => e);
    expect((empty as QaError).code).to.equal('empty');
    const detached = new QaBoard();
    expect(((await detached.vote('a', true).then(() => undefined, (e: unknown) => e)) as QaError).code).to.equal('not_in_call');
  });
});
