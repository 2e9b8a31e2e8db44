// Small figures shared by the widget bench's parts: gzip -9 sizes, KB, medians.
import { gzipSync } from 'node:zlib';

/** Bytes as KB with one decimal. */
export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The median of a list of numbers (NaN for none). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** gzip -9 size in bytes, as widget/scripts/cdn-entry.test.mjs measures. */
export const gz = (buf) => gzipSync(buf, { level: 9 }).length;
