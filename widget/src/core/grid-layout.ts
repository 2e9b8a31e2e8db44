/**
 * Pure grid maths: tile count + container size → columns, rows, page size.
 * Inspired by components-js `helper/grid-layouts.ts`, but computed rather than tabulated.
 */

export interface GridInput {
  count: number;
  width: number;
  height: number;
  /** Smallest acceptable tile, px. */
  minTileWidth?: number;
  minTileHeight?: number;
  gap?: number;
  /** Tile aspect ratio (w/h) used to score layouts. */
  aspect?: number;
  /** Never more than this many tiles on one page. */
  maxPerPage?: number;
}

export interface GridLayout {
  columns: number;
  rows: number;
  /** Tiles that fit on one page. */
  pageSize: number;
  pages: number;
  tileWidth: number;
  tileHeight: number;
}

export function computeGrid(input: GridInput): GridLayout {
  const count = Math.max(0, Math.floor(input.count));
  const width = Math.max(0, input.width);
  const height = Math.max(0, input.height);
  const gap = input.gap ?? 8;
  const minW = input.minTileWidth ?? 160;
  const minH = input.minTileHeight ?? 100;
  const aspect = input.aspect ?? 16 / 9;
  const maxPerPage = input.maxPerPage ?? 25;

  const maxCols = Math.max(1, Math.floor((width + gap) / (minW + gap)));
  const maxRows = Math.max(1, Math.floor((height + gap) / (minH + gap)));
  const pageSize = Math.max(1, Math.min(maxPerPage, maxCols * maxRows));
  const visible = Math.max(1, Math.min(count, pageSize));
  const pages = Math.max(1, Math.ceil(count / pageSize));

  let best = { columns: 1, rows: visible, score: -1, tw: width, th: height };
  for (let cols = 1; cols <= Math.min(maxCols, visible); cols++) {
    const rows = Math.ceil(visible / cols);
    if (rows > maxRows) continue;
    const tw = (width - gap * (cols - 1)) / cols;
    const th = (height - gap * (rows - 1)) / rows;
    // Usable video area inside a tile when the video keeps its aspect ratio.
    const w = Math.min(tw, th * aspect);
    const score = w * (w / aspect) - (cols * rows - visible) * 0.01;
    if (score > best.score) best = { columns: cols, rows, score, tw, th };
  }
  if (best.score < 0) {
    // Degenerate (zero size): single column.
    best = { columns: 1, rows: visible, score: 0, tw: width, th: height / visible };
  }
  return {
    columns: best.columns,
    rows: best.rows,
    pageSize,
    pages,
    tileWidth: Math.max(0, Math.floor(best.tw)),
    tileHeight: Math.max(0, Math.floor(best.th)),
  };
}

/** The items of one page (page index clamped to the valid range). */
export function paginate<T>(items: readonly T[], page: number, pageSize: number): { items: T[]; page: number; pages: number } {
  const size = Math.max(1, pageSize);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: items.slice(p * size, p * size + size), page: p, pages };
}
