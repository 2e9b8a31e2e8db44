import { css } from 'lit';

import { themeTokens } from '../styles/theme-tokens.styles.js';

// The meeting's own tokens beside the shared ones; the dark palette is chosen by theme="dark", or by the system
// when no theme is set.
const tokens = themeTokens(
  css`
    --_u-danger-text: var(--urbania-danger-text, #991b1b);
    --_u-danger-surface: var(--urbania-danger-surface, #fef2f2);
    --_u-tile: var(--urbania-tile-background, #1f2937);
    --_u-avatar: var(--urbania-avatar-background, #4b5563);
    --_u-speaking: var(--urbania-speaking, #22c55e);
    --_u-off: var(--urbania-toggle-off, #d93025);
    --_u-hand: var(--urbania-hand, #fbbc04);
    /* The call stage is dark in both themes. */
    --_u-stage: var(--urbania-stage-background, #111318);
    --_u-stage-text: var(--urbania-stage-text, #f8fafc);
    --_u-stage-accent: var(--urbania-stage-accent, #8ab4f8);
    --_u-control: var(--urbania-control-background, #3c4043);
    --_u-control-text: var(--urbania-control-text, #ffffff);
  `,
  css`
    --_u-danger-text: var(--urbania-danger-text, #fecaca);
    --_u-danger-surface: var(--urbania-danger-surface, #450a0a);
    --_u-tile: var(--urbania-tile-background, #374151);
    --_u-avatar: var(--urbania-avatar-background, #6b7280);
  `,
);

export default css`
  ${tokens}
  :host {
    display: block;
    position: relative;
    container-type: inline-size;
    background: var(--_u-background);
    color: var(--_u-text);
    font-family: var(--_u-font);
    border-radius: var(--_u-radius);
  }
  .error {
    display: flex; gap: 0.5rem; align-items: flex-start; justify-content: space-between;
    margin: 0.5rem; padding: 0.5rem 0.75rem;
    border: 1px solid var(--_u-danger); border-radius: var(--_u-radius);
    background: var(--_u-danger-surface); color: var(--_u-danger-text);
  }
  .error p { margin: 0; }
  .error button { min-height: 2rem; padding: 0.1rem 0.6rem; }
  /* The reflected connection-state drives small cues (pages can use it too). */
  :host([connection-state='reconnecting']) urbania-room { opacity: 0.8; }
  :host([connection-state='connecting']) urbania-room { cursor: progress; }
  .left { display: grid; gap: 1rem; padding: 1rem; justify-items: start; }
  .loading { padding: 1rem; }
  /* The waiting room: a guest's message, and the host's list of knocks above the call. */
  .waiting { display: grid; gap: 0.5rem; padding: 1rem; }
  .waiting h2, .lobby h2 { margin: 0; font-size: 1rem; }
  .waiting p { margin: 0; }
  .lobby {
    margin: 0.5rem; padding: 0.5rem 0.75rem; display: grid; gap: 0.5rem;
    border: 1px solid var(--_u-border, currentColor); border-radius: var(--_u-radius);
  }
  .lobby ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
  .lobby li { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .lobby li span { flex: 1 1 12rem; }
  /* In the page while the call is in the picture-in-picture window. */
  .pip-placeholder {
    display: grid; place-content: center; justify-items: center; gap: 1rem; padding: 1rem; text-align: center;
    min-height: min(var(--urbania-min-height, 420px), 100%); height: 100%; border-radius: var(--_u-radius);
    background: var(--_u-stage); color: var(--_u-stage-text);
  }
  .pip-placeholder p { margin: 0; }
`;
