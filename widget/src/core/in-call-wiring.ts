/**
 * How the in-call machinery (in-call.ts) reports to the meeting flow: the session's connection state and events, the
 * chat, devices and hands become FlowEvents, phase moves and notices. Loaded with the in-call chunk (in-call.ts
 * re-exports it), so the CDN entry carries none of it; meeting-flow.ts calls it through the loaded module.
 */
import type { InCall, InCallEvent } from './in-call.js';
import type { ConnectionStateName, SessionEvent } from './call-session.js';
import type { ChatMessage } from './chat.js';
import type { UserChoices } from './user-choices.js';
import { CHOICE_FIELD } from './devices.js';
import { mediaFlowError, type FlowError } from './flow-error.js';
import type { FlowEvent } from './meeting-phase.js';

/** What the flow does with what happens in a call. */
export interface FlowHooks {
  /** The session's connection state changed (moves the phase). */
  connection(connection: ConnectionStateName): void;
  /** The SFU ended the call (the flow's one `end(reason)`). */
  end(reason: string): void;
  /** A problem to show that does not change the phase. */
  report(error: FlowError): void;
  fire(e: FlowEvent): void;
  /** The person chose a device in the call: it also replaces the pre-join's for this page's next join. */
  chose(patch: Partial<UserChoices>): void;
  /** A message this page sent (the flow keeps it with the service while in the call). */
  sentChat(message: ChatMessage): void;
}

/** Connect `call` to the flow (once, when the chunk has loaded; the same InCall serves the next calls). */
export function wireFlow(call: InCall, hooks: FlowHooks): void {
  call.session.subscribe((s) => hooks.connection(s.connection));
  call.session.onEvent((e) => onSessionEvent(e, hooks));
  call.on((e: InCallEvent) => {
    if (e.type === 'device-changed') {
      // The stored choice is already updated (devices.ts).
      if (e.chosen) hooks.chose({ [CHOICE_FIELD[e.kind]]: e.deviceId });
      hooks.fire({ type: 'device-changed', kind: e.kind, deviceId: e.deviceId });
    } else {
      hooks.fire(e);
    }
  });
  call.chat.onMessage((message) => { if (message.local) hooks.sentChat(message); });
}

function onSessionEvent(e: SessionEvent, hooks: FlowHooks): void {
  switch (e.type) {
    case 'participant-joined':
    case 'participant-left':
      hooks.fire({ type: e.type, identity: e.identity, name: e.name });
      break;
    case 'disconnected':
      hooks.end(e.reason);
      break;
    case 'media-error':
      hooks.report(mediaFlowError(e.kind, e.code, e.message));
      break;
    case 'screen-share-started':
    case 'screen-share-stopped':
      hooks.fire({ type: e.type, identity: e.identity });
      break;
    case 'connection-quality':
      hooks.fire({ type: e.type, identity: e.identity, quality: e.quality });
      break;
  }
}
