import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { SubscriptionController } from '../../controllers/subscription-controller.js';
import { property, state } from 'lit/decorators.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { portableRenderRoot } from '../../styles/adopt-styles.js';
import styles from './device-menu.styles.js';
import { translator, type Locale, type Translate } from '../../i18n/room.js';
import type { CallDevices, DeviceKind, DeviceOption, DevicesState } from '../../core/devices.js';

declare global {
  interface HTMLElementEventMap {
    /** A device was picked in the menu: the room runs it through the element's setDevice(). */
    'device-select': CustomEvent<{ kind: DeviceKind; deviceId: string }>;
  }
}

/** What the menu needs from the call's devices (lets tests pass a fake). */
export type DevicesLike = Pick<CallDevices, 'state' | 'subscribe'>;

/** Which menu: the microphone's (microphones, then speakers), the camera's, or speakers alone (no microphone). */
export type DeviceMenuGroup = 'audio' | 'video' | 'output';

const GROUP_KINDS: Record<DeviceMenuGroup, DeviceKind[]> = {
  audio: ['audioinput', 'audiooutput'], video: ['videoinput'], output: ['audiooutput'],
};
const GROUP_LABEL = { audio: 'devices.menuAudio', video: 'devices.menuVideo', output: 'devices.menuOutput' } as const;

/** The kinds a menu lists in this call (those the participant may choose). */
export function menuKinds(group: DeviceMenuGroup, s: DevicesState | undefined): DeviceKind[] {
  return s?.live ? GROUP_KINDS[group].filter((k) => s.allowed[k]) : [];
}

/** The checked device of a list: the active one, else `default`, else the first. */
export function checkedDevice(list: readonly DeviceOption[], active: string): string | undefined {
  if (list.some((d) => d.deviceId === active)) return active;
  return (list.find((d) => d.deviceId === 'default') ?? list[0])?.deviceId;
}

const chevron = html`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" fill="currentColor">${svg`<path d="M7.4 15.4 12 10.8l4.6 4.6L18 14l-6-6-6 6z"/>`}</svg>`;
const check = html`<svg class="check" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="currentColor">${svg`<path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z"/>`}</svg>`;

/**
 * Internal device menu of the room's control bar, beside the microphone or camera toggle (like Google Meet's
 * chevrons): a button that opens a menu of `menuitemradio`s, grouped by kind, the device in use checked.
 * Keyboard: Enter, Space or ↑/↓ on the chevron open it on the checked device; ↑/↓/Home/End move; Enter or Space
 * picks; Escape closes back to the chevron; Tab or a click elsewhere closes. Picking fires `device-select`.
 *
 * @csspart device-menu-toggle - The chevron button (`aria-haspopup=menu`, `aria-expanded`).
 * @csspart device-menu - The open menu (`role=menu`).
 * @csspart device-option - One device (`role=menuitemradio`, `aria-checked`, `data-kind`, `data-device-id`).
 */
export class UrbaniaDeviceMenu extends LitElement {
  static override styles = [sharedStyles, styles];

  /** Styled in whichever document it is in (opened while the call is in a picture-in-picture window). */
  protected override createRenderRoot(): ShadowRoot {
    return portableRenderRoot(this);
  }

  @property() locale: Locale = 'fr';
  @property() group: DeviceMenuGroup = 'audio';
  @property({ attribute: false }) devices: DevicesLike | undefined;
  @state() private open = false;
  private readonly devicesStateSub = new SubscriptionController<DevicesState | undefined>(this, undefined);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.setOpen(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('devices')) this.devicesStateSub.set(this.devices);
  }

  private readonly onOutside = (e: Event): void => {
    if (!e.composedPath().includes(this)) this.setOpen(false);
  };

  private setOpen(open: boolean, focus: 'checked' | 'first' | 'last' | 'toggle' | undefined = undefined): void {
    if (open !== this.open) {
      this.open = open;
      if (open) document.addEventListener('pointerdown', this.onOutside, true);
      else document.removeEventListener('pointerdown', this.onOutside, true);
    }
    if (!focus) return;
    void this.updateComplete.then(() => {
      if (focus === 'toggle') return this.toggleButton()?.focus();
      const items = this.items();
      const target = focus === 'first' ? items[0] : focus === 'last' ? items[items.length - 1]
        : items.find((i) => i.getAttribute('aria-checked') === 'true') ?? items[0];
      target?.focus();
    });
  }

  private toggleButton(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part="device-menu-toggle"]');
  }

  private items(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[part="device-option"]')];
  }

  private onToggleKeydown(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.setOpen(true, e.key === 'ArrowDown' ? 'checked' : 'last');
    }
  }

  private onMenuKeydown(e: KeyboardEvent): void {
    const items = this.items();
    const at = items.indexOf(e.composedPath()[0] as HTMLElement);
    const move = (i: number) => { e.preventDefault(); items[(i + items.length) % items.length]?.focus(); };
    switch (e.key) {
      case 'ArrowDown': return move(at + 1);
      case 'ArrowUp': return move(at - 1);
      case 'Home': return move(0);
      case 'End': return move(items.length - 1);
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        return this.setOpen(false, 'toggle');
      case 'Tab':
        return this.setOpen(false);
    }
  }

  private pick(kind: DeviceKind, deviceId: string): void {
    this.setOpen(false, 'toggle');
    this.dispatchEvent(new CustomEvent('device-select', { detail: { kind, deviceId }, bubbles: true }));
  }

  private renderGroup(kind: DeviceKind, s: DevicesState, t: Translate) {
    const list = s.lists[kind];
    const checked = checkedDevice(list, s.active[kind]);
    const name = t(`devices.${kind}`);
    return html`<div role="group" aria-label=${name}>
      <div class="title" aria-hidden="true">${name}</div>
      ${list.length
        ? list.map((d, i) => html`<button part="device-option" type="button" role="menuitemradio" tabindex="-1"
            aria-checked=${d.deviceId === checked ? 'true' : 'false'} data-kind=${kind} data-device-id=${d.deviceId}
            @click=${() => this.pick(kind, d.deviceId)}>${check}<span class="label">${d.label || t('devices.unnamed', { kind: name, n: i + 1 })}</span></button>`)
        : html`<div class="empty" role="menuitemradio" aria-checked="false" aria-disabled="true">${t('devices.none')}</div>`}
    </div>`;
  }

  protected override render() {
    const t = translator(this.locale);
    const s = this.devicesStateSub.value;
    const kinds = menuKinds(this.group, s);
    if (!s || !kinds.length) return nothing;
    const label = t(GROUP_LABEL[this.group]);
    return html`<button part="device-menu-toggle" type="button" aria-label=${label} data-tip=${label}
        aria-haspopup="menu" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="menu"
        @click=${() => this.setOpen(!this.open, this.open ? undefined : 'checked')} @keydown=${this.onToggleKeydown}>${chevron}</button>
      ${this.open
        ? html`<div part="device-menu" id="menu" role="menu" aria-label=${label} lang=${this.locale} @keydown=${this.onMenuKeydown}>
            ${kinds.map((k) => this.renderGroup(k, s, t))}
          </div>`
        : nothing}`;
  }
}
