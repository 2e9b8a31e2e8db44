import {
  AccessToken,
  DataPacket_Kind,
  type ParticipantPermission,
  RoomServiceClient,
  TrackSource,
  type VideoGrant,
  type WebhookEvent,
} from 'livekit-server-sdk';
import type { Config } from './config.js';
import { DependencyUnavailableError } from './errors.js';
import type { MediaSource, RoomPermissions } from './grants.js';
import { KnownRooms } from './known-rooms.js';
import { watchSfu } from './sfu-watch.js';
import { webhookVerifier } from './webhook-verify.js';
import type { PresenceEntry } from './model.js';

/** The SFU as the service sees it. The real one is LiveKitGateway; tests may inject a fake for one failure path. */
export interface SfuGateway {
  /** Makes sure the room exists on the SFU (idempotent; remembered, see known-rooms.ts). */
  ensureRoom(roomName: string): Promise<void>;
  /** The SFU closed the room (its `room_finished` webhook): the next admission creates it again. */
  roomFinished(roomName: string): void;
  /** Whether the SFU has this room live now (ListRooms; used before creating a name the store does not know). */
  isRoomLive(roomName: string): Promise<boolean>;
  /** Sends a reliable data packet on `topic` to these participants (the lobby tells hosts of knocks). */
  sendData?(roomName: string, topic: string, payload: string, identities: string[]): Promise<void>;
  /** Closes the room for everyone (DeleteRoom); a room the SFU does not have is already closed. */
  deleteRoom(roomName: string): Promise<void>;
  removeParticipant(roomName: string, identity: string): Promise<void>;
  /**
   * Sets attributes of a participant in the call (an empty string deletes one); resolves false when the participant
   * (or the room) is not on the SFU.
   */
  setParticipantAttributes(roomName: string, identity: string, attributes: Record<string, string>): Promise<boolean>;
  listParticipants(roomName: string): Promise<PresenceEntry[]>;
  mintToken(params: MintTokenParams): Promise<string>;
  /** The participant as the SFU has it now (identity, name, published tracks), or null when not in the room. */
  getParticipant(roomName: string, identity: string): Promise<SfuParticipant | null>;
  /** Mutes one published track (RoomService.MutePublishedTrack); false when the participant or track is gone. */
  muteTrack(roomName: string, identity: string, trackSid: string): Promise<boolean>;
  /**
   * Replaces a connected participant's permissions (RoomService.UpdateParticipant), live, without a rejoin; the SFU
   * unpublishes tracks of sources no longer allowed. False when the participant is not in the room.
   */
  updatePermissions(roomName: string, identity: string, permissions: RoomPermissions): Promise<boolean>;
  /**
   * Verifies a webhook's signature against the raw body, then parses it; throws WebhookRejectedError
   * ('signature' or 'body').
   */
  receiveWebhook(rawBody: string, authorization: string | undefined): Promise<WebhookEvent>;
  ping(): Promise<void>;
  /** Where browsers connect. */
  readonly publicUrl: string;
}

export interface MintTokenParams {
  roomName: string;
  identity: string;
  name: string;
  permissions: RoomPermissions;
  /** Participant attributes set by the service in the token (e.g. `urbania.guest`). */
  attributes?: Record<string, string>;
}

export interface SfuTrack {
  sid: string;
  /** Our name of the track's source; undefined for sources we do not name. */
  source: MediaSource | undefined;
  muted: boolean;
}

export interface SfuParticipant {
  identity: string;
  name: string;
  tracks: SfuTrack[];
}

const SOURCE_TO_LIVEKIT: Record<MediaSource, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

/**
 * The grant a user token carries. Never roomCreate, roomAdmin, roomList or roomRecord.
 * `canUpdateOwnMetadata` lets the participant set its own attributes (the raised hand, hands.ts), and so — LiveKit
 * has no narrower grant (livekit-server `ParticipantImpl.UpdateMetadata`) — also its own metadata and display name
 * through the SFU; never anyone else's. Everyone gets it, a webinar's audience included (raising a hand is how they
 * ask for the stage).
 */
export function videoGrantFor(roomName: string, permissions: RoomPermissions): VideoGrant {
  return {
    room: roomName,
    roomJoin: true,
    canPublish: permissions.canPublish,
    canSubscribe: permissions.canSubscribe,
    canPublishData: permissions.canPublishData,
    canPublishSources: permissions.sources.map((s) => SOURCE_TO_LIVEKIT[s]),
    canUpdateOwnMetadata: true,
  };
}

const LIVEKIT_TO_SOURCE = new Map<TrackSource, MediaSource>(
  Object.entries(SOURCE_TO_LIVEKIT).map(([ours, theirs]) => [theirs, ours as MediaSource]),
);

/** The live permission (UpdateParticipant) equal to the grant a token with these permissions carries. */
export function participantPermissionFor(roomName: string, permissions: RoomPermissions): Partial<ParticipantPermission> {
  const grant = videoGrantFor(roomName, permissions);
  return {
    canPublish: grant.canPublish ?? false,
    canSubscribe: grant.canSubscribe ?? false,
    canPublishData: grant.canPublishData ?? false,
    canPublishSources: grant.canPublishSources ?? [],
    canUpdateMetadata: grant.canUpdateOwnMetadata ?? false,
  };
}

export class LiveKitGateway implements SfuGateway {
  readonly publicUrl: string;
  private readonly rooms: RoomServiceClient;
  private readonly verifyWebhook: ReturnType<typeof webhookVerifier>;
  private readonly known: KnownRooms;

  constructor(private readonly config: Config) {
    this.publicUrl = config.livekit.publicUrl;
    this.rooms = new RoomServiceClient(config.livekit.url, config.livekit.apiKey, config.livekit.apiSecret, {
      requestTimeout: 5,
    });
    this.verifyWebhook = webhookVerifier(config.livekit.apiKey, config.livekit.apiSecret);
    this.known = new KnownRooms({
      createRoom: (name) =>
        this.call(() =>
          this.rooms.createRoom({
            name,
            emptyTimeout: config.room.emptyTimeoutSeconds,
            departureTimeout: 20,
            maxParticipants: config.room.maxParticipants,
          }),
        ),
      // Never joined (no token is ever minted for it) and kept for a year: its sid identifies the SFU process.
      createSentinel: (name) => this.call(() => this.rooms.createRoom({ name, emptyTimeout: 365 * 24 * 3600, maxParticipants: 1 })),
      listRooms: (names) => this.call(() => this.rooms.listRooms(names)),
      watch: (onLost) => watchSfu(config.livekit.url, onLost),
    });
  }

  ensureRoom(roomName: string): Promise<void> {
    return this.known.ensure(roomName);
  }

  roomFinished(roomName: string): void {
    this.known.forget(roomName);
  }

  async isRoomLive(roomName: string): Promise<boolean> {
    const rooms = await this.call(() => this.rooms.listRooms([roomName]));
    return rooms.some((r) => r.name === roomName);
  }

  async sendData(roomName: string, topic: string, payload: string, identities: string[]): Promise<void> {
    await this.call(() =>
      this.rooms.sendData(roomName, new TextEncoder().encode(payload), DataPacket_Kind.RELIABLE, { destinationIdentities: identities, topic }),
    );
  }

  async deleteRoom(roomName: string): Promise<void> {
    this.known.forget(roomName);
    try {
      await this.call(() => this.rooms.deleteRoom(roomName));
    } catch (err) {
      if (err instanceof DependencyUnavailableError || !isRoomNotFound(err)) throw err;
    }
  }

  async removeParticipant(roomName: string, identity: string): Promise<void> {
    try {
      await this.call(() => this.rooms.removeParticipant(roomName, identity));
    } catch (err) {
      // Not in the room (or the room is gone): leaving is already done.
      if (err instanceof DependencyUnavailableError) throw err;
      if (isRoomNotFound(err)) this.known.forget(roomName);
    }
  }

  async setParticipantAttributes(roomName: string, identity: string, attributes: Record<string, string>): Promise<boolean> {
    try {
      await this.call(() => this.rooms.updateParticipant(roomName, identity, { attributes }));
      return true;
    } catch (err) {
      if (err instanceof DependencyUnavailableError) throw err;
      // "participant does not exist" or "requested room does not exist" (twirp not_found): nothing to update.
      if (!isNotFound(err)) throw err;
      if (/room/i.test(String((err as Error).message))) this.known.forget(roomName);
      return false;
    }
  }

  async listParticipants(roomName: string): Promise<PresenceEntry[]> {
    try {
      const participants = await this.call(() => this.rooms.listParticipants(roomName));
      return participants.map((p) => ({ identity: p.identity, name: p.name }));
    } catch (err) {
      if (err instanceof DependencyUnavailableError) throw err;
      if (isRoomNotFound(err)) this.known.forget(roomName);
      return [];
    }
  }

  async getParticipant(roomName: string, identity: string): Promise<SfuParticipant | null> {
    try {
      const p = await this.call(() => this.rooms.getParticipant(roomName, identity));
      return {
        identity: p.identity,
        name: p.name,
        tracks: p.tracks.map((t) => ({ sid: t.sid, source: LIVEKIT_TO_SOURCE.get(t.source), muted: t.muted })),
      };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async muteTrack(roomName: string, identity: string, trackSid: string): Promise<boolean> {
    try {
      await this.call(() => this.rooms.mutePublishedTrack(roomName, identity, trackSid, true));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async updatePermissions(roomName: string, identity: string, permissions: RoomPermissions): Promise<boolean> {
    try {
      await this.call(() =>
        this.rooms.updateParticipant(roomName, identity, { permission: participantPermissionFor(roomName, permissions) }),
      );
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async mintToken(params: MintTokenParams): Promise<string> {
    const token = new AccessToken(this.config.livekit.apiKey, this.config.livekit.apiSecret, {
      identity: params.identity,
      name: params.name,
      ttl: this.config.tokenTtlSeconds,
      ...(params.attributes && { attributes: params.attributes }),
    });
    token.addGrant(videoGrantFor(params.roomName, params.permissions));
    return token.toJwt();
  }

  receiveWebhook(rawBody: string, authorization: string | undefined): Promise<WebhookEvent> {
    return this.verifyWebhook(rawBody, authorization);
  }

  async ping(): Promise<void> {
    await this.call(() => this.rooms.listRooms(['__urbania_ping__']));
  }

  /** Network failures become DependencyUnavailableError (503); answers from the SFU propagate. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isNetworkError(err)) {
        throw new DependencyUnavailableError('livekit', 'The LiveKit server cannot be reached', { cause: err });
      }
      throw err;
    }
  }
}

/** LiveKit's twirp answer for a room it does not have. */
function isRoomNotFound(err: unknown): boolean {
  const e = err as { code?: unknown; status?: unknown; message?: unknown };
  return e?.code === 'not_found' || (e?.status === 404 && /room/i.test(String(e.message)));
}

/** Any twirp not_found (room or participant). */
function isNotFound(err: unknown): boolean {
  const e = err as { code?: unknown; status?: unknown };
  return e?.code === 'not_found' || e?.status === 404;
}

function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return true;
  if (err instanceof TypeError && /fetch failed/i.test(err.message)) return true;
  const code = (err as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (err as { code?: unknown }).code;
  return typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|UND_ERR_)/.test(code);
}
