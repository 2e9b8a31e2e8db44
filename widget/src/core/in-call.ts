/**
 * Everything that exists only in a call, behind one lazy boundary: the CallSession (livekit-client), the chat, the
 * devices, raised hands and the stage's layout. MeetingFlow loads this module with `import()` when
 * a join starts (or is hinted: pointer on a join button, an invite page), beside livekit-client and the room view, so
 * the CDN entry that shows the pre-join holds none of it. `meeting-flow.ts` only refers to it through types.
 */
import { CallSession, preloadLiveKit } from './call-session.js';
import { ChatLog } from './chat.js';
import { CallDevices, type CallDevicesOptions, type DeviceKind } from './devices.js';
import { HandWatcher, lowerHandOf, setOwnHand, type HandChange } from './hands.js';
import { StageControl } from './speaker-focus.js';
import type { ServiceClient } from './service-client.js';
import type { ChatMessage } from './chat.js';
import { Listeners } from './listeners.js';
import { keepChatMessage, loadChatHistory } from './chat-history.js';
import { RoleRefresh } from './role-refresh.js';
import type { RoomInfo } from './service-client.js';
import type { DataSource } from './lobby.js';
import { registerRoomMessages } from '../i18n/room.js';

export { preloadLiveKit };
/** How the call reports to the meeting flow (in-call-wiring.ts), loaded with this chunk. */
export { wireFlow, type FlowHooks } from './in-call-wiring.js';

export interface InCallOptions {
  /** The call session (tests inject one with a fake livekit module). */
  session?: CallSession | undefined;
  /** Device enumeration and storage for CallDevices (tests). */
  devices?: CallDevicesOptions | undefined;
}

/** What the in-call machinery tells the flow (re-emitted as FlowEvents). */
export type InCallEvent =
  | { type: 'chat-message'; message: ChatMessage }
  | { type: 'device-changed'; kind: DeviceKind; deviceId: string; chosen: boolean }
  | HandChange;

export class InCall {
  readonly session: CallSession;
  /** The call's chat (messages of the current call; sending allowed while in the call with a data grant). */
  readonly chat = new ChatLog();
  /** Microphones, cameras and speakers during the call (see devices.ts). */
  readonly devices: CallDevices;
  /** Layout and pin of the call stage (speaker-focus.ts); the layout stays for the next call. */
  readonly stage = new StageControl();
  private readonly events = new Listeners<InCallEvent>();

  constructor(options: InCallOptions = {}) {
    // The room's strings (announcements, device names, PiP…) come with this chunk.
    registerRoomMessages();
    this.session = options.session ?? new CallSession();
    this.chat.transport = (text) => this.session.sendChatMessage(text);
    this.session.subscribe((s) => {
      // The session refuses `not_allowed` itself (from the grant it was given).
      this.chat.blocked = s.connection === 'connected' ? undefined : 'not_connected';
      this.stage.sync(s);
    });
    this.session.onEvent((e) => { if (e.type === 'chat-message') this.chat.add(e.message); });
    this.chat.onMessage((message) => this.events.emit({ type: 'chat-message', message }));
    this.devices = new CallDevices(this.session, options.devices);
    this.devices.onChange(({ kind, deviceId, chosen }) => this.events.emit({ type: 'device-changed', kind, deviceId, chosen: Boolean(chosen) }));
    const hands = new HandWatcher();
    this.session.subscribe((s) => {
      for (const change of hands.update(s.participants, s.connection === 'connected' || s.connection === 'reconnecting')) this.events.emit(change);
    });
  }

  on(fn: (e: InCallEvent) => void): () => void {
    return this.events.add(fn);
  }

  /** Share a screen or stop sharing (see CallSession.setScreenShareEnabled). */
  screenShare(on: boolean): Promise<void> {
    return this.session.setScreenShareEnabled(on);
  }

  /** Use another device (see CallDevices.setDevice). */
  setDevice(kind: DeviceKind, deviceId: string): Promise<void> {
    return this.devices.setDevice(kind, deviceId);
  }

  /** Raise or lower our own hand (hands.ts). */
  setOwnHand(raised: boolean): Promise<void> {
    return setOwnHand(this.session.room?.localParticipant, raised);
  }

  /** Post a message this page sent to the service, for late joiners (chat-history.ts; never throws). */
  keepChatMessage(client: Pick<ServiceClient, 'postChatMessage' | 'chatHistory'>, room: string, message: ChatMessage): Promise<void> {
    return keepChatMessage(client, room, message);
  }

  /** The room's earlier messages, from the service (chat-history.ts; none when it cannot answer). */
  loadChatHistory(client: Pick<ServiceClient, 'postChatMessage' | 'chatHistory'>, room: string, localIdentity: string): Promise<ChatMessage[]> {
    return loadChatHistory(client, room, localIdentity);
  }

  /**
   * Refetch the Room view (`fetchInfo`) on the service's `urbania.room` roles packets, and hand it to `onInfo`
   * (role-refresh.ts). Not on joins: a join changes neither roles nor the room's `participants` (the guest marks), and
   * every widget refetching on every arrival would make the service's load grow with the square of the crowd.
   * Returns the stop function.
   */
  watchRoles(fetchInfo: () => Promise<RoomInfo>, onInfo: (info: RoomInfo) => void, delayMs?: number): () => void {
    const refresh = new RoleRefresh(fetchInfo, onInfo, delayMs);
    refresh.start(this.session.room as DataSource | undefined);
    return () => refresh.stop();
  }

  /** Lower someone else's hand through the service (the host only). */
  lowerHandOf(client: Pick<ServiceClient, 'lowerHand'>, room: string, identity: string): Promise<void> {
    return lowerHandOf(client, room, identity);
  }
}
