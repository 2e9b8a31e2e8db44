import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { escapeCloses } from '../panel-keys.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { portableRenderRoot } from '../../styles/adopt-styles.js';
import styles from './invite-panel.styles.js';
import { translator, type Locale } from '../../i18n/room.js';
import { formatFlowError, toFlowError } from '../../core/flow-error.js';
import type { HostInvite } from '../../core/host-controls.js';
import type { InviteRole } from '../../core/service-client.js';
import { HostControlsController, type HostControlsLike } from '../../controllers/host-controls-controller.js';

declare global {
  interface HTMLElementEventMap {
    'invites-close': CustomEvent<void>;
  }
}

/**
 * Internal invite-links panel of the room view, for hosts: creates an invite link through the service (in a webinar,
 * for a speaker or for the audience), shows its URL in a read-only field with a copy button (the Clipboard API; where
 * it is missing or refused, the URL is selected for Ctrl+C and the panel says so), and lists the links made in this
 * call with a copy button (the link shows in that field again, copied the same way: the field is gone once the panel
 * closed, the list is kept) and a revoke button. Everything goes through core/host-controls.ts. Escape or the close button fire the
 * internal `invites-close` event.
 *
 * @csspart invites-panel - The panel container.
 * @csspart invites-close - Close button.
 * @csspart invites-role - Webinars: who the link is for (speaker or audience).
 * @csspart invites-create - Creates a link.
 * @csspart invites-url - The new link's URL (read-only, selected on focus).
 * @csspart invites-copy - Copies the URL.
 * @csspart invites-copy-status - "Copied", or how to copy by hand (`data-status` `copied` | `manual`).
 * @csspart invites-list - The links made in this call.
 * @csspart invites-item - One link (`data-id`, `data-role`).
 * @csspart invites-item-copy - Copies that link again (it shows in the URL field, selected when the clipboard fails).
 * @csspart invites-revoke - Revokes that link at once.
 * @csspart invites-error - Why creating or revoking failed.
 */
export class UrbaniaInvitePanel extends LitElement {
  static override styles = [sharedStyles, styles];

  protected override createRenderRoot(): ShadowRoot {
    return portableRenderRoot(this);
  }

  @property() locale: Locale = 'fr';
  /** The host's controls (createInvite, revokeInvite and the links made). */
  @property({ attribute: false }) hostControls: HostControlsLike | undefined;
  private readonly hostCtl = new HostControlsController(this);
  @state() private inviteRole: InviteRole = 'participant';
  /** The link just made (or chosen in the list to copy again), whose URL is shown. */
  @state() private last: HostInvite | undefined;
  @state() private copy: 'copied' | 'manual' | '' = '';
  @state() private error = '';
  @state() private busy = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hostControls')) this.hostCtl.set(this.hostControls);
  }

  /** Puts the keyboard on the create button. */
  override focus(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="invites-create"]')?.focus());
  }

  private fail(err: unknown, revoking = false): void {
    const e = toFlowError(err);
    const t = translator(this.locale);
    // The service's not_found on a revocation is about the link, not the room.
    this.error = revoking && e.code === 'not_found' ? t('invites.notFound') : formatFlowError(e, t);
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const api = this.hostControls;
    if (!api || this.busy) return;
    this.busy = true;
    this.error = '';
    this.copy = '';
    try {
      this.last = await api.createInvite({ role: this.hostCtl.state?.webinar ? this.inviteRole : 'participant' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[part~="invites-url"]')?.focus();
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  /** A listed link, copied again: shown in the URL field, then the one copy path. */
  private async copyListed(invite: HostInvite): Promise<void> {
    this.last = invite;
    this.copy = '';
    await this.updateComplete;
    await this.copyUrl();
  }

  private async copyUrl(): Promise<void> {
    const url = this.last?.url;
    if (!url) return;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      this.copy = 'copied';
    } catch {
      // No Clipboard API (insecure page, refused permission): the URL selected, for Ctrl+C.
      this.copy = 'manual';
      const input = this.renderRoot.querySelector<HTMLInputElement>('[part~="invites-url"]');
      input?.focus();
      input?.select();
    }
  }

  private async revoke(id: string): Promise<void> {
    this.error = '';
    try {
      await this.hostControls?.revokeInvite(id);
      if (this.last?.id === id) this.last = undefined;
    } catch (err) {
      this.fail(err, true);
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('invites-close', { bubbles: true }));
  }

  protected override render() {
    const t = translator(this.locale);
    const s = this.hostCtl.state;
    const roleName = (r: InviteRole) => t(r === 'audience' ? 'invites.roleAudience' : s?.webinar ? 'invites.roleSpeaker' : 'invites.roleParticipant');
    const time = (iso: string) => new Date(iso).toLocaleString(this.locale === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' });
    return html`<aside part="invites-panel" lang=${this.locale} aria-labelledby="invites-title" @keydown=${(e: KeyboardEvent) => escapeCloses(e, () => this.close())}>
      <header>
        <h3 id="invites-title">${t('invites.title')}</h3>
        <button part="invites-close" type="button" aria-label=${t('invites.close')} @click=${this.close}>×</button>
      </header>
      <div class="body">
        <form @submit=${this.create}>
          ${s?.webinar
            ? html`<label>${t('invites.role')}
                <select part="invites-role" .value=${this.inviteRole} @change=${(e: Event) => { this.inviteRole = (e.target as HTMLSelectElement).value as InviteRole; }}>
                  <option value="participant">${t('invites.roleSpeaker')}</option>
                  <option value="audience">${t('invites.roleAudience')}</option>
                </select></label>`
            : nothing}
          <button part="invites-create" class="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${t('invites.create')}</button>
        </form>
        ${this.error ? html`<p part="invites-error" role="alert">${this.error}</p>` : nothing}
        ${this.last
          ? html`<div class="link">
              <label for="invite-url">${t('invites.url', { role: roleName(this.last.role) })}</label>
              <div class="copy">
                <input id="invite-url" part="invites-url" type="text" readonly .value=${this.last.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
                <button part="invites-copy" type="button" @click=${() => void this.copyUrl()}>${t('invites.copy')}</button>
              </div>
              <p part="invites-copy-status" role="status" data-status=${this.copy || nothing}>${this.copy === 'copied' ? t('invites.copied') : this.copy === 'manual' ? t('invites.copyManual') : ''}</p>
            </div>`
          : nothing}
        ${s?.invites.length
          ? html`<h4 id="invites-made">${t('invites.made', { count: s.invites.length })}</h4>
            <ul part="invites-list" aria-labelledby="invites-made">
              ${repeat(s.invites, (i) => i.id, (i) => html`<li part="invites-item" data-id=${i.id} data-role=${i.role}>
                <span>${t('invites.item', { role: roleName(i.role), time: time(i.expiresAt) })}</span>
                <button part="invites-item-copy" type="button" aria-label=${t('invites.copyNamed', { role: roleName(i.role), time: time(i.expiresAt) })}
                  @click=${() => void this.copyListed(i)}>${t('invites.copyShort')}</button>
                <button part="invites-revoke" type="button" class="danger" ?disabled=${this.hostControls?.isPending('revoke', i.id) ?? false}
                  aria-label=${t('invites.revokeNamed', { role: roleName(i.role), time: time(i.expiresAt) })}
                  @click=${() => void this.revoke(i.id)}>${t('invites.revoke')}</button>
              </li>`)}
            </ul>`
          : nothing}
      </div>
    </aside>`;
  }
}
