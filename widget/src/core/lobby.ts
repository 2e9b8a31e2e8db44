/**
 * The waiting room, without Lit. A guest's join answers `{status: "waiting"}` (no token) until a host admits them:
 * `joinThroughLobby` asks again until a token comes (or a refusal, which the service answers as 403 knock_refused).
 * Hosts in the call watch the knocks with `LobbyWatcher`: the service tells them of a knock at once by a LiveKit
 * data packet on `urbania.lobby`, and the watcher also polls (a packet can be missed: a host joining later, a
 * reconnect), so the list is right within one poll in the worst case.
 */
import type { JoinResponse, JoinWaitingResponse, Knock, ServiceClient } from './service-client.js';
import { Listeners } from './listeners.js';

export const LOBBY_TOPIC = 'urbania.lobby';
const DEFAULT_POLL_MS = 2000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Calls `join` until it answers a token; `onWaiting` runs each time the service says "waiting". Resolves undefined
 * when `cancelled()` (the call was left or superseded meanwhile); rejects with the join's error (refused, ended…).
 */
export async function joinThroughLobby(
  join: () => Promise<JoinResponse | JoinWaitingResponse>,
  cancelled: () => boolean,
  onWaiting: () => void,
  pollMs = DEFAULT_POLL_MS,
): Promise<JoinResponse | undefined> {
  for (;;) {
    const res = await join();
    if ('token' in res) return res;
    if (cancelled()) return undefined;
    onWaiting();
    await sleep(pollMs);
    if (cancelled()) return undefined;
  }
}

/** The part of livekit-client's Room the watcher listens to (`RoomEvent.DataReceived` is "dataReceived"). */
export interface DataSource {
  on(event: 'dataReceived', fn: (payload: Uint8Array, participant?: unknown, kind?: unknown, topic?: string) => void): unknown;
  off(event: 'dataReceived', fn: (payload: Uint8Array, participant?: unknown, kind?: unknown, topic?: string) => void): unknown;
}

/** A host's view of who knocks: refreshed on the service's data packets and every `pollMs`. */
export class LobbyWatcher {
  private knocks: readonly Knock[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly listeners = new Listeners<readonly Knock[]>();
  private source: DataSource | undefined;
  private busy = false;

  /** `decider`: how a decision reaches the service (the widget passes its HostControls' admit / refuse). */
  constructor(
    private readonly client: () => ServiceClient,
    private readonly roomName: string,
    private readonly pollMs = DEFAULT_POLL_MS,
    private readonly decider: (identity: string, decision: 'admit' | 'refuse') => Promise<unknown> = (identity, decision) => client().decideKnock(roomName, identity, decision),
  ) {}

  get current(): readonly Knock[] {
    return this.knocks;
  }

  subscribe(fn: (knocks: readonly Knock[]) => void): () => void {
    fn(this.knocks);
    return this.listeners.add(fn);
  }

  start(source?: DataSource): void {
    if (this.timer) return;
    this.source = source;
    source?.on('dataReceived', this.onData);
    this.timer = setInterval(() => void this.refresh(), this.pollMs);
    void this.refresh();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.source?.off('dataReceived', this.onData);
    this.source = undefined;
  }

  async refresh(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.set(await this.client().listKnocks(this.roomName));
    } catch {
      // Not fatal: the next poll tries again.
    } finally {
      this.busy = false;
    }
  }

  /** Admit or refuse; the list drops them at once (the first decision wins on the service). */
  async decide(identity: string, decision: 'admit' | 'refuse'): Promise<void> {
    await this.decider(identity, decision);
    this.set(this.knocks.filter((k) => k.identity !== identity));
  }

  private set(knocks: readonly Knock[]): void {
    this.knocks = knocks;
    this.listeners.emit(knocks);
  }

  private readonly onData = (_payload: Uint8Array, _participant?: unknown, _kind?: unknown, topic?: string): void => {
    if (topic === LOBBY_TOPIC) void this.refresh();
  };
}
