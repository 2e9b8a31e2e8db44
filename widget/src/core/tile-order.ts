/**
 * Stable tile ordering (after components-js `sorting/tile-array-update.ts`):
 * people keep their place when others join or leave; newcomers go to the end;
 * the local participant stays first; a speaker on a later page is swapped onto the first page.
 * Identities shown elsewhere (`exclude`: the participant on the stage of the speaker layout) keep their place in the
 * order, so they come back where they were, but take no slot of the first page.
 */

export interface OrderOptions {
  /** Identity kept at index 0 (the local participant). */
  first?: string | undefined;
  /** Identities currently speaking, loudest first. */
  speaking?: readonly string[];
  /** Page size; speakers outside the first page are swapped in. */
  pageSize?: number;
  /** Shown elsewhere (on the stage): kept in the order, not counted in the first page, never swapped. */
  exclude?: readonly string[];
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
    const excluded = new Set(options.exclude ?? []);
    const speaking = new Set(options.speaking);
    // Positions (in `order`) of the tiles actually listed; the first page is the first `pageSize` of them.
    const slots: number[] = [];
    order.forEach((id, i) => { if (!excluded.has(id)) slots.push(i); });
    for (const id of options.speaking) {
      if (excluded.has(id)) continue;
      const at = slots.findIndex((i) => order[i] === id);
      if (at < 0 || at < pageSize) continue; // absent, or already visible
      // Swap with the last non-speaking, non-first tile of the first page.
      for (let j = Math.min(pageSize, slots.length) - 1; j >= 0; j--) {
        const candidate = order[slots[j]!]!;
        if (candidate === options.first || speaking.has(candidate)) continue;
        order[slots[j]!] = id;
        order[slots[at]!] = candidate;
        break;
      }
    }
  }
  return order;
}
