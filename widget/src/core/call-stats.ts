/**
 * The statistics panel's data: every track we send and receive, read about every second with `getStats()`
 * (livekit-client tracks' `getRTCStatsReport()`) while at least one viewer is open, and never polled otherwise.
 * Parsing is rtc-stats.ts; this module only walks the room's tracks and keeps the previous counters for rates.
 * Lit-free; only types come from livekit-client.
 */
import type { Room } from 'livekit-client';
import { Listeners } from './listeners.js';
import { readTrackStats, statsEntries, type RtpCounters, type StatsDirection, type TrackFigures } from './rtc-stats.js';

/** A track whose statistics can be read. */
export interface StatsTrackRef {
  /** Stable while the track lives: direction + track sid. */
  key: string;
  direction: StatsDirection;
  identity: string;
  name: string;
  /** livekit-client's Track.Source: `camera`, `microphone`, `screen_share`, `screen_share_audio`, `unknown`. */
  source: string;
  kind: 'audio' | 'video';
  getReport(): Promise<RTCStatsReport | undefined>;
}

export interface TrackStats {
  key: string;
  direction: StatsDirection;
  identity: string;
  name: string;
  source: string;
  kind: 'audio' | 'video';
  figures: TrackFigures;
}

export interface StatsState {
  /** Polling (a viewer is open). */
  running: boolean;
  /** The last reading, sent tracks first. Empty before the first one. */
  tracks: TrackStats[];
  /** When the last reading finished (ms since the epoch). */
  updatedAt?: number | undefined;
}

/** The tracks of a livekit-client room: ours that are published and not muted, and every subscribed remote one. */
export function roomTracks(room: Pick<Room, 'localParticipant' | 'remoteParticipants'>): StatsTrackRef[] {
  const out: StatsTrackRef[] = [];
  const lp = room.localParticipant;
  for (const pub of lp.trackPublications.values()) {
    const track = pub.track;
    if (!track || pub.isMuted) continue;
    out.push({ key: `send:${pub.trackSid}`, direction: 'send', identity: lp.identity, name: lp.name || lp.identity, source: pub.source, kind: pub.kind === 'video' ? 'video' : 'audio', getReport: () => track.getRTCStatsReport() });
  }
  for (const p of room.remoteParticipants.values()) {
    for (const pub of p.trackPublications.values()) {
      const track = pub.track;
      if (!track) continue;
      out.push({ key: `receive:${pub.trackSid}`, direction: 'receive', identity: p.identity, name: p.name || p.identity, source: pub.source, kind: pub.kind === 'video' ? 'video' : 'audio', getReport: () => track.getRTCStatsReport() });
    }
  }
  return out;
}

export interface CallStatsOptions {
  /** Time between two readings (default 1000 ms). */
  intervalMs?: number;
}

export class CallStats {
  private _state: StatsState = { running: false, tracks: [] };
  private readonly listeners = new Listeners<StatsState>();
  private viewers = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private counters = new Map<string, RtpCounters>();
  /** Bumped by stop(): a reading under way when it stopped is dropped. */
  private run = 0;

  constructor(private readonly tracks: () => StatsTrackRef[], private readonly options: CallStatsOptions = {}) {}

  get state(): StatsState { return this._state; }

  subscribe(fn: (s: StatsState) => void): () => void {
    fn(this._state);
    return this.listeners.add(fn);
  }

  /** A viewer opened: poll now and about every second until every viewer has closed. Returns the close function. */
  open(): () => void {
    this.viewers++;
    if (this.viewers === 1) {
      this.setState({ running: true });
      void this.tick(this.run);
    }
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.viewers--;
      if (this.viewers === 0) this.stop();
    };
  }

  /** One reading of every track now (also what each poll does). */
  async sample(): Promise<void> {
    const run = this.run;
    const refs = this.tracks();
    const results = await Promise.all(refs.map(async (ref) => {
      let report: RTCStatsReport | undefined;
      try {
        report = await ref.getReport();
      } catch {
        report = undefined;
      }
      return { ref, report };
    }));
    if (run !== this.run) return;
    const counters = new Map<string, RtpCounters>();
    const tracks: TrackStats[] = [];
    for (const { ref, report } of results) {
      const reading = report ? readTrackStats(statsEntries(report), ref.direction, this.counters.get(ref.key)) : { figures: {}, counters: undefined };
      if (reading.counters) counters.set(ref.key, reading.counters);
      tracks.push({ key: ref.key, direction: ref.direction, identity: ref.identity, name: ref.name, source: ref.source, kind: ref.kind, figures: reading.figures });
    }
    this.counters = counters;
    tracks.sort((a, b) => Number(a.direction === 'receive') - Number(b.direction === 'receive'));
    this.setState({ tracks, updatedAt: Date.now() });
  }

  private async tick(run: number): Promise<void> {
    await this.sample().catch((err: unknown) => console.warn('[urbania-meeting] stats', err));
    // The next reading after this one finished: never two at once, even when getStats is slow.
    if (run === this.run) this.timer = setTimeout(() => void this.tick(run), this.options.intervalMs ?? 1000);
  }

  private stop(): void {
    this.run++;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.counters = new Map();
    this.setState({ running: false, tracks: [], updatedAt: undefined });
  }

  private setState(patch: Partial<StatsState>): void {
    this._state = { ...this._state, ...patch };
    this.listeners.emit(this._state);
  }
}
