import { css } from 'lit';
import tileStyles from './tile.styles.js';

/**
 * A dark call stage whatever the page's theme (`--urbania-stage-*`, `--urbania-control-*` tokens, set on the host),
 * laid out by the element's own width: one column up to 720 px (a 360 px sidebar), the participants panel beside
 * the stage above.
 */
const roomStyles = css`
  :host {
    height: 100%;
    /* Inside the call, the stage's palette replaces the page's for text, plain buttons and muted text. */
    --_u-text: var(--_u-stage-text, #f8fafc);
    --_u-text-muted: var(--_u-stage-text-muted, #c4c7cc);
    --_u-surface: var(--_u-control, #3c4043);
    --_u-border: var(--_u-stage-border, #5f6368);
    --_u-background: var(--_u-stage-panel, #1f2125);
    --_u-focus: var(--_u-stage-focus, #8ab4f8);
    color: var(--_u-text);
  }
  section.room {
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: auto minmax(0, 1fr) auto auto;
    grid-template-areas: 'status' 'main' 'banner' 'controls';
    gap: 0.5rem;
    padding: 0.5rem;
    height: 100%;
    min-height: var(--urbania-min-height, 420px);
    background: var(--_u-stage, #111318);
    color: var(--_u-text);
    border-radius: var(--_u-radius, 8px);
    /* Nothing sticks out of the call (a control's tooltip near the edge of a narrow bar would scroll the page). */
    overflow: clip;
  }
  section.room:focus { outline: none; }
  section.room:focus-visible { outline: 3px solid var(--_u-focus); outline-offset: -3px; }
  .status { grid-area: status; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; min-height: 1.5rem; }
  .status .notice { margin: 0; font-size: 0.85rem; color: var(--_u-text-muted); }
  .badge {
    display: inline-block; padding: 0.1rem 0.6rem; border-radius: 999px; font-size: 0.8rem;
    background: var(--_u-control, #3c4043); color: var(--_u-text);
  }
  [data-connection='reconnecting'] [part~='connection-status'] { background: #92400e; }
  [data-connection='disconnected'] [part~='connection-status'] { background: var(--_u-danger, #b91c1c); }
  .main { grid-area: main; display: flex; flex-direction: column; gap: 0.5rem; min-height: 0; min-width: 0; }
  .stage { flex: 1 1 auto; display: grid; grid-template-rows: minmax(0, 1fr) auto; gap: 0.25rem; min-height: 200px; min-width: 0; }
  .grid {
    display: grid; gap: 8px; min-height: 0; min-width: 0;
    grid-template-columns: repeat(var(--_cols, 1), minmax(0, 1fr));
    grid-auto-rows: minmax(0, 1fr);
  }
  .pager { display: flex; gap: 0.5rem; justify-content: center; align-items: center; height: 44px; font-size: 0.9rem; }

  /*
   * A focus (shared screen, spotlight) takes the stage; the others go into a strip beside (wide) or under (narrow) it.
   */
  .stage:not([data-mode='grid']) { grid-template-rows: minmax(0, 1fr) var(--_strip, 120px); grid-template-columns: minmax(0, 1fr); gap: 8px; }
  .stage:not([data-mode='grid'])[data-strip='side'] { grid-template-columns: minmax(0, 1fr) var(--_strip, 220px); grid-template-rows: minmax(0, 1fr); }
  .stage:not([data-mode='grid'])[data-strip='none'] { grid-template-rows: minmax(0, 1fr); }
  .spotlight { display: grid; min-width: 0; min-height: 0; }
  .spotlight > [part~='tile'] { min-height: 0; }
  .spotlight [part~='tile'] video { object-fit: contain; }
  .spotlight .avatar { width: min(30%, 8rem); font-size: 2rem; }
  .screen {
    position: relative; margin: 0; min-width: 0; min-height: 0; overflow: hidden;
    border-radius: var(--_u-radius, 8px); background: #000;
  }
  .screen video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
  .strip { display: flex; gap: 8px; min-width: 0; min-height: 0; overflow: auto; }
  .stage[data-strip='side'] .strip { flex-direction: column; }
  .strip [part~='tile'] { flex: 0 0 auto; aspect-ratio: 16 / 9; min-height: 0; }
  .stage[data-strip='bottom'] .strip [part~='tile'] { height: 100%; }
  .stage[data-strip='side'] .strip [part~='tile'] { width: 100%; }
  .strip .avatar { width: auto; height: min(60%, 4rem); font-size: 1rem; }

  .people { flex: 0 0 auto; max-height: 40%; min-height: 0; }

  .banner {
    grid-area: banner; display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; justify-content: center;
    padding: 0.4rem 0.75rem; border-radius: var(--_u-radius, 8px);
    background: var(--_u-control, #3c4043); font-size: 0.9rem;
  }
  .banner > svg { color: var(--_u-stage-accent, #8ab4f8); }
  .banner button { min-height: 2.25rem; padding: 0.3rem 0.8rem; }

  /* The containing block of the device menus (device-menu.styles.ts), which open above the bar, centred on it. */
  .controls { position: relative; }
  .controls { grid-area: controls; display: flex; gap: 0.5rem; flex-wrap: wrap; justify-content: center; align-items: center; padding: 0.25rem 0; }
  button.ctl {
    position: relative; display: inline-grid; place-items: center; grid-auto-flow: column; gap: 0.35rem;
    width: 3rem; height: 3rem; min-height: 0; padding: 0; border-radius: 50%; border: 0;
    background: var(--_u-control, #3c4043); color: var(--_u-control-text, #ffffff);
  }
  button.ctl:hover { filter: brightness(1.15); }
  button.ctl[data-off='true'] { background: var(--_u-off, #d93025); color: #ffffff; }
  button.ctl[aria-pressed='true'][part~='hand-toggle'] { background: var(--_u-hand, #fbbc04); color: #202124; }
  .hand-badge {
    display: inline-flex; align-items: center; gap: 0.15rem; padding: 0.1rem 0.45rem 0.1rem 0.3rem; border-radius: 999px;
    font-size: 0.8rem; font-weight: 700; background: var(--_u-hand, #fbbc04); color: #202124;
  }
  .hand-badge svg { width: 1rem; height: 1rem; }
  button.ctl[aria-pressed='true'][part~='screen-share-toggle'], button.ctl[aria-expanded='true'] {
    background: var(--_u-stage-accent, #8ab4f8); color: #0b1f3a;
  }
  button.ctl.danger { width: 4rem; border-radius: 999px; background: var(--_u-danger, #b91c1c); color: #ffffff; }
  button.ctl.wide { width: auto; padding: 0 1rem; border-radius: 999px; }
  button.ctl.small { width: 2.5rem; height: 2.5rem; }
  button.ctl .count {
    position: absolute; top: -0.2rem; right: -0.2rem; min-width: 1.2rem; height: 1.2rem; padding: 0 0.25rem;
    border-radius: 999px; font-size: 0.7rem; line-height: 1.2rem; text-align: center;
    background: var(--_u-stage, #111318); color: var(--_u-text); border: 1px solid var(--_u-control, #3c4043);
  }
  /* Tooltips: the button's data-tip, on hover and on keyboard focus. Hidden ones have no box (display: none), so a
     tooltip of a button at the end of a wrapped row cannot widen the page (a 360 px window scrolled sideways). */
  button.ctl[data-tip]::after {
    content: attr(data-tip);
    position: absolute; bottom: calc(100% + 0.5rem); left: 50%; transform: translateX(-50%);
    padding: 0.25rem 0.5rem; border-radius: 4px; white-space: nowrap; pointer-events: none;
    font-size: 0.75rem; font-weight: 400; background: #e8eaed; color: #202124;
    display: none; z-index: 2;
  }
  button.ctl[data-tip]:hover::after, button.ctl[data-tip]:focus-visible::after { display: block; animation: tip-in 0.12s 0.3s both; }
  @keyframes tip-in { from { opacity: 0; } to { opacity: 1; } }
  .controls > :first-child[data-tip]::after { left: 0; transform: none; }
  .controls > :last-child[data-tip]::after { left: auto; right: 0; transform: none; }
  /*
   * A narrow bar (below 600 px, controls.ts + core/control-overflow.ts): one row of smaller buttons, the device menus'
   * chevrons on their toggle's corner, the other controls in the "More options" menu, which opens above the bar.
   */
  .controls[data-narrow] { flex-wrap: nowrap; gap: 0.25rem; }
  .controls[data-narrow] button.ctl { flex: none; width: 2.5rem; height: 2.5rem; }
  .controls[data-narrow] button.ctl.danger { width: 3rem; }
  .controls[data-narrow] urbania-device-menu { align-self: flex-end; }
  .controls[data-narrow] urbania-device-menu::part(device-menu-toggle) {
    width: 1.5rem; height: 1.5rem; margin-inline-start: -1.25rem; box-shadow: 0 0 0 2px var(--_u-stage, #111318);
  }
  .controls button.ctl[aria-haspopup][aria-expanded='true']::after { display: none; }
  .more-menu {
    position: absolute; bottom: calc(100% + 0.25rem); right: 0.25rem; z-index: 5;
    min-width: min(16rem, calc(100% - 0.5rem)); max-width: calc(100% - 0.5rem); max-height: 60vh; overflow-y: auto;
    padding: 0.35rem 0; border-radius: var(--_u-radius, 8px);
    background: var(--_u-background, #1f2125); color: var(--_u-text, #f8fafc);
    border: 1px solid var(--_u-border, #5f6368); box-shadow: 0 6px 24px rgba(0, 0, 0, 0.45);
  }
  .more-menu .item {
    display: flex; gap: 0.75rem; align-items: center; width: 100%; min-height: 2.75rem; padding: 0.35rem 0.9rem;
    border: 0; border-radius: 0; background: transparent; color: inherit; font: inherit; text-align: start;
  }
  .more-menu .item svg { flex: none; width: 1.25rem; height: 1.25rem; }
  .more-menu .item:hover, .more-menu .item:focus-visible { background: var(--_u-surface, #3c4043); }
  .more-menu .item:focus-visible { outline: 2px solid var(--_u-focus, #8ab4f8); outline-offset: -2px; }
  .more-menu .item[aria-checked='true'], .more-menu .item[aria-expanded='true'] { color: var(--_u-stage-accent, #8ab4f8); }
  .more-menu .item[aria-checked='true']::after { content: '✓'; margin-inline-start: auto; }
  .more-menu .item.danger { color: #f28b82; }
  /* The chat panel covers the stage in a narrow element, and takes a column beside it in a wide one. */
  .chat { grid-area: main; z-index: 1; min-height: 0; }
  button.ctl .count.unread { background: var(--_u-danger, #b91c1c); color: #ffffff; border-color: var(--_u-danger, #b91c1c); font-weight: 700; }
  .audio-sink { position: absolute; width: 1px; height: 1px; overflow: hidden; }
  @container (max-width: 400px) {
    button.ctl { width: 2.75rem; height: 2.75rem; }
    button.ctl.danger { width: 3.25rem; }
    .controls { gap: 0.4rem; }
  }
  @container (min-width: 720px) {
    section.room { padding: 0.75rem; }
    .main { flex-direction: row; }
    .people { flex: 0 0 16rem; max-height: none; }
    section.room[data-chat='open'] {
      grid-template-columns: minmax(0, 1fr) 20rem;
      grid-template-areas: 'status status' 'main chat' 'banner chat' 'controls chat';
    }
    .chat { grid-area: chat; }
  }
`;

export default [tileStyles, roomStyles];
