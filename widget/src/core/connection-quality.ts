/**
 * Connection quality of a participant, as the SFU rates it (livekit-client's ConnectionQuality, whose string values
 * these are), and how many of a signal indicator's three bars it lights.
 */
export type ConnectionQualityName = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

const QUALITIES: readonly ConnectionQualityName[] = ['excellent', 'good', 'poor', 'lost', 'unknown'];

/** A livekit-client ConnectionQuality (or anything else) as one of ours; unknown values are `unknown`. */
export function toQuality(q: unknown): ConnectionQualityName {
  return (QUALITIES as readonly unknown[]).includes(q) ? (q as ConnectionQualityName) : 'unknown';
}

/** Lit bars of a three-bar signal indicator: excellent 3, good 2, poor 1, lost 0; unknown shows none (undefined). */
export function qualityBars(q: ConnectionQualityName): number | undefined {
  return { excellent: 3, good: 2, poor: 1, lost: 0, unknown: undefined }[q];
}
