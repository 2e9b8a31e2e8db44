import { expect } from '@open-wc/testing';
import { joinResponse, roomInfo, type ServiceResponseBody } from '../test/helpers.js';
import { errorKey, translator, type MessageKey } from '../i18n/index.js';
import { ERROR_CODES } from './api.generated.js';
import { ServiceClient, ServiceError } from './service-client.js';

type Call = { url: string; init: RequestInit };

/** `body`: a documented answer (typed by the OpenAPI document), or a string for a body that is not the contract. */
function fakeFetch(status: number, body: ServiceResponseBody | string | undefined, headers: Record<string, string> = {}) {
  const calls: Call[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

const room = roomInfo({ room_name: 'r1', participants: ['alice'] });

async function rejects(p: Promise<unknown>): Promise<ServiceError> {
  try { await p; } catch (e) { expect(e).to.be.instanceOf(ServiceError); return e as ServiceError; }
  throw new Error('expected a rejection');
}

describe('service-client', () => {
  it('POST /rooms with bearer token and JSON body', async () => {
    const f = fakeFetch(201, room);
    const c = new ServiceClient({ baseUrl: 'http://127.0.0.1:8000/', authToken: 'jwt1', fetch: f.fn });
    const r = await c.createRoom({ room_name: 'r1', participants: ['bob'], call_type: 'video' });
    expect(r.room_name).to.equal('r1');
    expect(f.calls[0]!.url).to.equal('http://127.0.0.1:8000/api/livekit/rooms');
    expect(f.calls[0]!.init.method).to.equal('POST');
    const h = f.calls[0]!.init.headers as Record<string, string>;
    expect(h['Authorization']).to.equal('Bearer jwt1');
    expect(h['Content-Type']).to.equal('application/json');
    expect(JSON.parse(f.calls[0]!.init.body as string)).to.deep.equal({ room_name: 'r1', participants: ['bob'], call_type: 'video' });
  });

  it('join sends the display name when there is one, and no body otherwise', async () => {
    const f = fakeFetch(200, joinResponse(room));
    const c = new ServiceClient({ baseUrl: 'http://x', authToken: 't', fetch: f.fn });
    await c.join('r1', { username: ' Bobby ' });
    await c.join('r1', { username: '   ' });
    await c.join('r1');
    expect(f.calls.map((x) => x.url)).to.deep.equal(Array(3).fill('http://x/api/livekit/rooms/r1/join'));
    expect(JSON.parse(f.calls[0]!.init.body as string)).to.deep.equal({ username: 'Bobby' });
    expect(f.calls[1]!.init.body).to.equal(undefined);
    expect(f.calls[2]!.init.body).to.equal(undefined);
  });

  it('sends an invite secret as ?invite= on GET and in the join body, and nothing when there is none', async () => {
    const f = fakeFetch(200, room);
    const c = new ServiceClient({ baseUrl: 'http://x', authToken: 't', fetch: f.fn });
    await c.getRoom('r1', { invite: 'sec_ret-1' });
    await c.getRoom('r1', { invite: '' });
    expect(f.calls[0]!.url).to.equal('http://x/api/livekit/rooms/r1?invite=sec_ret-1');
    expect(f.calls[1]!.url).to.equal('http://x/api/livekit/rooms/r1');
    const j = fakeFetch(200, joinResponse(room));
    const cj = new ServiceClient({ baseUrl: 'http://x', authToken: 't', fetch: j.fn });
    await cj.join('r1', { invite: 'sec_ret-1' });
    await cj.join('r1', { username: 'Bob', invite: 'sec_ret-1' });
    expect(JSON.parse(j.calls[0]!.init.body as string)).to.deep.equal({ invite: 'sec_ret-1' });
    expect(JSON.parse(j.calls[1]!.init.body as string)).to.deep.equal({ username: 'Bob', invite: 'sec_ret-1' });
  });

  it('invite_invalid (403) and room_ended (410) arrive as their codes, with French and English messages', async () => {
    const c403 = new ServiceClient({ baseUrl: 'http://x', authToken: 't', fetch: fakeFetch(403, { error: { code: 'invite_invalid', message: 'no' } }).fn });
    expect((await rejects(c403.join('r1', { invite: 'x' }))).code).to.equal('invite_invalid');
    const c410 = new ServiceClient({ baseUrl: 'http://x', authToken: 't', fetch: fakeFetch(410, 'gone').fn });
    expect((await rejects(c410.join('r1'))).code).to.equal('room_ended');
    for (const locale of ['fr', 'en'] as const) {
      const t = translator(locale);
      for (const code of ['invite_invalid', 'room_ended', 'room_not_found']) {
        const text = t(errorKey(code));
        expect(text, `${locale} ${code}`).to.not.equal(t('error.unknown'));
      }
    }
    expect(translator('fr')(errorKey('invite_invalid'))).to.match(/lien d'invitation/);
    expect(translator('en')(errorKey('room_ended'))).to.match(/ended/);
  });

  it('getAuthToken is called per request and wins over authToken', async () => {
    const f = fakeFetch(200, room);
    let n = 0;
    const c = new ServiceClient({ baseUrl: 'http://x', authToken: 'old', getAuthToken: async () => `fresh${++n}`, fetch: f.fn });
    await c.getRoom('a b');
    await c.getRoom('r1');
    expect(f.calls[0]!.url).to.equal('http://x/api/livekit/rooms/a%20b');
    expect((f.calls[1]!.init.headers as Record<string, string>)['Authorization']).to.equal('Bearer fresh2');
  });

  it('maps {error:{code,message}} to a typed error', async () => {
    const f = fakeFetch(403, { error: { code: 'forbidden', message: 'not invited' } });
    const e = await rejects(new ServiceClient({ baseUrl: 'http://x', authToken: 't', fetch: f.fn }).join('r1'));
    expect(e.code).to.equal('forbidden');
    expect(e.message).to.equal('not invited');
    expect(e.status).to.equal(403);
  });

  it('keeps room_not_found, reads Retry-After', async () => {
    let e = await rejects(new ServiceClient({ baseUrl: 'http://x', authToken: 't', fetch: fakeFetch(404, { error: { code: 'room_not_found', message: 'no' } }).fn }).getRoom('r'));
    expect(e.code).to.equal('room_not_found');
    e = await rejects(new ServiceClient({ baseUrl: 'http://x', authToken: 't', fetch: fakeFetch(429, { error: { code: 'rate_limited', message: 'slow' } }, { 'Retry-After': '7' }).fn }).getRoom('r'));
    expect(e.code).to.equal('rate_limited');
    expect(e.retryAfter).to.equal(7);
  });

  it('keeps every error code the service documents (ErrorCode in its OpenAPI document)', async () => {
    expect(ERROR_CODES).to.include.members(['room_not_found', 'room_exists', 'rate_limited', 'unavailable', 'internal_error']);
    for (const code of ERROR_CODES) {
      // 418 maps to no code of its own: the code can only come from the body.
      const e = await rejects(new ServiceClient({ baseUrl: 'http://x', authToken: 't', fetch: fakeFetch(418, { error: { code, message: code } }).fn }).getRoom('r'));
      expect(e.code).to.equal(code);
    }
  });

  it('has a French and an English message of its own for every error code the service documents', () => {
    // Typed: a code added to the service's ErrorCode without a message fails the widget's typecheck too.
    const keys: MessageKey[] = ERROR_CODES.map((code) => `error.${code}` as const);
    for (const [i, code] of ERROR_CODES.entries()) {
      expect(errorKey(code)).to.equal(keys[i]);
      for (const locale of ['fr', 'en'] as const) {
        expect(translator(locale)(keys[i]!, { message: 'x' })).to.not.equal(translator(locale)('error.unknown', { message: 'x' }));
      }
    }
  });

  it('falls back to the status when the body is not the contract', async () => {
    const e = await rejects(new ServiceClient({ baseUrl: 'http://x', authToken: 't', fetch: fakeFetch(503, 'oops').fn }).getRoom('r'));
    expect(e.code).to.equal('unavailable');
  });

  it('network failure, missing auth, missing URL', async () => {
    const failing = (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;
    expect((await rejects(new ServiceClient({ baseUrl: 'http://x', authToken: 't', fetch: failing }).getRoom('r'))).code).to.equal('network_error');
    expect((await rejects(new ServiceClient({ baseUrl: 'http://x' }).getRoom('r'))).code).to.equal('no_auth');
    expect((await rejects(new ServiceClient({ baseUrl: 'http://x', getAuthToken: () => Promise.reject(new Error('x')) }).getRoom('r'))).code).to.equal('no_auth');
    expect((await rejects(new ServiceClient({ baseUrl: '', authToken: 't' }).getRoom('r'))).code).to.equal('no_service_url');
  });

  it('rejects a non-JSON success body', async () => {
    const f = (async () => new Response('<html>', { status: 200 })) as unknown as typeof fetch;
    expect((await rejects(new ServiceClient({ baseUrl: 'http://x', authToken: 't', fetch: f }).getRoom('r'))).code).to.equal('bad_response');
  });
});
