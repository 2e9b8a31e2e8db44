/**
 * Which rooms the SFU has, as far as the service can tell without asking on every request.
 *
 * LiveKit refuses tokens for rooms it does not have (`room.auto_create: false`), so an admission must make sure the
 * room exists. Asking (`CreateRoom`, idempotent) on every admission costs a round trip to an SFU that shares the
 * machine; instead a room confirmed by `CreateRoom` is remembered, and forgotten when:
 *  - LiveKit reports it finished (`room_finished` webhook → {@link KnownRooms.forget});
 *  - the SFU answers that it does not know it (→ forget);
 *  - the SFU restarted: a restarted SFU has lost every room. The service keeps one sentinel room on the SFU
 *    (a name no user room can take) and re-reads its sid: before trusting what it remembers when no `watch`
 *    connection is open (at start, and at once after that connection closed: sfu-watch.ts, the SFU process
 *    ended), and otherwise in the background once per `checkIntervalMs` (one call shared by every request).
 *    A different or missing sid means a new SFU process, and everything is forgotten. A network error (the SFU
 *    down) forgets everything too;
 *  - `ttlMs` passed since it was confirmed (a bound for lost webhooks).
 * Concurrent requests for one room share one `CreateRoom`; concurrent requests share one sentinel check.
 */

/** The part of LiveKit's RoomService this needs. */
export interface SfuRoomApi {
  /** Creates the room, or returns it when it exists (LiveKit's CreateRoom is idempotent). */
  createRoom(name: string): Promise<{ sid: string }>;
  /** Creates the sentinel room: nobody can join it, and it never closes by itself. */
  createSentinel(name: string): Promise<{ sid: string }>;
  listRooms(names: string[]): Promise<{ name: string; sid: string }[]>;
  /** Optional: calls `onLost` once when the SFU may have gone away (see sfu-watch.ts). */
  watch?(onLost: () => void): void;
}

export interface KnownRoomsOptions {
  /** How often, at most, the sentinel's sid is re-read. */
  checkIntervalMs?: number;
  /** How long a confirmed room is remembered without news. */
  ttlMs?: number;
  now?: () => number;
}

/** Starts with "_", which the room-name pattern forbids: no user can create, join or guess it. */
export const SENTINEL_ROOM = '__urbania_sfu_sentinel__';

export class KnownRooms {
  private readonly confirmed = new Map<string, number>(); // room → confirmed at (ms)
  private readonly creating = new Map<string, Promise<void>>();
  /** The sentinel's sid: identifies the SFU process. */
  private incarnation: string | undefined;
  private checkedAt = -Infinity;
  private checking: Promise<void> | undefined;
  private watching = false;
  /** Bumped by forgetAll(), so a CreateRoom answered by an SFU that has restarted since is not remembered. */
  private generation = 0;
  private readonly checkIntervalMs: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly api: SfuRoomApi,
    options: KnownRoomsOptions = {},
  ) {
    this.checkIntervalMs = options.checkIntervalMs ?? 1_000;
    this.ttlMs = options.ttlMs ?? 15_000;
    this.now = options.now ?? Date.now;
  }

  /** Resolves once the room exists on the SFU; rejects with the SFU's error. */
  async ensure(roomName: string): Promise<void> {
    if (this.watching) {
      // The watch connection reports a lost SFU at once; the periodic check is then only a backstop (a proxy
      // that keeps the connection open across a restart), run in the background so no request waits for it.
      this.checkSfu().catch(() => undefined);
    } else {
      await this.checkSfu();
    }
    const at = this.confirmed.get(roomName);
    if (at !== undefined && this.now() - at < this.ttlMs) return;
    let pending = this.creating.get(roomName);
    if (!pending) {
      const generation = this.generation;
      pending = this.api
        .createRoom(roomName)
        .then(() => {
          if (generation === this.generation) this.confirmed.set(roomName, this.now());
        })
        .finally(() => this.creating.delete(roomName));
      this.creating.set(roomName, pending);
    }
    return pending;
  }

  forget(roomName: string): void {
    this.confirmed.delete(roomName);
  }

  forgetAll(): void {
    this.confirmed.clear();
    this.generation++;
  }

  /** How many rooms are remembered (for tests and diagnostics). */
  get size(): number {
    return this.confirmed.size;
  }

  private checkSfu(): Promise<void> {
    if (this.now() - this.checkedAt < this.checkIntervalMs) return Promise.resolve();
    this.checking ??= this.readIncarnation().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async readIncarnation(): Promise<void> {
    try {
      const [sentinel] = await this.api.listRooms([SENTINEL_ROOM]);
      const sid = sentinel?.sid ?? (await this.api.createSentinel(SENTINEL_ROOM)).sid;
      // Missing (a new SFU process, or someone deleted it) or another sid: the rooms we knew may be gone.
      if (!sentinel || sid !== this.incarnation) this.forgetAll();
      this.incarnation = sid;
      this.checkedAt = this.now();
      if (!this.watching && this.api.watch) {
        this.watching = true;
        this.api.watch(() => {
          this.watching = false;
          this.checkedAt = -Infinity; // the next admission re-reads the sentinel first
        });
      }
    } catch (err) {
      this.forgetAll();
      this.incarnation = undefined;
      throw err;
    }
  }
}
