/**
 * Pure stage maths: what the room view's stage shows for its size. Without anything in focus, the tile grid
 * (grid-layout.ts). With a focus — a shared screen, a pinned participant, the active speaker of the speaker layout
 * (speaker-focus.ts) — it takes the stage and the other participants go into a strip: beside it when the stage is
 * wide enough for both, under it otherwise (a 360 px sidebar, a portrait phone).
 */
import { computeGrid, type GridLayout } from './grid-layout.js';

export interface StageInput {
  /** Participant tiles to show (in the grid, or in the strip beside a focus). */
  count: number;
  width: number;
  height: number;
  /** Something takes the stage (a shared screen, a pinned participant, the active speaker). */
  focus: boolean;
  gap?: number;
  /** Height kept for the pager when the grid paginates. */
  pagerHeight?: number;
}

export interface GridStage {
  mode: 'grid';
  grid: GridLayout;
}

export interface FocusStage {
  mode: 'focus';
  /** Where the participant strip goes (`none`: nobody else to show). */
  strip: 'side' | 'bottom' | 'none';
  /** The strip's width (side) or height (bottom), px. */
  stripSize: number;
  /** One tile of the strip, px (16:9). */
  tileWidth: number;
  tileHeight: number;
  /** Tiles visible in the strip without scrolling (the strip scrolls for the others). */
  visibleTiles: number;
  /** The area left to the focus (shared screen or large tile), px. */
  screenWidth: number;
  screenHeight: number;
}

export type StageLayout = GridStage | FocusStage;

const ASPECT = 16 / 9;
/** Below this width, or when the stage is not clearly landscape, the strip goes under the screen. */
const SIDE_MIN_WIDTH = 640;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function computeStage(input: StageInput): StageLayout {
  const width = Math.max(0, input.width);
  const height = Math.max(0, input.height);
  const gap = input.gap ?? 8;
  const count = Math.max(0, Math.floor(input.count));
  if (!input.focus) {
    let grid = computeGrid({ count, width, height, gap });
    if (grid.pages > 1) grid = computeGrid({ count, width, height: Math.max(0, height - (input.pagerHeight ?? 0)), gap });
    return { mode: 'grid', grid };
  }
  if (count === 0) {
    return { mode: 'focus', strip: 'none', stripSize: 0, tileWidth: 0, tileHeight: 0, visibleTiles: 0, screenWidth: width, screenHeight: height };
  }
  const side = width >= SIDE_MIN_WIDTH && width >= height * 1.2;
  if (side) {
    const stripSize = Math.round(clamp(width * 0.2, 160, 280));
    const tileWidth = stripSize;
    const tileHeight = Math.round(tileWidth / ASPECT);
    return {
      mode: 'focus', strip: 'side', stripSize, tileWidth, tileHeight,
      visibleTiles: Math.min(count, Math.max(1, Math.floor((height + gap) / (tileHeight + gap)))),
      screenWidth: Math.max(0, width - stripSize - gap), screenHeight: height,
    };
  }
  const stripSize = Math.round(clamp(height * 0.22, 72, 160));
  const tileHeight = stripSize;
  const tileWidth = Math.round(tileHeight * ASPECT);
  return {
    mode: 'focus', strip: 'bottom', stripSize, tileWidth, tileHeight,
    visibleTiles: Math.min(count, Math.max(1, Math.floor((width + gap) / (tileWidth + gap)))),
    screenWidth: width, screenHeight: Math.max(0, height - stripSize - gap),
  };
}
