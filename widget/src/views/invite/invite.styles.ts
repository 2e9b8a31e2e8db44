import { css } from 'lit';

export default css`
  section { display: grid; gap: 1rem; padding: 1rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1rem; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  ul { margin: 0; padding-left: 1.2rem; }
  @container (max-width: 400px) {
    dl { grid-template-columns: 1fr; }
    dd { margin-bottom: 0.4rem; }
  }
`;
