/**
 * The meeting flow's phases and what it tells its users (meeting-flow.ts), without any behaviour: the phase union, the
 * legal transitions between phases, the state and events the element renders and re-emits.
 *
 *   idle ─► loading-room ─► ready ─► joining ─► in-call ◄─► reconnecting
 *     │          │                     │           │              │
 *     └──────────┴──► failed           └─► failed  └──────► left ◄┘
 */
import type { Role, RoomInfo } from './service-client.js';
import type { ConnectionStateName } from './call-session.js';
import type { ChatMessage } from './chat.js';
import type { DeviceKind } from './devices.js';
import type { ConnectionQualityName } from './connection-quality.js';
import type { HandChange } from './hands.js';
import type { FlowError } from './flow-error.js';
/** What the page asked for: the `view` attribute. */
export type MeetingEntry = 'pre-join' | 'invite' | 'room';

/** The call we are in. */
export interface CallInfo {
  readonly room: string;
  readonly info: RoomInfo;
  readonly identity: string;
  readonly canPublish: boolean;
  /** Our role, from the join answer (`host`: the room's creator or a co-host; room-roles.ts decides during the call). */
  readonly role: Role;
}

export type MeetingPhase =
  | { readonly phase: 'idle' }
  /** Fetching the room's information (invite) or creating it (pre-join). */
  | { readonly phase: 'loading-room'; readonly room: string; readonly creating: boolean }
  | { readonly phase: 'ready'; readonly room: string; readonly info: RoomInfo }
  /** `/join` then the SFU connection; `waiting`: in the room's waiting room until a host admits us (no token yet). */
  | { readonly phase: 'joining'; readonly room: string; readonly waiting?: boolean }
  | ({ readonly phase: 'in-call' } & CallInfo)
  | ({ readonly phase: 'reconnecting' } & CallInfo)
  /** The call ended; `byServer` when the SFU ended it (removal, room deleted, connection lost…). */
  | { readonly phase: 'left'; readonly room: string; readonly reason: string; readonly byServer: boolean }
  | { readonly phase: 'failed'; readonly room: string; readonly error: FlowError; readonly during: 'loading-room' | 'joining' };

export type PhaseName = MeetingPhase['phase'];

/** The phase plus the message currently shown to the person (a failure, or a device problem during the call). */
export type FlowState = MeetingPhase & { readonly notice: FlowError | undefined };

export type FlowEvent =
  | { type: 'joined'; room: string; identity: string; canPublish: boolean }
  | { type: 'left'; room: string; reason: string }
  | { type: 'participant-joined'; identity: string; name: string }
  | { type: 'participant-left'; identity: string; name: string }
  | { type: 'room-created'; room: RoomInfo }
  | { type: 'chat-message'; message: ChatMessage }
  | { type: 'screen-share-started' | 'screen-share-stopped'; identity: string }
  | { type: 'device-changed'; kind: DeviceKind; deviceId: string }
  | { type: 'connection-quality'; identity: string; quality: ConnectionQualityName }
  /** A hand went up or down (hands.ts), ours included; also hands already up when we join. */
  | HandChange
  | { type: 'error'; error: FlowError };

/** Legal transitions; anything else is a bug and throws IllegalTransitionError. */
const TRANSITIONS: Readonly<Record<PhaseName, readonly PhaseName[]>> = {
  idle: ['loading-room', 'joining', 'failed', 'left'],
  'loading-room': ['loading-room', 'ready', 'joining', 'failed', 'idle', 'left'],
  ready: ['loading-room', 'joining', 'failed', 'idle', 'left'],
  joining: ['joining', 'in-call', 'failed', 'left', 'idle'],
  'in-call': ['reconnecting', 'left'],
  reconnecting: ['in-call', 'left'],
  left: ['loading-room', 'joining', 'failed', 'idle'],
  failed: ['loading-room', 'joining', 'failed', 'idle', 'left'],
};

export function canTransition(from: PhaseName, to: PhaseName): boolean {
  return TRANSITIONS[from].includes(to);
}

export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  constructor(readonly from: PhaseName, readonly to: PhaseName) {
    super(`meeting flow: illegal transition ${from} → ${to}`);
  }
}

/** The `connection-state` the element reflects for a phase. */
export function connectionStateOf(p: MeetingPhase): ConnectionStateName {
  switch (p.phase) {
    case 'joining': return 'connecting';
    case 'in-call': return 'connected';
    case 'reconnecting': return 'reconnecting';
    case 'left': return 'disconnected';
    case 'failed': return p.during === 'joining' ? 'disconnected' : 'idle';
    default: return 'idle';
  }
}
