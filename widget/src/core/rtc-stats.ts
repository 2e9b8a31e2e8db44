/**
 * WebRTC statistics of one track (the RTCStatsReport of its sender or receiver: livekit-client's
 * `track.getRTCStatsReport()`) turned into the figures the statistics panel shows: bitrate, packet loss, round-trip
 * time, resolution (and frame rate), codec. Rates come from two readings: pass the previous reading's `counters`.
 * Lit-free and livekit-free (plain RTCStats dictionaries).
 */

/** One RTCStats dictionary (an RTCStatsReport's values). */
export interface StatsEntry {
  id: string;
  type: string;
  timestamp: number;
  [field: string]: unknown;
}

/** Cumulative counters of a track at one moment (what the next reading computes rates from). */
export interface RtpCounters {
  /** Milliseconds (the RTP stats' timestamp). */
  timestamp: number;
  bytes: number;
  /** Packets sent (send) or received (receive). */
  packets: number;
  /** Packets lost: reported by the other end (send) or counted here (receive). */
  lost: number;
  /** Bytes of each RTP stream (simulcast layer) by id: which layers are still sending. */
  layers?: Record<string, number> | undefined;
}

export interface TrackFigures {
  /** Bits per second over the last interval (undefined on the first reading). */
  bitrate?: number | undefined;
  /** Lost packets over the last interval (cumulative on the first reading), 0…1. */
  packetLoss?: number | undefined;
  /** Round-trip time to the SFU, milliseconds. */
  rtt?: number | undefined;
  width?: number | undefined;
  height?: number | undefined;
  fps?: number | undefined;
  /** `VP8`, `opus`… (the codec's MIME subtype). */
  codec?: string | undefined;
}

export interface StatsReading {
  figures: TrackFigures;
  counters: RtpCounters | undefined;
}

export type StatsDirection = 'send' | 'receive';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const sum = (xs: StatsEntry[], field: string): number => xs.reduce((n, x) => n + Math.max(0, num(x[field]) ?? 0), 0);

/** The entries of a report (an RTCStatsReport, a Map, or an array of dictionaries). */
export function statsEntries(report: { values(): Iterable<unknown> } | Iterable<unknown>): StatsEntry[] {
  const values = 'values' in report && typeof report.values === 'function' ? report.values() : (report as Iterable<unknown>);
  return [...values].filter((x): x is StatsEntry => typeof x === 'object' && x !== null && typeof (x as StatsEntry).type === 'string');
}

/**
 * Figures of one track from its sender's (`send`) or receiver's (`receive`) stats. With simulcast a sender has one
 * `outbound-rtp` per layer: bytes and packets are summed, the resolution is the largest layer still producing frames.
 */
export function readTrackStats(entries: readonly StatsEntry[], direction: StatsDirection, prev?: RtpCounters): StatsReading {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const rtp = entries.filter((e) => e.type === (direction === 'send' ? 'outbound-rtp' : 'inbound-rtp'));
  if (!rtp.length) return { figures: {}, counters: undefined };
  const timestamp = Math.max(...rtp.map((e) => e.timestamp));
  let counters: RtpCounters;
  let rtt: number | undefined;
  const layers = Object.fromEntries(rtp.map((e) => [e.id, num(e['bytesSent']) ?? num(e['bytesReceived']) ?? 0]));
  if (direction === 'send') {
    const remote = entries.filter((e) => e.type === 'remote-inbound-rtp');
    counters = { timestamp, bytes: sum(rtp, 'bytesSent'), packets: sum(rtp, 'packetsSent'), lost: sum(remote, 'packetsLost'), layers };
    rtt = latest(remote, 'roundTripTime');
  } else {
    counters = { timestamp, bytes: sum(rtp, 'bytesReceived'), packets: sum(rtp, 'packetsReceived'), lost: sum(rtp, 'packetsLost'), layers };
    const remote = entries.filter((e) => e.type === 'remote-outbound-rtp' && (num(e['roundTripTimeMeasurements']) ?? 0) > 0);
    rtt = latest(remote, 'roundTripTime');
  }
  rtt ??= num(selectedPair(entries, byId)?.['currentRoundTripTime']);

  const figures: TrackFigures = {};
  const seconds = prev ? (counters.timestamp - prev.timestamp) / 1000 : 0;
  if (prev && seconds > 0 && counters.bytes >= prev.bytes) figures.bitrate = ((counters.bytes - prev.bytes) * 8) / seconds;
  figures.packetLoss = lossRatio(counters, prev, direction);
  if (rtt !== undefined) figures.rtt = rtt * 1000;
  const layer = largestLayer(rtp, prev?.layers);
  if (layer) {
    figures.width = num(layer['frameWidth']);
    figures.height = num(layer['frameHeight']);
    figures.fps = num(layer['framesPerSecond']);
  }
  const codec = byId.get(String(rtp.find((e) => e['codecId'])?.['codecId'] ?? ''));
  const mime = typeof codec?.['mimeType'] === 'string' ? codec['mimeType'] : undefined;
  if (mime) figures.codec = mime.split('/').pop();
  return { figures, counters };
}

/** `field` of the most recent entry that has it (a paused simulcast layer keeps reporting an old round trip). */
function latest(xs: StatsEntry[], field: string): number | undefined {
  let best: StatsEntry | undefined;
  for (const e of xs) if (num(e[field]) !== undefined && (!best || e.timestamp > best.timestamp)) best = e;
  return best ? num(best[field]) : undefined;
}

/** Lost / expected over the interval (since the start without a previous reading); undefined with nothing sent. */
function lossRatio(c: RtpCounters, prev: RtpCounters | undefined, direction: StatsDirection): number | undefined {
  const base = prev && c.packets >= prev.packets && c.lost >= prev.lost ? prev : { packets: 0, lost: 0 };
  const lost = c.lost - base.lost;
  // Packets sent include the lost ones; packets received do not.
  const expected = direction === 'send' ? c.packets - base.packets : c.packets - base.packets + lost;
  if (expected <= 0) return prev ? 0 : undefined;
  return Math.min(1, Math.max(0, lost / expected));
}

/** The transport's selected ICE candidate pair, else the nominated succeeded one. */
function selectedPair(entries: readonly StatsEntry[], byId: Map<string, StatsEntry>): StatsEntry | undefined {
  for (const t of entries) {
    if (t.type !== 'transport') continue;
    const pair = byId.get(String(t['selectedCandidatePairId'] ?? ''));
    if (pair) return pair;
  }
  return entries.find((e) => e.type === 'candidate-pair' && e['nominated'] === true && e['state'] === 'succeeded');
}

/**
 * The video layer with the most pixels among those still sending: whose bytes grew since the previous reading, else
 * that report a frame rate, else any (a layer the SFU paused keeps its last resolution and stops growing).
 */
function largestLayer(rtp: StatsEntry[], before: Record<string, number> | undefined): StatsEntry | undefined {
  const video = rtp.filter((e) => num(e['frameWidth']) && num(e['frameHeight']));
  const growing = before ? video.filter((e) => (num(e['bytesSent']) ?? num(e['bytesReceived']) ?? 0) > (before[e.id] ?? 0)) : [];
  const live = video.filter((e) => (num(e['framesPerSecond']) ?? 0) > 0);
  const pool = growing.length ? growing : live.length ? live : video;
  let best: StatsEntry | undefined;
  for (const e of pool) if (!best || num(e['frameWidth'])! * num(e['frameHeight'])! > num(best['frameWidth'])! * num(best['frameHeight'])!) best = e;
  return best;
}
