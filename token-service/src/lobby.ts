import { ApiError } from './errors.js';
import { hostsOf, type GuestPass } from './grants.js';
import type { SfuGateway } from './livekit.js';
import type { RoomRecord, User } from './model.js';
import type { KnockRecord, KnockStatus, KnockStore } from './store/knocks-types.js';

/** The LiveKit data topic on which hosts in the call hear of a knock at once (the widget also polls). */
export const LOBBY_TOPIC = 'urbania.lobby';

/**
 * The waiting room of rooms created with `waiting_room: true`. Guests (invite link or open link; never the creator
 * or an invited user) knock at their first join and get no token until a host admits them; a refused guest stays
 * refused. A guest never holds a token while waiting, so nobody sits hidden in the call. State in the KnockStore
 * (MongoDB: survives a restart). Hosts in the call (creator and co-hosts) are told of each knock by a LiveKit data packet (best effort).
 */
export class Lobby {
  constructor(
    private readonly knocks: KnockStore,
    private readonly sfu: SfuGateway,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Where this guest stands: knocks the first time (and tells the hosts), then reads the decision. */
  async gate(room: RoomRecord, user: User, name: string, pass: GuestPass): Promise<KnockStatus> {
    const existing = await this.knocks.getKnock(room.roomName, user.id);
    if (existing) return existing.status;
    const knock = await this.knocks.knock({
      roomName: room.roomName,
      identity: user.id,
      name,
      pass,
      status: 'waiting',
      knockedAt: new Date(this.now()),
    });
    if (knock.status === 'waiting') void this.tellHosts(room, { type: 'knock', identity: knock.identity, name: knock.name, knocked_at: knock.knockedAt.toISOString() });
    return knock.status;
  }

  /** How a guest a host let in came (their invite's role or the open link); undefined when not admitted. */
  async admittedPass(roomName: string, identity: string): Promise<GuestPass | undefined> {
    const knock = await this.knocks.getKnock(roomName, identity);
    return knock?.status === 'admitted' ? knock.pass : undefined;
  }

  waiting(room: RoomRecord): Promise<KnockRecord[]> {
    return this.knocks.listWaiting(room.roomName);
  }

  /** A host admits or refuses; 404 when this person did not knock. The first decision wins (several hosts). */
  async decide(room: RoomRecord, host: User, identity: string, status: 'admitted' | 'refused'): Promise<KnockRecord> {
    const knock = await this.knocks.decide(room.roomName, identity, status, host.id, new Date(this.now()));
    if (!knock) throw new ApiError(404, 'not_found', `Nobody called "${identity}" is waiting to enter room "${room.roomName}"`);
    void this.tellHosts(room, { type: 'decided', identity, status: knock.status });
    return knock;
  }

  /** Tells every host: the creator and the co-hosts (LiveKit drops the packet for those not in the call). */
  private async tellHosts(room: RoomRecord, message: Record<string, string>): Promise<void> {
    await this.sfu.sendData?.(room.roomName, LOBBY_TOPIC, JSON.stringify(message), hostsOf(room)).catch(() => undefined);
  }
}

export function knockRefused(roomName: string): ApiError {
  return new ApiError(403, 'knock_refused', `A host of room "${roomName}" did not let you in`);
}
