import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { escapeCloses } from '../panel-keys.js';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { portableRenderRoot } from '../../styles/adopt-styles.js';
import styles from './stats-panel.styles.js';
import { translator, type Locale, type MessageKey, type Translate } from '../../i18n/room.js';
import type { CallStats, StatsState, TrackStats } from '../../core/call-stats.js';
import type { TrackFigures } from '../../core/rtc-stats.js';

declare global {
  interface HTMLElementEventMap {
    'stats-close': CustomEvent<void>;
  }
}

/** What the panel needs from the call's statistics (lets tests pass a fake). */
export type StatsLike = Pick<CallStats, 'state' | 'subscribe' | 'open'>;

/** The figures of one track as the panel writes them ("1,2 Mbit/s", "0,5 %", "18 ms", "640 × 360 · 20 i/s", "VP8"). */
export function formatFigures(f: TrackFigures, kind: 'audio' | 'video', locale: Locale, t: Translate): { key: string; label: string; value: string }[] {
  const lang = locale === 'en' ? 'en-GB' : 'fr-FR';
  const n = (v: number, digits: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(v);
  const dash = '—';
  const bitrate = f.bitrate === undefined ? dash
    : f.bitrate >= 1_000_000 ? `${n(f.bitrate / 1_000_000, 1)} Mbit/s` : `${n(f.bitrate / 1000, 0)} kbit/s`;
  const loss = f.packetLoss === undefined ? dash : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(f.packetLoss);
  const rtt = f.rtt === undefined ? dash : `${n(f.rtt, 0)} ms`;
  const rows = [
    { key: 'bitrate', label: t('stats.bitrate'), value: bitrate },
    { key: 'packet-loss', label: t('stats.packetLoss'), value: loss },
    { key: 'rtt', label: t('stats.rtt'), value: rtt },
  ];
  if (kind === 'video') {
    const size = f.width && f.height ? `${f.width} × ${f.height}` : dash;
    rows.push({ key: 'resolution', label: t('stats.resolution'), value: f.fps && size !== dash ? `${size} · ${t('stats.fps', { n: n(f.fps, 0) })}` : size });
  }
  rows.push({ key: 'codec', label: t('stats.codec'), value: f.codec ?? dash });
  return rows;
}

const SOURCES = new Set(['camera', 'microphone', 'screen_share', 'screen_share_audio']);

/**
 * Internal statistics panel of the room view: for each track we send and each we receive, bitrate, packet loss,
 * round-trip time, resolution (video) and codec, from `getStats()` about every second. It polls only while it is in
 * the page (open): connecting opens the call's statistics, disconnecting closes them. Escape or the close button
 * fire the internal `stats-close` event. Not a live region: figures change every second.
 *
 * @csspart stats-panel - The panel container.
 * @csspart stats-close - Close button.
 * @csspart stats-section - "Sent" or "Received" (`data-direction` `send` | `receive`).
 * @csspart stats-track - One track (`data-identity`, `data-source`, `data-direction`).
 * @csspart stats-figures - The track's figures (`<dl>`; each `<dd>` has `data-figure` `bitrate` | `packet-loss` | `rtt` | `resolution` | `codec`).
 * @csspart stats-empty - Shown while there is no track to measure.
 */
export class UrbaniaStatsPanel extends LitElement {
  static override styles = [sharedStyles, styles];

  /** Styled in whichever document it is in (opened while the call is in a picture-in-picture window). */
  protected override createRenderRoot(): ShadowRoot {
    return portableRenderRoot(this);
  }

  @property() locale: Locale = 'fr';
  @property({ attribute: false }) stats: StatsLike | undefined;
  @state() private statsState: StatsState | undefined;
  private release: (() => void) | undefined;
  private listening: StatsLike | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.release?.();
    this.release = undefined;
    this.listening = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('stats') && this.isConnected && this.stats !== this.listening) this.listen();
  }

  private listen(): void {
    this.release?.();
    const stats = this.stats;
    this.listening = stats;
    if (!stats) { this.release = undefined; return; }
    const unsubscribe = stats.subscribe((s) => { this.statsState = s; });
    const close = stats.open();
    this.release = () => { unsubscribe(); close(); };
  }

  /** Puts the keyboard on the close button. */
  override focus(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="stats-close"]')?.focus());
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('stats-close', { bubbles: true }));
  }

  private onKeydown(e: KeyboardEvent): void {
    escapeCloses(e, () => this.close());
  }

  private track(s: TrackStats, t: Translate) {
    const source = t(`stats.source.${SOURCES.has(s.source) ? s.source : 'unknown'}` as MessageKey);
    const title = t('stats.track', { name: s.direction === 'send' ? t('room.you', { name: s.name }) : s.name, source });
    return html`<article part="stats-track" data-identity=${s.identity} data-source=${s.source} data-direction=${s.direction} aria-label=${title}>
      <h5>${title}</h5>
      <dl part="stats-figures">
        ${formatFigures(s.figures, s.kind, this.locale, t).map((r) => html`<dt>${r.label}</dt><dd data-figure=${r.key}>${r.value}</dd>`)}
      </dl>
    </article>`;
  }

  protected override render() {
    const t = translator(this.locale);
    const tracks = this.statsState?.tracks ?? [];
    const sections = (['send', 'receive'] as const).map((direction) => ({ direction, tracks: tracks.filter((x) => x.direction === direction) }));
    return html`<aside part="stats-panel" lang=${this.locale} aria-labelledby="stats-title" @keydown=${this.onKeydown}>
      <header>
        <h3 id="stats-title">${t('stats.title')}</h3>
        <button part="stats-close" type="button" aria-label=${t('stats.close')} @click=${this.close}>×</button>
      </header>
      <div class="body">
        ${tracks.length === 0 ? html`<p part="stats-empty">${t('stats.none')}</p>` : nothing}
        ${sections.filter((x) => x.tracks.length).map(({ direction, tracks: list }) => html`<section part="stats-section" data-direction=${direction}
            aria-labelledby="stats-${direction}">
          <h4 id="stats-${direction}">${t(direction === 'send' ? 'stats.sent' : 'stats.received')}</h4>
          ${repeat(list, (x) => x.key, (x) => this.track(x, t))}
        </section>`)}
      </div>
    </aside>`;
  }
}
