/** Screen sharing rules of the call session: who may share, and what a failure to share means. */
import type { Room } from 'livekit-client';
import type { CallState } from './call-state.js';
import { MeetingError } from './flow-error.js';

/** livekit's TrackSource.SCREEN_SHARE (protocol enum) in a grant's canPublishSources. */
const SCREEN_SHARE_SOURCE = 3;

export function screenShareError(err: unknown): MeetingError {
  if (err instanceof MeetingError) return err;
  const e = err as { name?: string; message?: string } | null;
  const name = e?.name ?? '';
  const message = String(e?.message ?? err);
  let code = 'screen_share_failed';
  if (name === 'NotAllowedError' || name === 'AbortError' || name === 'SecurityError') code = 'screen_share_denied';
  else if (name === 'NotSupportedError' || name === 'DeviceUnsupportedError' || /getDisplayMedia not supported/i.test(message)) code = 'screen_share_unsupported';
  else if (/permission|not allowed|unauthori[sz]ed/i.test(message)) code = 'screen_share_not_allowed';
  return new MeetingError(code, message, undefined, { cause: err });
}

/** A video call, a publisher, and a grant that lists the screen-share source (or lists none: all sources). */
export function mayScreenShare(room: Room, state: CallState): boolean {
  const perms = room.localParticipant.permissions;
  return state.callType === 'video' && state.canPublish && (perms?.canPublish ?? true)
    && (!perms?.canPublishSources?.length || perms.canPublishSources.includes(SCREEN_SHARE_SOURCE));
}
