import { expect, fixture, html } from '@open-wc/testing';
import './stats-panel.js';
import { formatFigures, type UrbaniaStatsPanel } from './stats-panel.component.js';
import { CallStats, type StatsTrackRef } from '../../core/call-stats.js';
import { RECORDED } from '../../core/rtc-stats.fixtures.js';
import type { StatsEntry } from '../../core/rtc-stats.js';
import { translator } from '../../i18n/room.js';
import { axeViolations, waitFor } from '../../test/helpers.js';

const report = (entries: StatsEntry[]) => new Map(entries.map((e) => [e.id, e])) as unknown as RTCStatsReport;

/** Tracks that replay recorded stats; `polls` counts getStats calls. */
function recorded() {
  const counter = { polls: 0 };
  const ref = (key: string, direction: 'send' | 'receive', source: string, kind: 'audio' | 'video', samples: [StatsEntry[], StatsEntry[]], identity: string, name: string): StatsTrackRef => {
    let i = 0;
    return { key, direction, identity, name, source, kind, getReport: async () => { counter.polls++; return report(samples[Math.min(i++, 1)]!); } };
  };
  const tracks = [
    ref('send:cam', 'send', 'camera', 'video', RECORDED.sendCamera, 'alice', 'Alice'),
    ref('send:mic', 'send', 'microphone', 'audio', RECORDED.sendMicrophone, 'alice', 'Alice'),
    ref('receive:cam', 'receive', 'camera', 'video', RECORDED.receiveCamera, 'bob', 'Bob'),
  ];
  return { counter, stats: new CallStats(() => tracks, { intervalMs: 30 }) };
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<urbania-stats-panel>', () => {
  it('formats figures in French and English', () => {
    const f = { bitrate: 1_051_775, packetLoss: 0.0125, rtt: 19.7, width: 640, height: 360, fps: 20, codec: 'VP8' };
    expect(formatFigures(f, 'video', 'fr', translator('fr')).map((r) => r.value.replace(/\s/g, ' '))).to.deep.equal(['1,1 Mbit/s', '1,3 %', '20 ms', '640 × 360 · 20 i/s', 'VP8']);
    expect(formatFigures({ ...f, bitrate: 76_924 }, 'video', 'en', translator('en')).map((r) => r.value)).to.deep.equal(['77 kbit/s', '1.3%', '20 ms', '640 × 360 · 20 fps', 'VP8']);
    expect(formatFigures({}, 'audio', 'fr', translator('fr')).map((r) => [r.key, r.value])).to.deep.equal([['bitrate', '—'], ['packet-loss', '—'], ['rtt', '—'], ['codec', '—']]);
  });

  it('shows what we send and what we receive, refreshed while open, and stops polling once removed', async () => {
    const { counter, stats } = recorded();
    const el = await fixture<UrbaniaStatsPanel>(html`<urbania-stats-panel .stats=${stats} locale="en"></urbania-stats-panel>`);
    const root = el.shadowRoot!;
    await waitFor(() => root.querySelector('[part="stats-track"][data-source="camera"][data-direction="send"] [data-figure="bitrate"]')?.textContent?.includes('Mbit/s'), 3000, 'a bitrate');
    expect([...root.querySelectorAll('[part="stats-section"]')].map((s) => s.getAttribute('data-direction'))).to.deep.equal(['send', 'receive']);
    const cam = root.querySelector('[part="stats-track"][data-direction="send"][data-source="camera"]')!;
    expect(text(cam.querySelector('h5'))).to.equal('Alice (you) · camera');
    expect(text(cam.querySelector('[data-figure="resolution"]'))).to.equal('640 × 360 · 20 fps');
    expect(text(cam.querySelector('[data-figure="codec"]'))).to.equal('VP8');
    const received = root.querySelector('[part="stats-track"][data-direction="receive"]')!;
    expect(text(received.querySelector('h5'))).to.equal('Bob · camera');
    expect(text(received.querySelector('[data-figure="rtt"]'))).to.equal('5 ms');
    expect(root.querySelector('[part="stats-track"][data-source="microphone"] [data-figure="resolution"]')).to.equal(null);
    expect(await axeViolations(el)).to.deep.equal([]);

    el.remove();
    const after = counter.polls;
    await new Promise((r) => setTimeout(r, 120));
    expect(counter.polls).to.equal(after);
    expect(stats.state.running).to.equal(false);
  });

  it('Escape and the close button fire stats-close; an empty call says so', async () => {
    const stats = new CallStats(() => []);
    const el = await fixture<UrbaniaStatsPanel>(html`<urbania-stats-panel .stats=${stats}></urbania-stats-panel>`);
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[part="stats-empty"]'))).to.equal('Aucun flux pour le moment.');
    let closes = 0;
    el.addEventListener('stats-close', () => closes++);
    root.querySelector<HTMLButtonElement>('[part="stats-close"]')!.click();
    root.querySelector('aside')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(closes).to.equal(2);
    expect(root.querySelector('[part="stats-close"]')!.getAttribute('aria-label')).to.equal('Fermer les statistiques');
  });
});
