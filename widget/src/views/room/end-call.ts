/**
 * "End for everyone", the host's: a confirmation (`role=alertdialog`, the focus on "Cancel", Escape cancels) before
 * core/host-controls.ts's `end()` asks the service to close the room on the SFU. The call then ends for everyone
 * with `room_deleted` (each widget says the host ended it). A failure stays in the dialog (`role=alert`).
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Translate } from '../../i18n/index.js';
import { formatFlowError, toFlowError } from '../../core/flow-error.js';
import type { HostControlsLike } from '../../controllers/host-controls-controller.js';
import { focusControl } from './more-menu.js';

export { END_CALL_PARTS } from './end-call-parts.js';

export const endCallStyles = css`
  .end-dialog {
    position: absolute; inset-inline: 0.5rem; bottom: 5rem; margin-inline: auto; max-width: 24rem; z-index: 3;
    display: grid; gap: 0.5rem; padding: 0.9rem 1rem; border-radius: var(--_u-radius, 8px);
    background: var(--_u-background, #ffffff); color: var(--_u-text, #111827); box-shadow: 0 6px 24px rgb(0 0 0 / 0.45);
  }
  .end-dialog h3, .end-dialog p { margin: 0; }
  .end-dialog .row { display: flex; gap: 0.5rem; justify-content: flex-end; flex-wrap: wrap; }
  [part~='end-call-error'] { color: var(--_u-danger-text, #7f1d1d); background: var(--_u-danger-surface, #fee2e2); padding: 0.3rem 0.5rem; border-radius: 4px; }
`;

export class EndCallDialog implements ReactiveController {
  private isOpen = false;
  private busy = false;
  private error = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly controls: () => HostControlsLike | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.isOpen = false;
  }

  get open(): boolean {
    return this.isOpen;
  }

  show(): void {
    this.isOpen = true;
    this.error = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('[part~="end-call-cancel"]')?.focus());
  }

  cancel(): void {
    this.isOpen = false;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => focusControl(this.host.renderRoot, 'end-call-button'));
  }

  private async confirm(t: Translate): Promise<void> {
    const api = this.controls();
    if (!api || this.busy) return;
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      await api.end();
      this.isOpen = false;
    } catch (err) {
      this.error = formatFlowError(toFlowError(err), t);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** The dialog while open (hosts only: the room shows the button to hosts only). */
  render(t: Translate, isHost: boolean) {
    if (!this.isOpen || !isHost) return nothing;
    return html`<div part="end-call-dialog" class="end-dialog" role="alertdialog" aria-labelledby="end-call-title" aria-describedby="end-call-desc"
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); this.cancel(); } }}>
      <h3 id="end-call-title">${t('endCall.title')}</h3>
      <p id="end-call-desc">${t('endCall.body')}</p>
      ${this.error ? html`<p part="end-call-error" role="alert">${this.error}</p>` : nothing}
      <div class="row">
        <button part="end-call-cancel" type="button" @click=${() => this.cancel()}>${t('host.cancel')}</button>
        <button part="end-call-confirm" type="button" class="danger" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}
          @click=${() => void this.confirm(t)}>${t('endCall.confirm')}</button>
      </div>
    </div>`;
  }
}
