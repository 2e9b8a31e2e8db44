import { css } from 'lit';

export default css`
  :host { height: 100%; }
  section {
    display: grid;
    grid-template-columns: 1fr;
    grid-template-rows: auto 1fr auto auto;
    grid-template-areas: 'status' 'stage' 'controls' 'people';
    gap: 0.5rem;
    padding: 0.5rem;
    height: 100%;
    min-height: var(--urbania-min-height, 420px);
  }
  .status { grid-area: status; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; min-height: 1.5rem; }
  .badge {
    display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; font-size: 0.85rem;
    background: var(--_u-surface, #f3f4f6); border: 1px solid var(--_u-border, #6b7280);
  }
  .stage { grid-area: stage; display: grid; grid-template-rows: 1fr auto; gap: 0.25rem; min-height: 220px; min-width: 0; }
  .grid {
    display: grid; gap: 8px; min-height: 0; min-width: 0;
    grid-template-columns: repeat(var(--_cols, 1), minmax(0, 1fr));
    grid-auto-rows: minmax(0, 1fr);
  }
  [part~='tile'] {
    position: relative; overflow: hidden; min-height: 90px;
    border-radius: var(--_u-radius, 8px);
    background: var(--_u-tile, #1f2937); color: #f9fafb;
    display: grid; place-items: center;
    outline: 3px solid transparent; outline-offset: -3px;
    transition: outline-color 0.15s;
  }
  [part~='tile'][data-speaking='true'] { outline-color: var(--_u-speaking, #22c55e); }
  [part~='tile'] video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; background: #000; }
  [part~='tile'][data-local='true'] video { transform: scaleX(-1); }
  .avatar {
    width: min(40%, 6rem); aspect-ratio: 1; border-radius: 50%;
    display: grid; place-items: center; font-size: 1.5rem; font-weight: 700;
    background: var(--_u-avatar, #374151); color: #f9fafb;
  }
  .name {
    position: absolute; left: 0.4rem; bottom: 0.4rem; right: 0.4rem;
    display: flex; gap: 0.3rem; align-items: center;
  }
  .name span.label {
    background: rgba(0, 0, 0, 0.72); color: #ffffff; padding: 0.1rem 0.4rem; border-radius: 4px;
    font-size: 0.85rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 100%;
  }
  .icon { display: inline-block; background: rgba(0, 0, 0, 0.72); color: #ffffff; border-radius: 4px; padding: 0.1rem 0.3rem; font-size: 0.8rem; }
  .pager { display: flex; gap: 0.5rem; justify-content: center; align-items: center; height: 44px; }
  .pager button { min-height: 2.25rem; padding: 0.2rem 0.8rem; }
  .controls { grid-area: controls; display: flex; gap: 0.5rem; flex-wrap: wrap; justify-content: center; }
  .controls button[aria-pressed='false'] { background: var(--_u-off, #fee2e2); color: #7f1d1d; border-color: #7f1d1d; }
  .people { grid-area: people; }
  .people ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.2rem; }
  .people li { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; }
  .people details summary { cursor: pointer; font-weight: 600; }
  [part~='chat-toggle'][aria-expanded='true'] { background: var(--_u-accent, #1d4ed8); border-color: var(--_u-accent, #1d4ed8); color: var(--_u-accent-text, #ffffff); }
  .chat { grid-area: stage; z-index: 1; min-height: 0; }
  [part~='chat-unread-badge'] {
    display: inline-block; min-width: 1.4em; padding: 0 0.35em; margin-inline-start: 0.25rem; border-radius: 999px;
    background: var(--_u-danger, #b91c1c); color: #ffffff; font-size: 0.8rem; font-weight: 700; line-height: 1.4; text-align: center;
  }
  .audio-sink { position: absolute; width: 1px; height: 1px; overflow: hidden; }
  @container (min-width: 720px) {
    section {
      grid-template-columns: 1fr 14rem;
      grid-template-areas: 'status status' 'stage people' 'controls controls';
      grid-template-rows: auto 1fr auto;
    }
    section[data-chat='open'] {
      grid-template-columns: 1fr 20rem;
      grid-template-areas: 'status status' 'stage chat' 'controls chat';
    }
    section[data-chat='open'] .people { display: none; }
    .chat { grid-area: chat; }
  }
`;
