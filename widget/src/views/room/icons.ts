/**
 * The room view's icons: inline SVG templates (no icon font, no request), 24×24, drawn in `currentColor`.
 * Every icon is decorative (`aria-hidden`): the button around it carries the accessible name.
 * Shapes after Material Symbols (Apache-2.0).
 */
import { html, svg, type TemplateResult } from 'lit';

const icon = (body: ReturnType<typeof svg>): TemplateResult =>
  html`<svg class="icon-svg" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" fill="currentColor">${body}</svg>`;

/** A diagonal bar over an icon: the "off" state. */
const slash = svg`<path d="M3.3 2 2 3.3l18.7 18.7 1.3-1.3z"/>`;

const micPath = svg`<path d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11z"/>`;
const camPath = svg`<path d="M17 10.5V7a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-3.5l4 4v-11z"/>`;
const screenPath = svg`<path d="M20 3H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h5v2h6v-2h5a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zm0 13H4V5h16z"/>`;

export const icons = {
  mic: icon(micPath),
  micOff: icon(svg`${micPath}${slash}`),
  camera: icon(camPath),
  cameraOff: icon(svg`${camPath}${slash}`),
  screenShare: icon(svg`${screenPath}<path d="M12 6.5 8 10.5h3V14h2v-3.5h3z"/>`),
  stopScreenShare: icon(svg`${screenPath}<path d="m9.4 7.5-1.1 1.1 2.3 2.4-2.3 2.4 1.1 1.1 2.4-2.4 2.3 2.4 1.1-1.1-2.3-2.4 2.3-2.4-1.1-1.1-2.3 2.4z"/>`),
  people: icon(svg`<path d="M16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm0 2c-2.3 0-7 1.2-7 3.5V19h14v-2.5C15 14.2 10.3 13 8 13zm8 0-1 .1c1.2.8 2 2 2 3.4V19h6v-2.5c0-2.3-4.7-3.5-7-3.5z"/>`),
  leave: icon(svg`<path d="M12 9c-1.6 0-3.2.3-4.6.7v3.1c0 .4-.2.7-.6.9-1 .5-1.9 1.1-2.7 1.9a1 1 0 0 1-1.4 0L.3 13.1a1 1 0 0 1 0-1.4C3.3 8.8 7.5 7 12 7s8.7 1.8 11.7 4.7a1 1 0 0 1 0 1.4l-2.5 2.5a1 1 0 0 1-1.4 0 11 11 0 0 0-2.7-1.9 1 1 0 0 1-.6-.9V9.7C15.2 9.3 13.6 9 12 9z"/>`),
  qa: icon(svg`<path d="M11.95 18q.53 0 .9-.37t.37-.9-.37-.9-.9-.37-.9.37-.37.9.37.9.9.37zm-.9-3.85h1.85q0-.82.19-1.3.19-.48 1.06-1.3.65-.65 1.03-1.24.38-.59.38-1.41 0-1.4-1.02-2.15T12.1 6q-1.42 0-2.3.75T8.55 8.55l1.65.65q.13-.48.6-1.03t1.45-.55q.88 0 1.31.48t.44 1.05q0 .55-.33 1.03t-.82.9q-1.1.97-1.35 1.47t-.25 1.6zM12 22q-2.08 0-3.9-.79t-3.18-2.14-2.14-3.17T2 12t.79-3.9 2.14-3.18T8.1 2.79 12 2t3.9.79 3.18 2.14 2.14 3.17T22 12t-.79 3.9-2.14 3.18-3.17 2.14T12 22zm0-2q3.35 0 5.68-2.32T20 12t-2.32-5.68T12 4 6.32 6.32 4 12t2.32 5.68T12 20z"/>`),
  chat: icon(svg`<path d="M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2zm0 14H5.2L4 17.2V4h16zM7 9h10v2H7zm0-3h10v2H7zm0 6h7v2H7z"/>`),
  sound: icon(svg`<path d="M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z"/>`),
  gridView: icon(svg`<path d="M3 3h8v8H3zm10 0h8v8h-8zM3 13h8v8H3zm10 0h8v8h-8z"/>`),
  speakerView: icon(svg`<path d="M2 4h14v16H2zm16 0h4v4.5h-4zm0 5.75h4v4.5h-4zm0 5.75h4V20h-4z"/>`),
  pin: icon(svg`<path d="M16 9V4h1a1 1 0 0 0 0-2H7a1 1 0 0 0 0 2h1v5a3 3 0 0 1-3 3v2h6v7l1 1 1-1v-7h6v-2a3 3 0 0 1-3-3z"/>`),
  unpin: icon(svg`<path d="M16 9V4h1a1 1 0 0 0 0-2H7a1 1 0 0 0 0 2h1v5a3 3 0 0 1-3 3v2h6v7l1 1 1-1v-7h6v-2a3 3 0 0 1-3-3z"/>${slash}`),
  pip: icon(svg`<path d="M19 11h-8v6h8zm4 8V5a2 2 0 0 0-2-2H3a2 2 0 0 0-2 2v14c0 1.1.9 2 2 2h18a2 2 0 0 0 2-2zm-2 0H3V5h18z"/>`),
  pipExit: icon(svg`<path d="M21 3H3a2 2 0 0 0-2 2v14c0 1.1.9 2 2 2h18a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zm0 16H3V5h18zM5 7h8v6H5z"/>`),
  hand: icon(svg`<path d="M21 7.5V19c0 2.2-1.8 4-4 4h-5.6c-1.1 0-2.1-.4-2.9-1.2L3 16.2s1-1 1.1-1c.2-.2.5-.3.8-.3.2 0 .4.1.6.2l3.5 2V6.5a1.3 1.3 0 0 1 2.5 0V12h1V3.5a1.3 1.3 0 0 1 2.5 0V12h1V4.5a1.3 1.3 0 0 1 2.5 0V12h1V7.5a1.3 1.3 0 0 1 2.5 0z"/>`),
  prev: icon(svg`<path d="M15.4 7.4 14 6l-6 6 6 6 1.4-1.4-4.6-4.6z"/>`),
  personAdd: icon(svg`<path d="M15 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-9-2V7H4v3H1v2h3v3h2v-3h3v-2zm9 4c-2.7 0-8 1.3-8 4v2h16v-2c0-2.7-5.3-4-8-4z"/>`),
  endAll: icon(svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm4 14H8V8h8z"/>`),
  stats: icon(svg`<path d="M4 20h2V10H4zm5 0h2V4H9zm5 0h2v-7h-2zm5 0h2v-4h-2z"/>`),
  more: icon(svg`<path d="M12 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4zm0 2a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm0 6a2 2 0 1 0 0 4 2 2 0 0 0 0-4z"/>`),
  next: icon(svg`<path d="M8.6 7.4 10 6l6 6-6 6-1.4-1.4 4.6-4.6z"/>`),
} as const;

export type IconName = keyof typeof icons;
