/**
 * The raised hand in the room view: the tile's badge (the hand and its place in the queue) and the keyboard shortcut.
 * The list of hands is the participants panel's (views/participants-panel/), the logic core/hands.ts's.
 */
import { html, nothing } from 'lit';
import type { Translate } from '../../i18n/index.js';
import { icons } from './icons.js';

/** The tile's corner badge for a raised hand (`position`: 1 for the first hand up); nothing when the hand is down. */
export function handBadge(position: number | undefined, t: Translate): unknown {
  if (position === undefined) return nothing;
  const label = t('room.handPosition', { position });
  return html`<span class="hand-badge" part="tile-hand" role="img" aria-label=${label} title=${label} data-position=${position}>${icons.hand}<span aria-hidden="true">${position}</span></span>`;
}

/**
 * Raise or lower the hand: Ctrl+Alt+H, or ⌘+Ctrl+H on a Mac, as Google Meet does (Ctrl/⌘+D and +E are the
 * microphone and the camera). Matched on the physical key, since Alt changes `key` on some layouts.
 */
export function isHandShortcut(e: KeyboardEvent): boolean {
  if (e.repeat || e.shiftKey || e.code !== 'KeyH') return false;
  return (e.ctrlKey && e.altKey && !e.metaKey) || (e.metaKey && e.ctrlKey && !e.altKey);
}
