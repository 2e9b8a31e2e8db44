/**
 * Every `part` the pre-join view renders, declared once: <urbania-meeting> re-exports exactly these (exportparts),
 * and urbania-meeting.parts.test.ts checks them against the template and the `@csspart` docs.
 * (A module of its own so the host can import it without importing the view.)
 */
export const PREJOIN_PARTS = [
  'prejoin', 'room-name-input', 'call-type-select', 'contact', 'speaker', 'audience-chat-toggle', 'display-name-input',
  'preview', 'preview-video', 'preview-camera-toggle', 'preview-mic-toggle', 'mic-level', 'media-error',
  'videoinput-select', 'audioinput-select', 'audiooutput-select', 'start-button',
] as const;
