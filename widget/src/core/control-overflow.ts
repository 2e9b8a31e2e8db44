/**
 * Which call controls stay in a narrow control bar and which go into its "More options" menu (as Google Meet and
 * Whereby do on a phone): one row, the primary actions first. Lit-free; the room's controls.ts renders the answer.
 */

/** How a control behaves when the bar is narrow. */
export type ControlRank =
  /** Always in the bar (microphone and camera with their device menus, leave, "enable sound"). */
  | 'fixed'
  /** In the bar while it fits, else in the menu; `drop` orders who goes first (lower first). */
  | { drop: number }
  /** Always in the menu when the bar is narrow (layout, PiP, statistics, invites, end for everyone…). */
  | 'secondary';

export interface OverflowControl {
  key: string;
  rank: ControlRank;
  /** Its width in the narrow bar, in px (without the gap). */
  width: number;
  /** It can be shown as a menu item (a device menu cannot: it stays in the bar). */
  menuable: boolean;
}

/** Below this width (of the room's stage, which the bar spans when narrow) the bar keeps one row and a menu. */
export const NARROW_BAR_WIDTH = 600;
/** The narrow bar's sizes (room.styles.ts, `.controls[data-narrow]`), in px. */
export const NARROW = { button: 40, danger: 48, gap: 4, deviceMenu: 4 } as const;

export interface ControlSplit {
  bar: Set<string>;
  menu: string[];
}

/**
 * Splits the controls (in bar order) for a bar `width` px wide: everything in the bar when it is wide (or not measured
 * yet: 0); otherwise the secondary ones into the menu, then the droppable ones, lowest `drop` first, until the row fits.
 */
export function splitControls(controls: readonly OverflowControl[], width: number): ControlSplit {
  const all = new Set(controls.map((c) => c.key));
  if (!width || width >= NARROW_BAR_WIDTH) return { bar: all, menu: [] };
  const inMenu = new Set(controls.filter((c) => c.rank === 'secondary' && c.menuable).map((c) => c.key));
  const rowWidth = (): number => {
    const inBar = controls.filter((c) => !inMenu.has(c.key));
    const items = inBar.length + (inMenu.size ? 1 : 0);
    return inBar.reduce((sum, c) => sum + c.width, 0) + (inMenu.size ? NARROW.button : 0) + Math.max(0, items - 1) * NARROW.gap;
  };
  const droppable = controls
    .filter((c) => typeof c.rank === 'object' && c.menuable)
    .sort((a, b) => (a.rank as { drop: number }).drop - (b.rank as { drop: number }).drop);
  for (const c of droppable) {
    if (rowWidth() <= width) break;
    inMenu.add(c.key);
  }
  return { bar: new Set(controls.filter((c) => !inMenu.has(c.key)).map((c) => c.key)), menu: controls.filter((c) => inMenu.has(c.key)).map((c) => c.key) };
}
