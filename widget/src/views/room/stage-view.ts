/**
 * The room's stage: the tile grid (with its pager), or a focus — a shared screen or one participant large (pinned,
 * or the active speaker of the speaker layout) — with the others in a strip beside or under it (stage-layout.ts).
 * Pure rendering; the room computes the layout and passes how to draw a tile.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Translate } from '../../i18n/index.js';
import type { ParticipantView } from '../../core/call-session.js';
import { paginate } from '../../core/grid-layout.js';
import type { StageLayout } from '../../core/stage-layout.js';
import type { StageFocus } from '../../core/speaker-focus.js';
import { icons } from './icons.js';
import { tileLabel } from './tile.js';

export interface StageViewContext {
  t: Translate;
  layout: StageLayout;
  focus: StageFocus;
  /** Every participant in the stable tile order. */
  ordered: readonly ParticipantView[];
  page: number;
  setPage(page: number): void;
  tile(p: ParticipantView): TemplateResult;
}

export function renderStage(c: StageViewContext): TemplateResult {
  const { t, layout, focus, ordered } = c;
  if (layout.mode === 'grid' || focus.kind === 'none') return renderGrid(c);
  const byId = new Map(ordered.map((p) => [p.identity, p]));
  const target = byId.get(focus.identity);
  if (!target) return renderGrid(c);
  let main: TemplateResult;
  let strip: readonly ParticipantView[];
  let mode: 'screen' | 'speaker';
  if (focus.kind === 'screen' && target.screen) {
    mode = 'screen';
    strip = ordered;
    main = html`<figure class="screen" part="screen-share" data-identity=${target.identity} data-local=${target.isLocal ? 'true' : 'false'}>
      <video data-identity=${target.identity} data-track-sid=${target.screen.sid} data-source="screen_share" autoplay playsinline .muted=${true}
        aria-label=${t('room.screenOf', { name: tileLabel(target, t) })}></video>
      <figcaption class="name"><span class="label">${t('room.presenting', { name: tileLabel(target, t) })}</span></figcaption>
    </figure>`;
  } else {
    mode = 'speaker';
    strip = ordered.filter((p) => p.identity !== target.identity);
    main = html`<div class="spotlight" part="spotlight" role="list" aria-label=${t(focus.kind === 'participant' && focus.reason === 'pinned' ? 'room.spotlightPinned' : 'room.spotlight')}
      data-identity=${target.identity} data-reason=${focus.kind === 'participant' ? focus.reason : nothing}>${c.tile(target)}</div>`;
  }
  return html`<div class="stage" part="stage" data-mode=${mode} data-strip=${layout.strip} data-strip-size=${layout.stripSize}>
    ${main}
    ${strip.length
      ? html`<div class="strip" part="strip" role="list" aria-label=${t(mode === 'screen' ? 'room.strip' : 'room.stripOthers')}>
          ${repeat(strip, (p) => p.identity, (p) => c.tile(p))}
        </div>`
      : nothing}
  </div>`;
}

function renderGrid(c: StageViewContext): TemplateResult {
  const { t } = c;
  const grid = c.layout.mode === 'grid' ? c.layout.grid : undefined;
  const pageView = paginate(c.ordered, c.page, grid?.pageSize ?? 1);
  const visible = pageView.items;
  const cols = Math.min(grid?.columns ?? 1, Math.max(1, visible.length));
  return html`<div class="stage" part="stage" data-mode="grid">
    <div class="grid" part="grid" role="list" aria-label=${t('room.tiles')} data-cols=${cols}>
      ${repeat(visible, (p) => p.identity, (p) => c.tile(p))}
    </div>
    ${pageView.pages > 1
      ? html`<div class="pager" part="pager">
          <button type="button" part="prev-page" class="ctl small" aria-label=${t('room.prevPage')} ?disabled=${pageView.page === 0}
            @click=${() => c.setPage(pageView.page - 1)}>${icons.prev}</button>
          <span>${t('room.page', { page: pageView.page + 1, pages: pageView.pages })}</span>
          <button type="button" part="next-page" class="ctl small" aria-label=${t('room.nextPage')} ?disabled=${pageView.page >= pageView.pages - 1}
            @click=${() => c.setPage(pageView.page + 1)}>${icons.next}</button>
        </div>`
      : nothing}
  </div>`;
}
