/**
 * One participant tile of the room view (grid, strip or stage): video or initials, name bar with the muted and
 * speaking marks. A template function, not an element, so tiles share the room's shadow root (its parts, its
 * styles, its media attachment). Features that mark a tile (raised hand, connection quality, pin…) add a slot in
 * `TileOptions` and render in the name bar or the corner, keeping this module the one place a tile is drawn.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n/index.js';
import type { ParticipantView } from '../../core/call-session.js';
import { icons } from './icons.js';
import { renderQuality } from './connection-quality.js';

export function initials(name: string): string {
  const parts = name.trim().split(/[\s._-]+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
}

/** The name a tile shows and is announced by: "Alice (you)" for ourselves. */
export function tileLabel(p: ParticipantView, t: Translate): string {
  return p.isLocal ? t('room.you', { name: p.name }) : p.name;
}

export interface TileOptions {
  t: Translate;
  /** Extra content in the tile's top corner (buttons, badges): each feature appends its own. */
  corner?: unknown;
  /** Extra marks in the name bar, before the name. */
  marks?: unknown;
  /** A mark after the name (the role: "invité"), also said in the tile's accessible name. */
  role?: { label: string; mark: unknown } | undefined;
  /** Pinned on the stage (`data-pinned`). */
  pinned?: boolean;
}

export function renderTile(p: ParticipantView, o: TileOptions): TemplateResult {
  const { t } = o;
  const label = tileLabel(p, t);
  const muted = (p.hasMic && p.micMuted) || (!p.hasMic && p.canPublish);
  return html`<div part="tile" role="listitem" aria-label=${o.role?.label ? `${label} (${o.role.label})` : label}
      data-identity=${p.identity} data-local=${p.isLocal ? 'true' : 'false'} data-speaking=${p.isSpeaking ? 'true' : 'false'}
      data-pinned=${o.pinned ? 'true' : 'false'}>
    ${p.video
      ? html`<video data-identity=${p.identity} data-track-sid=${p.video.sid} autoplay playsinline .muted=${true} aria-hidden="true"></video>`
      : html`<div class="avatar" part="avatar" aria-hidden="true">${initials(p.name)}</div>`}
    ${o.corner ? html`<div class="corner">${o.corner}</div>` : nothing}
    ${renderQuality(p, t)}
    <div class="name" part="tile-name" aria-hidden="true">
      ${muted ? html`<span class="icon" part="muted-indicator" title=${t('room.muted')}>${icons.micOff}</span>` : nothing}
      ${p.isSpeaking ? html`<span class="icon speaking" part="speaking-indicator" title=${t('room.speaking')}>${icons.sound}</span>` : nothing}
      ${o.marks ?? nothing}
      <span class="label">${label}</span>
      ${o.role?.mark ?? nothing}
    </div>
  </div>`;
}
