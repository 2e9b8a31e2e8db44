/**
 * Raised hands, without Lit and without livekit-client.
 *
 * The wire is a LiveKit participant attribute each participant sets on itself (`localParticipant.setAttributes`; the
 * service's tokens carry `canUpdateOwnMetadata`, a webinar's audience included): `handRaisedAt`, the ISO 8601 UTC time
 * the hand went up, so hands are ordered; absent or empty is lowered (LiveKit deletes an attribute set to ''). It is
 * LaSuite Meet's attribute, so hands show between the two; a plain livekit-client page reads `participant.attributes`
 * and `RoomEvent.ParticipantAttributesChanged`. The host lowers anyone's hand through the service
 * (`POST /rooms/{room_name}/participants/{identity}/lower-hand`, which deletes the attribute on the SFU).
 */
import { MeetingError } from './flow-error.js';
import { ServiceError, type ServiceClient } from './service-client.js';

export const HAND_ATTRIBUTE = 'handRaisedAt';

/** A raised hand whose time cannot be read (another client's format) sorts after every dated one. */
const UNDATED = Number.MAX_SAFE_INTEGER;

/**
 * When the hand in these attributes went up (ms since the epoch), or undefined when it is down. An ISO date (ours,
 * LaSuite Meet's) or a number of milliseconds; any other non-empty value counts as raised, undated.
 */
export function handRaisedAt(attributes: Readonly<Record<string, string>> | undefined): number | undefined {
  const value = attributes?.[HAND_ATTRIBUTE]?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) || UNDATED;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : UNDATED;
}

/** What the hand list needs from a participant (a ParticipantView fits). */
export interface HandHolder {
  readonly identity: string;
  readonly name: string;
  readonly isLocal: boolean;
  readonly handRaisedAt?: number | undefined;
}

export interface RaisedHand {
  readonly identity: string;
  readonly name: string;
  readonly isLocal: boolean;
  readonly raisedAt: number;
  /** 1 for the first hand up. */
  readonly position: number;
}

/** The raised hands, first raised first (equal times: by identity, so every page shows the same order). */
export function orderedHands(participants: readonly HandHolder[]): RaisedHand[] {
  return participants
    .filter((p) => p.handRaisedAt !== undefined)
    .map((p) => ({ identity: p.identity, name: p.name, isLocal: p.isLocal, raisedAt: p.handRaisedAt! }))
    .sort((a, b) => a.raisedAt - b.raisedAt || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0))
    .map((h, i) => ({ ...h, position: i + 1 }));
}

export interface HandChange {
  readonly type: 'hand-raised' | 'hand-lowered';
  readonly identity: string;
  readonly name: string;
  readonly isLocal: boolean;
  /** Lowered because the participant left the call (their hand went with them). */
  readonly left: boolean;
}

/**
 * Turns successive participant lists into hand changes: raised (including hands already up when we join or when
 * someone joins with one), lowered (by the participant, by the host, or the participant leaving).
 */
export class HandWatcher {
  private raised = new Map<string, HandHolder>();

  /** The changes since the previous list. `inCall` false (not connected) forgets every hand without a change. */
  update(participants: readonly HandHolder[], inCall = true): HandChange[] {
    if (!inCall) {
      this.raised = new Map();
      return [];
    }
    const now = new Map<string, HandHolder>();
    const present = new Set<string>();
    for (const p of participants) {
      present.add(p.identity);
      if (p.handRaisedAt !== undefined) now.set(p.identity, p);
    }
    const changes: HandChange[] = [];
    for (const [id, p] of this.raised) {
      if (!now.has(id)) changes.push({ type: 'hand-lowered', identity: id, name: p.name, isLocal: p.isLocal, left: !present.has(id) });
    }
    for (const h of orderedHands([...now.values()])) {
      if (!this.raised.has(h.identity)) changes.push({ type: 'hand-raised', identity: h.identity, name: h.name, isLocal: h.isLocal, left: false });
    }
    this.raised = now;
    return changes;
  }
}

/** The part of livekit-client's LocalParticipant a hand needs (a fake in tests). */
export interface HandOwner {
  readonly attributes: Readonly<Record<string, string>>;
  /** The grant, once the SFU sent it; `canUpdateMetadata` is what lets us set our own attributes. */
  readonly permissions?: { readonly canUpdateMetadata: boolean } | undefined;
  setAttributes(attributes: Record<string, string>): Promise<void>;
}

/**
 * Raises (with the current time) or lowers our own hand. Raising a hand already up keeps its place in the queue;
 * lowering a hand already down does nothing. Rejects with a MeetingError: `not_in_call` (no owner),
 * `hand_not_allowed` (the grant lacks canUpdateMetadata, or the SFU refused), `hand_failed` (anything else, such as no
 * answer from the SFU within livekit-client's 5 s).
 */
export async function setOwnHand(owner: HandOwner | undefined, raised: boolean, now: () => Date = () => new Date()): Promise<void> {
  if (!owner) throw new MeetingError('not_in_call');
  if (owner.permissions?.canUpdateMetadata === false) throw new MeetingError('hand_not_allowed');
  if ((handRaisedAt(owner.attributes) !== undefined) === raised) return;
  try {
    await owner.setAttributes({ [HAND_ATTRIBUTE]: raised ? now().toISOString() : '' });
  } catch (err) {
    const e = err as { reasonName?: unknown; message?: unknown } | null;
    const refused = e?.reasonName === 'NOT_ALLOWED' || /not allowed|permission/i.test(String(e?.message ?? ''));
    throw new MeetingError(refused ? 'hand_not_allowed' : 'hand_failed', String(e?.message ?? err), undefined, { cause: err });
  }
}

/**
 * The host lowers someone else's hand through the service. Rejects with a MeetingError `host_only` when the service
 * answers 403 (not a host: neither the creator nor a co-host), otherwise with the ServiceError (`room_not_found`, `network_error`…).
 */
export async function lowerHandOf(client: Pick<ServiceClient, 'lowerHand'>, room: string, identity: string): Promise<void> {
  try {
    await client.lowerHand(room, identity);
  } catch (err) {
    if (err instanceof ServiceError && err.code === 'forbidden') throw new MeetingError('host_only', err.message, undefined, { cause: err });
    throw err;
  }
}
