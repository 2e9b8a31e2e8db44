/**
 * A tile's connection-quality mark: three signal bars lit by the SFU's rating (core/connection-quality.ts), in the
 * tile's top-left corner, named for screen readers ("Bonne connexion") and by a tooltip. Nothing while unknown.
 */
import { html, nothing, svg } from 'lit';
import type { Translate } from '../../i18n/index.js';
import type { ParticipantView } from '../../core/call-session.js';
import { qualityBars } from '../../core/connection-quality.js';

export function renderQuality(p: ParticipantView, t: Translate): unknown {
  const q = p.quality ?? 'unknown';
  const bars = qualityBars(q);
  if (bars === undefined || q === 'unknown') return nothing;
  const label = t(`quality.${q}`);
  return html`<span class="quality" part="connection-quality" role="img" aria-label=${label} title=${label} data-quality=${q}>
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      ${[0, 1, 2].map((i) => svg`<rect x=${1 + i * 5} y=${10 - i * 4} width="4" height=${5 + i * 4} rx="1" class=${i < bars ? 'on' : 'off'}/>`)}
    </svg>
  </span>`;
}
