/**
 * The pieces of the join sequence that need nothing of the flow's state (meeting-flow.ts runs the sequence): starting
 * the call engine's download, the session's connect options from the service's join answer and the person's choices,
 * and the one error a failed load or connection becomes.
 */
import type { ConnectOptions } from './call-state.js';
import type { JoinResponse } from './service-client.js';
import type { UserChoices } from './user-choices.js';
import { MeetingError } from './flow-error.js';

/**
 * Start fetching livekit-client now, in parallel with the in-call chunk (whose session imports the same module).
 * Destructured, so that bundlers keep tree-shaking livekit-client to what call-session.ts uses.
 */
export const preloadLiveKitClient = (): Promise<unknown> => import('livekit-client').then(({ Room }) => Room);

/** A failure to load the call or reach the SFU: `connection_failed`, with the cause's message. */
export function connectionFailed(err: unknown): MeetingError {
  return new MeetingError('connection_failed', String((err as Error)?.message ?? err), undefined, { cause: err });
}

/** What the session connects with: the join answer's token and grant, the person's microphone, camera and speaker. */
export function connectOptions(res: JoinResponse, room: string, choices: Partial<UserChoices>): ConnectOptions {
  const callType = res.room.call_type;
  return {
    url: res.url,
    token: res.token,
    roomName: res.room_name || room,
    callType,
    canPublish: res.permissions.can_publish,
    audio: choices.audioEnabled !== false,
    video: callType === 'video' && choices.videoEnabled !== false,
    audioDeviceId: choices.audioDeviceId || undefined,
    videoDeviceId: choices.videoDeviceId || undefined,
    audioOutputId: choices.audioOutputId || undefined,
  };
}
