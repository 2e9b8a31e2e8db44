/**
 * Keeps the call's Room view fresh, without Lit (in the in-call chunk). Roles change during a call: the creator makes
 * someone co-host or removes them, a host promotes or demotes a webinar speaker. The service then sends a server
 * data packet on `urbania.room` (`{"type":"roles"}`) to the whole room; on it, this refetches `GET /rooms/{room_name}`
 * (debounced: a burst of packets makes one request, one at a time, the last answer winning) and hands the Room view
 * over (meeting-flow.ts puts it in the phase and the host controls). Joins do not refetch: they change neither roles
 * nor the room's `participants` (the guest marks), and in a crowd every widget refetching on every arrival would load
 * the service with the square of the crowd.
 *
 * Only packets without a sending participant count: participants may publish data on any topic themselves.
 */
import type { RoomInfo } from './service-client.js';
import type { DataSource } from './lobby.js';

export const ROOM_TOPIC = 'urbania.room';
const DEFAULT_DELAY_MS = 250;

/** A server packet telling the room that roles changed (`participant` is undefined for packets the server sends). */
export function isRolesPacket(payload: Uint8Array, participant: unknown, topic: string | undefined): boolean {
  if (topic !== ROOM_TOPIC || participant !== undefined && participant !== null) return false;
  try {
    return (JSON.parse(new TextDecoder().decode(payload)) as { type?: unknown } | null)?.type === 'roles';
  } catch {
    return false;
  }
}

export class RoleRefresh {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy = false;
  private again = false;
  private stopped = false;
  private source: DataSource | undefined;

  constructor(
    private readonly fetchInfo: () => Promise<RoomInfo>,
    private readonly onInfo: (info: RoomInfo) => void,
    private readonly delayMs = DEFAULT_DELAY_MS,
  ) {}

  /** Listen to the call's data packets (livekit-client's Room). */
  start(source: DataSource | undefined): void {
    this.source = source;
    source?.on('dataReceived', this.onData);
  }

  /** Roles may have changed (the server's roles packet): refetch soon. */
  poke(): void {
    if (this.stopped) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.fetch(); }, this.delayMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.source?.off('dataReceived', this.onData);
    this.source = undefined;
  }

  private async fetch(): Promise<void> {
    this.busy = true;
    this.again = false;
    try {
      const info = await this.fetchInfo();
      if (!this.stopped) this.onInfo(info);
    } catch {
      // Not fatal: the room view we have stays; the next packet asks again.
    } finally {
      this.busy = false;
      if (this.again) this.poke();
    }
  }

  private readonly onData = (payload: Uint8Array, participant?: unknown, _kind?: unknown, topic?: string): void => {
    if (isRolesPacket(payload, participant, topic)) this.poke();
  };
}
