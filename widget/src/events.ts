/**
 * Public events of <urbania-meeting>: one typed map, one emit() helper (bubbles + composed, `urbania-` prefix).
 */
import type { RoomInfo } from './core/service-client.js';

export interface UrbaniaErrorDetail {
  /** Stable machine code: a service code (`forbidden`, `room_not_found`…), a media code (`permission_denied`…) or `connection_failed`. */
  code: string;
  /** Human readable, in the element's language. */
  message: string;
}

/** A chat message of the call, received or sent by this page (`from.identity` is ours then). Plain text, never HTML. */
export interface UrbaniaChatMessageDetail {
  from: { identity: string; name: string };
  text: string;
  /** Milliseconds since the epoch, as the sender stamped it. */
  timestamp: number;
}

/** A device in use changed: chosen with `setDevice()` or the device menu, or a fallback after it was unplugged. */
export interface UrbaniaDeviceChangedDetail {
  kind: 'audioinput' | 'videoinput' | 'audiooutput';
  deviceId: string;
}

/** livekit-client's ConnectionQuality of a participant (this page's included), as the SFU rates it. */
export interface UrbaniaConnectionQualityDetail {
  identity: string;
  quality: 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';
}

/** An invitation that rings in <urbania-call-notifier> (the service's `Invitation`). */
export interface UrbaniaCallDetail {
  room_name: string;
  call_type: 'audio' | 'video';
  from: { id: string; name: string };
  created_at: string;
}

export interface UrbaniaEventDetails {
  'urbania-joined': { room: string; identity: string; canPublish: boolean };
  'urbania-left': { room: string; reason: string };
  'urbania-participant-joined': { identity: string; name: string };
  'urbania-participant-left': { identity: string; name: string };
  'urbania-room-created': { room: RoomInfo };
  'urbania-error': UrbaniaErrorDetail;
  'urbania-call-invited': UrbaniaCallDetail;
  'urbania-call-accepted': { room_name: string; call_type: 'audio' | 'video' };
  'urbania-call-declined': { room_name: string; call_type: 'audio' | 'video' };
  'urbania-call-missed': UrbaniaCallDetail;
  'urbania-chat-message': UrbaniaChatMessageDetail;
  'urbania-screen-share-started': { identity: string };
  'urbania-screen-share-stopped': { identity: string };
  'urbania-device-changed': UrbaniaDeviceChangedDetail;
  'urbania-connection-quality': UrbaniaConnectionQualityDetail;
  /** A hand went up (ours or someone else's; also hands already up when we join). */
  'urbania-hand-raised': { identity: string };
  /** A hand went down (by its owner, by the host, or its owner left). */
  'urbania-hand-lowered': { identity: string };
}

export type UrbaniaEventName = keyof UrbaniaEventDetails;
export type UrbaniaEvent<K extends UrbaniaEventName> = CustomEvent<UrbaniaEventDetails[K]>;

export function emit<K extends UrbaniaEventName>(target: EventTarget, name: K, detail: UrbaniaEventDetails[K]): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'urbania-joined': UrbaniaEvent<'urbania-joined'>;
    'urbania-left': UrbaniaEvent<'urbania-left'>;
    'urbania-participant-joined': UrbaniaEvent<'urbania-participant-joined'>;
    'urbania-participant-left': UrbaniaEvent<'urbania-participant-left'>;
    'urbania-room-created': UrbaniaEvent<'urbania-room-created'>;
    'urbania-error': UrbaniaEvent<'urbania-error'>;
    'urbania-call-invited': UrbaniaEvent<'urbania-call-invited'>;
    'urbania-call-accepted': UrbaniaEvent<'urbania-call-accepted'>;
    'urbania-call-declined': UrbaniaEvent<'urbania-call-declined'>;
    'urbania-call-missed': UrbaniaEvent<'urbania-call-missed'>;
    'urbania-chat-message': UrbaniaEvent<'urbania-chat-message'>;
    'urbania-screen-share-started': UrbaniaEvent<'urbania-screen-share-started'>;
    'urbania-screen-share-stopped': UrbaniaEvent<'urbania-screen-share-stopped'>;
    'urbania-device-changed': UrbaniaEvent<'urbania-device-changed'>;
    'urbania-connection-quality': UrbaniaEvent<'urbania-connection-quality'>;
    'urbania-hand-raised': UrbaniaEvent<'urbania-hand-raised'>;
    'urbania-hand-lowered': UrbaniaEvent<'urbania-hand-lowered'>;
  }
}
