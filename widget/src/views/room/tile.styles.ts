import { css } from 'lit';

/** A participant tile (tile.ts): video or initials, the name bar and its marks, the speaking outline. */
export default css`
  [part~='tile'] {
    position: relative; overflow: hidden; min-height: 72px;
    border-radius: var(--_u-radius, 8px);
    background: var(--_u-tile, #1f2937); color: #f9fafb;
    display: grid; place-items: center;
    outline: 3px solid transparent; outline-offset: -3px;
    transition: outline-color 0.15s;
  }
  [part~='tile'][data-speaking='true'] { outline-color: var(--_u-speaking, #22c55e); }
  video { background: #000; }
  [part~='tile'] video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; }
  [part~='tile'][data-local='true'] video { transform: scaleX(-1); }
  .avatar {
    width: min(40%, 5.5rem); aspect-ratio: 1; border-radius: 50%;
    display: grid; place-items: center; font-size: 1.4rem; font-weight: 700;
    background: var(--_u-avatar, #4b5563); color: #f9fafb;
  }
  .name {
    position: absolute; left: 0.4rem; bottom: 0.4rem; right: 0.4rem; margin: 0;
    display: flex; gap: 0.3rem; align-items: center;
  }
  .name span.label {
    background: rgba(0, 0, 0, 0.72); color: #ffffff; padding: 0.1rem 0.45rem; border-radius: 4px;
    font-size: 0.8rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 100%;
  }
  .name .icon {
    display: inline-grid; place-items: center; width: 1.5rem; height: 1.5rem; flex: none;
    background: rgba(0, 0, 0, 0.72); color: #ffffff; border-radius: 50%;
  }
  .name .icon.speaking { color: var(--_u-speaking, #22c55e); }
  .name .icon svg { width: 1rem; height: 1rem; }
  .corner { position: absolute; top: 0.4rem; right: 0.4rem; display: flex; gap: 0.3rem; z-index: 1; }
  /* Speaking: a thicker outline and the sound mark in the name bar (not colour alone). */
  [part~='tile'][data-speaking='true'] { outline-width: 4px; outline-offset: -4px; }
  /* Buttons on a tile (pin): shown on hover and keyboard focus, always when active or on touch screens. */
  .tile-btn {
    display: inline-grid; place-items: center; width: 2rem; height: 2rem; min-height: 0; padding: 0;
    border: 0; border-radius: 50%; background: rgba(0, 0, 0, 0.72); color: #ffffff;
    opacity: 0; transition: opacity 0.12s;
  }
  .tile-btn svg { width: 1.1rem; height: 1.1rem; }
  [part~='tile']:hover .tile-btn, .tile-btn:focus, .tile-btn[aria-pressed='true'] { opacity: 1; }
  .tile-btn[aria-pressed='true'] { background: var(--_u-stage-accent, #8ab4f8); color: #0b1f3a; }
  @media (hover: none) { .tile-btn { opacity: 1; } }
  /* Connection quality (connection-quality.ts): signal bars in the top-left corner. */
  .quality {
    position: absolute; top: 0.4rem; left: 0.4rem; display: inline-grid; place-items: center;
    width: 1.5rem; height: 1.5rem; border-radius: 50%; background: rgba(0, 0, 0, 0.72);
  }
  .quality rect.on { fill: #34d399; }
  .quality rect.off { fill: rgba(255, 255, 255, 0.35); }
  .quality[data-quality='poor'] rect.on { fill: #fbbf24; }
  .quality[data-quality='lost'] rect.off { fill: #f87171; }
`;
