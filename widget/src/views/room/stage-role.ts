/**
 * A webinar participant moved on or off the stage by the host, live (ParticipantPermissionsChanged: the call state's
 * `canPublish` changes without a rejoin). The room shows a notice: promoted, with a button that turns the microphone
 * on (nothing is captured without the person's gesture); demoted, saying they no longer broadcast.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n/index.js';
import type { CallState } from '../../core/call-session.js';

export const STAGE_ROLE_PARTS = ['stage-role-notice', 'stage-role-mic'] as const;

export class StageRoleWatcher {
  /** The last change, until dismissed or the next one. */
  change: 'promoted' | 'demoted' | undefined;
  private canPublish: boolean | undefined;

  /** Follows the call state; returns true when the notice changed. */
  update(s: CallState): boolean {
    const before = this.change;
    if (s.connection !== 'connected' && s.connection !== 'reconnecting') {
      this.canPublish = undefined;
      this.change = undefined;
    } else if (this.canPublish === undefined) {
      this.canPublish = s.canPublish;
    } else if (s.canPublish !== this.canPublish) {
      this.canPublish = s.canPublish;
      this.change = s.canPublish ? 'promoted' : 'demoted';
    } else if (this.change === 'promoted' && s.micEnabled) {
      this.change = undefined; // done: they are speaking
    }
    return before !== this.change;
  }

  dismiss(): void {
    this.change = undefined;
  }
}

export function renderStageRole(w: StageRoleWatcher, t: Translate, on: { mic(): void; dismiss(): void }): TemplateResult | typeof nothing {
  if (!w.change) return nothing;
  return html`<div part="stage-role-notice" class="notice stage-role" role="status" data-change=${w.change}>
    <span>${t(w.change === 'promoted' ? 'stage.promoted' : 'stage.demoted')}</span>
    ${w.change === 'promoted' ? html`<button part="stage-role-mic" type="button" class="primary" @click=${on.mic}>${t('stage.promotedMic')}</button>` : nothing}
    <button type="button" class="host-btn" aria-label=${t('error.dismiss')} @click=${on.dismiss}>×</button>
  </div>`;
}
