/**
 * Pure stage maths: what the room view's stage shows for its size. Without a shared screen, the tile grid
 * (grid-layout.ts). With one, the screen takes the stage and the participants go into a strip: beside it when the
 * stage is wide enough for both, under it otherwise (a 360 px sidebar, a portrait phone).
 */
import { computeGrid, type GridLayout } from './grid-layout.js';

export interface StageInput {
  /** Participant tiles to show. */
  count: number;
  width: number;
  height: number;
  /** Someone shares a screen. */
  screenShare: boolean;
  gap?: number;
  /** Height kept for the pager when the grid paginates. */
  pagerHeight?: number;
}

export interface GridStage {
  mode: 'grid';
  grid: GridLayout;
}

export interface ScreenStage {
  mode: 'screen';
  /** Where the participant strip goes. */
  strip: 'side' | 'bottom';
  /** The strip's width (side) or height (bottom), px. */
  stripSize: number;
  /** One tile of the strip, px (16:9). */
  tileWidth: number;
  tileHeight: number;
  /** Tiles visible in the strip without scrolling (the strip scrolls for the others). */
  visibleTiles: number;
  /** The area left to the shared screen, px. */
  screenWidth: number;
  screenHeight: number;
}

export type StageLayout = GridStage | ScreenStage;

const ASPECT = 16 / 9;
/** Below this width, or when the stage is not clearly landscape, the strip goes under the screen. */
const SIDE_MIN_WIDTH = 640;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function computeStage(input: StageInput): StageLayout {
  const width = Math.max(0, input.width);
  const height = Math.max(0, input.height);
  const gap = input.gap ?? 8;
  const count = Math.max(0, Math.floor(input.count));
  if (!input.screenShare) {
    let grid = computeGrid({ count, width, height, gap });
    if (grid.pages > 1) grid = computeGrid({ count, width, height: Math.max(0, height - (input.pagerHeight ?? 0)), gap });
    return { mode: 'grid', grid };
  }
  const side = width >= SIDE_MIN_WIDTH && width >= height * 1.2;
  if (side) {
    const stripSize = Math.round(clamp(width * 0.2, 160, 280));
    const tileWidth = stripSize;
    const tileHeight = Math.round(tileWidth / ASPECT);
    return {
      mode: 'screen', strip: 'side', stripSize, tileWidth, tileHeight,
      visibleTiles: Math.min(count, Math.max(1, Math.floor((height + gap) / (tileHeight + gap)))),
      screenWidth: Math.max(0, width - stripSize - gap), screenHeight: height,
    };
  }
  const stripSize = Math.round(clamp(height * 0.22, 72, 160));
  const tileHeight = stripSize;
  const tileWidth = Math.round(tileHeight * ASPECT);
  return {
    mode: 'screen', strip: 'bottom', stripSize, tileWidth, tileHeight,
    visibleTiles: Math.min(count, Math.max(1, Math.floor((width + gap) / (tileWidth + gap)))),
    screenWidth: width, screenHeight: Math.max(0, height - stripSize - gap),
  };
}
