import { UrbaniaStatsPanel } from './stats-panel.component.js';

export { UrbaniaStatsPanel };

if (!customElements.get('urbania-stats-panel')) customElements.define('urbania-stats-panel', UrbaniaStatsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'urbania-stats-panel': UrbaniaStatsPanel;
  }
}
