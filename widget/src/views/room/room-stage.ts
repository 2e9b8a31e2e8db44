/**
 * The room's stage plan at each render: what takes the focus (a shared screen, the pinned or held active speaker), the
 * layout computed from the stage's size (core/stage-layout.ts), and the tiles' stable order (core/tile-order.ts).
 * stage-view.ts renders the plan; tile.ts one tile, with the pin button made here.
 */
import { html, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n/index.js';
import { computeStage, type StageLayout } from '../../core/stage-layout.js';
import { updateTileOrder } from '../../core/tile-order.js';
import { SpeakerFocus, chooseStageFocus, type StageFocus, type StageSettings } from '../../core/speaker-focus.js';
import type { CallState, ParticipantView } from '../../core/call-session.js';
import { icons } from './icons.js';
import { tileLabel } from './tile.js';

const PAGER_HEIGHT = 48;

export interface StagePlan {
  readonly focus: StageFocus;
  readonly layout: StageLayout;
  /** The tiles in their order (the focused participant left out). */
  readonly ordered: ParticipantView[];
}

export class StagePlanner {
  private order: string[] = [];
  private readonly speaker = new SpeakerFocus();
  private speakerTimer: ReturnType<typeof setTimeout> | undefined;

  /** `recheck`: render again (a pending switch of the held speaker is due). */
  constructor(private readonly recheck: () => void) {}

  plan(s: CallState, settings: StageSettings, size: { width: number; height: number }): StagePlan {
    const local = s.participants.find((p) => p.isLocal);
    const byId = new Map(s.participants.map((p) => [p.identity, p]));
    // The screen on the stage: someone else's first (what people came to see), else ours.
    const presenter = s.participants.find((p) => p.screen && !p.isLocal) ?? s.participants.find((p) => p.screen);
    if (s.connection === 'idle' || s.connection === 'disconnected') this.speaker.reset();
    const focus = chooseStageFocus({
      layout: settings.layout, pinned: settings.pinned && byId.has(settings.pinned) ? settings.pinned : undefined,
      presenter: presenter?.identity, speaker: settings.layout === 'speaker' && !presenter ? this.heldSpeaker(s) : undefined,
    });
    const staged = focus.kind === 'participant' ? [focus.identity] : [];
    // Measured on the stage (grid + pager), so showing the pager cannot make the layout oscillate.
    const width = size.width || 640;
    const height = size.height || 360;
    const layout = computeStage({
      count: s.participants.length - staged.length, width, height, focus: focus.kind !== 'none', pagerHeight: PAGER_HEIGHT,
    });
    const pageSize = layout.mode === 'grid' ? layout.grid.pageSize : layout.visibleTiles;
    this.order = updateTileOrder(this.order, s.participants.map((p) => p.identity), {
      first: local?.identity, speaking: s.speaking, pageSize, exclude: staged,
    });
    const ordered = this.order.map((id) => byId.get(id)!).filter(Boolean);
    return { focus, layout, ordered };
  }

  /** Stop the pending recheck (the room left the page). */
  clear(): void {
    clearTimeout(this.speakerTimer);
  }

  /** The held active speaker of the speaker layout; re-renders when a pending switch is due. */
  private heldSpeaker(s: CallState): string | undefined {
    clearTimeout(this.speakerTimer);
    const order = new Map(this.order.map((id, i) => [id, i]));
    const participants = [...s.participants].sort((a, b) => (order.get(a.identity) ?? 1e9) - (order.get(b.identity) ?? 1e9));
    const choice = this.speaker.update({ participants, speaking: s.speaking, now: performance.now() });
    if (choice.recheckInMs !== undefined) this.speakerTimer = setTimeout(() => this.recheck(), choice.recheckInMs + 20);
    return choice.identity;
  }
}

/** The tile's pin button (pins the participant on the stage, or unpins). */
export function pinButton(p: ParticipantView, pinned: boolean, t: Translate, pin: (identity: string | null) => void): TemplateResult {
  const label = t(pinned ? 'room.unpin' : 'room.pin', { name: tileLabel(p, t) });
  return html`<button part="pin-button" type="button" class="tile-btn" aria-pressed=${pinned ? 'true' : 'false'}
    aria-label=${label} title=${label}
    @click=${() => pin(pinned ? null : p.identity)}>${pinned ? icons.unpin : icons.pin}</button>`;
}
