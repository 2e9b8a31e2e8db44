import { css } from 'lit';

export default css`
  :host { display: block; min-height: 0; }
  aside {
    height: 100%; overflow: auto; padding: 0.5rem 0.75rem 0.75rem;
    background: var(--_u-people, #1f2125); color: var(--_u-text, #f8fafc); border-radius: var(--_u-radius, 8px);
  }
  header { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; }
  header h3 { margin: 0; }
  h4 { margin: 0.75rem 0 0.4rem; font-size: 0.9rem; display: flex; align-items: center; gap: 0.35rem; }
  [part~='participants-close'] { min-height: 2.25rem; min-width: 2.25rem; padding: 0 0.5rem; font-size: 1.2rem; line-height: 1; }
  ol, ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.3rem; }
  li { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; min-height: 2rem; }
  .hands { border-bottom: 1px solid var(--_u-border, #5f6368); padding-bottom: 0.6rem; }
  .position {
    display: inline-grid; place-items: center; min-width: 1.5rem; height: 1.5rem; border-radius: 999px;
    font-size: 0.8rem; font-weight: 700; background: var(--_u-hand, #fbbc04); color: #202124;
  }
  .name { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
  [part~='hand-indicator'] { display: inline-grid; place-items: center; color: var(--_u-hand, #fbbc04); }
  [part~='hand-indicator'] svg, h4 svg { width: 1.1rem; height: 1.1rem; }
  h4 svg { color: var(--_u-hand, #fbbc04); }
  [part~='lower-hand-button'] { min-height: 2rem; padding: 0.15rem 0.6rem; font-size: 0.85rem; }
`;
