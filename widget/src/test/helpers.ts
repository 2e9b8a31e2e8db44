/** Test helpers: a per-test fake service (stubbed fetch), axe, waiting. Used by *.test.ts only. */
import 'axe-core/axe.min.js';
import type { paths } from '../core/api.generated.js';
import type { JoinPermissions, JoinResponse, RoomInfo } from '../core/service-client.js';

type Operation = { [P in keyof paths]: NonNullable<paths[P]['get']> | NonNullable<paths[P]['post']> | NonNullable<paths[P]['delete']> }[keyof paths];
type JsonBodies<R> = { [S in keyof R]: R[S] extends { content: { 'application/json': infer B } } ? B : never }[keyof R];
/** Any JSON body the service documents as an answer (success bodies and `{error}`), from its OpenAPI document. */
export type ServiceResponseBody = Operation extends infer O ? (O extends { responses: infer R } ? JsonBodies<R> : never) : never;

/**
 * One faked answer. `body` is typed by the service's OpenAPI document (api.generated.ts), so a fixture that
 * drifts from the contract (a missing or renamed field, an unknown error code) fails the widget's typecheck.
 */
export interface FakeRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string | RegExp;
  status: number;
  body?: ServiceResponseBody;
}

export interface FetchStub {
  calls: { method: string; url: string; body?: unknown; auth?: string | null }[];
  restore(): void;
}

/** Replace window.fetch for one test; unmatched /api/ requests answer 404 not_found, other URLs pass through. */
export function stubFetch(routes: FakeRoute[]): FetchStub {
  const original = window.fetch;
  const calls: FetchStub['calls'] = [];
  window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = new URL(url).pathname;
    // Only the token service's API is faked; anything else (livekit-client's own requests) goes out for real.
    if (!path.startsWith('/api/')) return original(input, init);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined, auth: headers['Authorization'] ?? null });
    const route = routes.find((r) => r.method === method && (typeof r.path === 'string' ? r.path === path : r.path.test(path)));
    const status = route?.status ?? 404;
    const body = route ? route.body : { error: { code: 'not_found', message: 'no route' } };
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { calls, restore: () => { window.fetch = original; } };
}

export function roomInfo(over: Partial<RoomInfo> = {}): RoomInfo {
  return {
    room_name: 'equipe-lundi', call_type: 'video', webinar: false, speakers: [], participants: ['alice', 'bob'],
    created_by: 'alice', created_by_name: 'Alice Martin', co_hosts: [], open_to_link: false, audience_chat: false, locked: false, waiting_room: false,
    created_at: '2026-11-25T10:00:00Z', ended_at: null, connected: [], ...over,
  };
}

/** A `POST …/join` answer for `room` (a participant who may publish, unless `permissions` says otherwise). */
export function joinResponse(room: RoomInfo = roomInfo(), permissions: Partial<JoinPermissions> = {}): JoinResponse {
  return {
    room, token: 'lk-token', url: 'ws://sfu.test', room_name: room.room_name, connected_elsewhere: false,
    permissions: { role: 'participant', can_publish: true, can_subscribe: true, sources: ['camera', 'microphone'], ...permissions },
  };
}

export async function waitFor<T>(fn: () => T | undefined | null | false, timeout = 4000, what = 'condition'): Promise<T> {
  const start = performance.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Deep query through open shadow roots (like Playwright's CSS engine). */
export function deepQuery<T extends Element = Element>(root: Element | ShadowRoot | Document, selector: string): T | null {
  return deepQueryAll<T>(root, selector)[0] ?? null;
}

export function deepQueryAll<T extends Element = Element>(root: Element | ShadowRoot | Document, selector: string): T[] {
  const out: T[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    out.push(...(node.querySelectorAll(selector) as NodeListOf<T>));
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return [...new Set(out)];
}

interface AxeResults { violations: { id: string; impact?: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[] }
declare global {
  interface Window { axe: { run(ctx: Element, opts?: object): Promise<AxeResults> } }
}

/** Run axe on an element; returns readable violations (empty when clean). */
export async function axeViolations(el: Element): Promise<string[]> {
  const res = await window.axe.run(el, { resultTypes: ['violations'] });
  return res.violations.map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => JSON.stringify(n.target) + ' ' + (n.failureSummary ?? '')).join(' | ')}`);
}
