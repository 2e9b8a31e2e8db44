import { css } from 'lit';

export default css`
  form { display: grid; gap: 1rem; padding: 1rem; }
  .settings { display: grid; gap: 1rem; }
  .field { display: grid; gap: 0.25rem; }
  .field > span:first-child, legend { font-weight: 600; }
  .hint { font-size: 0.85rem; }
  fieldset { border: 1px solid var(--_u-border, #6b7280); border-radius: var(--_u-radius, 8px); padding: 0.5rem 0.75rem; margin: 0; min-width: 0; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; }
  li { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; }
  label.check { display: inline-flex; align-items: center; gap: 0.4rem; }
  .media { display: grid; gap: 0.75rem; }
  .preview {
    position: relative; width: 100%; max-width: 480px; aspect-ratio: 16 / 9;
    background: var(--_u-tile, #1f2937); border-radius: var(--_u-radius, 8px); overflow: hidden;
    display: grid; place-items: center; color: #f9fafb;
  }
  .preview video { width: 100%; height: 100%; object-fit: cover; transform: scaleX(-1); }
  meter { width: 100%; max-width: 240px; height: 0.75rem; }
  .devices { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); }
  .media-error { color: var(--_u-danger-text, #991b1b); margin: 0; }
  .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; }
  @container (min-width: 640px) {
    form { grid-template-columns: 1fr 1fr; align-items: start; }
    .settings, .media { grid-column: span 1; }
    .actions, h2 { grid-column: 1 / -1; }
  }
`;
