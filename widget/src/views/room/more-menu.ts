/**
 * The control bar's "More options" menu (narrow bar, see core/control-overflow.ts): a menu button
 * (`aria-haspopup="menu"`, `aria-expanded`) and a `role=menu` of the controls that did not stay in the bar, each a
 * `menuitem` (`menuitemcheckbox` for a pressed toggle) with its label, its state and the bar button's own handler.
 * Arrow keys, Home and End move between items; Escape closes and returns to the button; Tab or a click outside closes.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n/index.js';
import { icons } from './icons.js';

export interface MoreMenuItem {
  /** The bar button's part, kept on the item (`layout-toggle`…). */
  part: string;
  label: string;
  icon: unknown;
  onClick: () => void;
  /** A pressed toggle (`aria-pressed` in the bar): a `menuitemcheckbox`. */
  checked?: boolean | undefined;
  /** Opens a panel (`aria-expanded` in the bar). */
  expanded?: boolean | undefined;
  variant?: 'danger' | undefined;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

/** Focuses a control of the bar by part, or the "More options" button when that control is in the menu. */
export function focusControl(root: ParentNode, part: string): void {
  (root.querySelector<HTMLElement>(`.controls > [part~="${part}"]`) ?? root.querySelector<HTMLElement>('[part~="more-button"]'))?.focus();
}

export class MoreMenu {
  private isOpen = false;
  private doc: Document | undefined;

  constructor(private readonly host: Host) {}

  get open(): boolean {
    return this.isOpen;
  }

  /** Opens the menu and focuses its first (or last) item. */
  show(focus: 'first' | 'last' = 'first'): void {
    this.isOpen = true;
    this.listen(true);
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const items = this.items();
      (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
    });
  }

  /** Closes the menu, the focus back on its button when `returnFocus`. */
  close(returnFocus: boolean): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.listen(false);
    this.host.requestUpdate();
    if (returnFocus) this.button()?.focus();
  }

  /** The button and, when open, the menu. Nothing when no control went into the menu. */
  render(t: Translate, items: readonly MoreMenuItem[]): TemplateResult | typeof nothing {
    if (!items.length) {
      if (this.isOpen) { this.isOpen = false; this.listen(false); }
      return nothing;
    }
    return html`<button part="more-button" type="button" class="ctl" id="more-button" aria-haspopup="menu"
        aria-expanded=${this.isOpen ? 'true' : 'false'} aria-controls=${this.isOpen ? 'more-menu' : nothing}
        aria-label=${t('room.more')} data-tip=${t('room.more')}
        @click=${() => (this.isOpen ? this.close(false) : this.show())} @keydown=${this.onButtonKey}>${icons.more}</button>${this.isOpen
      ? html`<div part="more-menu" id="more-menu" class="more-menu" role="menu" aria-labelledby="more-button" @keydown=${this.onMenuKey}>
          ${items.map((i) => html`<button part=${i.part} type="button" tabindex="-1" class="item ${i.variant ?? ''}"
            role=${i.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked=${i.checked === undefined ? nothing : i.checked ? 'true' : 'false'}
            aria-expanded=${i.expanded === undefined ? nothing : i.expanded ? 'true' : 'false'}
            @click=${() => { this.close(true); i.onClick(); }}>${i.icon}<span>${i.label}</span></button>`)}
        </div>`
      : nothing}`;
  }

  private button(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('[part~="more-button"]');
  }

  private items(): HTMLElement[] {
    return [...this.host.renderRoot.querySelectorAll<HTMLElement>('[part~="more-menu"] [role^="menuitem"]')];
  }

  private onButtonKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    this.show(e.key === 'ArrowDown' ? 'first' : 'last');
  };

  private onMenuKey = (e: KeyboardEvent): void => {
    const items = this.items();
    const at = items.indexOf(e.composedPath()[0] as HTMLElement);
    const go = (i: number) => { e.preventDefault(); items[(i + items.length) % items.length]?.focus(); };
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); this.close(true); }
    else if (e.key === 'Tab') this.close(false);
  };

  /** A press outside the button and the menu closes it (in the element's own document: the call can be in PiP). */
  private onPointerDown = (e: Event): void => {
    const inside = e.composedPath().some((n) => n instanceof HTMLElement && /\bmore-(button|menu)\b/.test(n.getAttribute('part') ?? ''));
    if (!inside) this.close(false);
  };

  private listen(on: boolean): void {
    this.doc?.removeEventListener('pointerdown', this.onPointerDown, true);
    this.doc = undefined;
    if (!on) return;
    this.doc = this.host.ownerDocument;
    this.doc.addEventListener('pointerdown', this.onPointerDown, true);
  }
}
