/** <urbania-meeting> in a call on the fake livekit Room (fake-livekit.ts), through its real meeting flow. Used by *.test.ts only. */
import { oneEvent } from '@open-wc/testing';
import '../urbania-meeting/urbania-meeting.js';
import type { UrbaniaMeeting } from '../urbania-meeting/urbania-meeting.component.js';
import { CallSession, type LiveKitModule } from '../core/call-session.js';
import { MeetingFlow, type MeetingFlowOptions } from '../core/meeting-flow.js';
import { fakeModule } from './fake-livekit.js';

/** The token service's URL in element tests (stubFetch answers it; nothing listens there). */
export const SERVICE = 'http://127.0.0.1:59999';

export interface FakeCallOptions {
  /** The livekit module the call session loads (default: the fake one). */
  livekit?: LiveKitModule;
  devices?: MeetingFlowOptions['devices'];
}

/** Gives the element a meeting flow whose call session loads the fake livekit module (set before it connects). */
export function withFakeLiveKit(el: UrbaniaMeeting, { livekit = fakeModule, ...flow }: FakeCallOptions = {}): UrbaniaMeeting {
  (el as unknown as { flow: MeetingFlow }).flow = new MeetingFlow({ session: new CallSession({ loadLiveKit: async () => livekit }), ...flow });
  return el;
}

/**
 * A new element on the fake livekit joining room `r1` (view "room", SERVICE, token "jwt", then `props`), already in the
 * page; `joined` is its urbania-joined event. The caller removes it.
 */
export function joinOnFakeLiveKit(props: Partial<UrbaniaMeeting> = {}, options?: FakeCallOptions) {
  const el = withFakeLiveKit(document.createElement('urbania-meeting'), options);
  Object.assign(el, { view: 'room', room: 'r1', serviceUrl: SERVICE, authToken: 'jwt', ...props });
  const joined = oneEvent(el, 'urbania-joined');
  document.body.append(el);
  return { el, joined };
}

/** What a public method's promise settled with: `resolved`, or the code and (localized) message it rejected with. */
export async function codeOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try { await p; return { code: 'resolved', message: '' }; } catch (e) { return { code: (e as { code: string }).code, message: (e as Error).message }; }
}
