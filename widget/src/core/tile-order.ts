/**
 * Stable tile ordering (after components-js `sorting/tile-array-update.ts`):
 * people keep their place when others join or leave; newcomers go to the end;
 * the local participant stays first; a speaker on a later page is swapped onto the first page.
 */

export interface OrderOptions {
  /** Identity kept at index 0 (the local participant). */
  first?: string | undefined;
  /** Identities currently speaking, loudest first. */
  speaking?: readonly string[];
  /** Page size; speakers outside the first page are swapped in. */
  pageSize?: number;
}

export function updateTileOrder(previous: readonly string[], current: readonly string[], options: OrderOptions = {}): string[] {
  const present = new Set(current);
  const order = previous.filter((id) => present.has(id));
  const known = new Set(order);
  for (const id of current) if (!known.has(id)) { order.push(id); known.add(id); }

  if (options.first && known.has(options.first)) {
    const i = order.indexOf(options.first);
    if (i > 0) { order.splice(i, 1); order.unshift(options.first); }
  }

  const pageSize = options.pageSize ?? Infinity;
  if (Number.isFinite(pageSize) && pageSize > 0 && options.speaking?.length) {
    const speaking = new Set(options.speaking);
    for (const id of options.speaking) {
      const idx = order.indexOf(id);
      if (idx < pageSize) continue; // already visible (or absent)
      // Swap with the last non-speaking, non-pinned tile of the first page.
      for (let j = Math.min(pageSize, order.length) - 1; j >= 0; j--) {
        const candidate = order[j]!;
        if (candidate === options.first || speaking.has(candidate)) continue;
        order[j] = id;
        order[idx] = candidate;
        break;
      }
    }
  }
  return order;
}
