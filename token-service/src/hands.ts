import type { SfuGateway } from './livekit.js';
import type { Meetings } from './meetings.js';
import type { User } from './model.js';

/**
 * Raised hands. A hand is a LiveKit participant attribute the participant sets itself with livekit-client
 * (`localParticipant.setAttributes({ handRaisedAt: new Date().toISOString() })`; the token's `canUpdateOwnMetadata`
 * allows it): its value is the ISO 8601 time the hand went up, so hands are ordered; absent or empty means lowered.
 * The name is LaSuite Meet's (numerique-gouv/meet), so hands show across both; LiveKit defines none (its own
 * attributes start with `lk.`). The widget reads it the same way (widget/src/core/hands.ts).
 */
export const HAND_ATTRIBUTE = 'handRaisedAt';

/**
 * A host (the room's creator or a co-host) lowers `identity`'s hand: the attribute is deleted on the SFU (LiveKit
 * deletes an attribute set to the empty string), which every participant sees as a ParticipantAttributesChanged.
 * Unknown room or not allowed to see it: 404; not a host: 403 (Meetings.asHost). A participant who is not in the call has no hand up:
 * nothing to do, and the answer is the same.
 */
export async function lowerHand(meetings: Meetings, sfu: SfuGateway, user: User, roomName: string, identity: string): Promise<void> {
  await meetings.asHost(user, roomName);
  await sfu.setParticipantAttributes(roomName, identity, { [HAND_ATTRIBUTE]: '' });
}
