/**
 * Shadow-root styles that follow an element into another document (a Document Picture-in-Picture window).
 *
 * Lit adopts constructed stylesheets (`adoptedStyleSheets`), which belong to the document that built them:
 * Chromium empties a shadow root's `adoptedStyleSheets` when its host moves to another document, and refuses
 * ("Sharing constructed stylesheets in multiple documents is not allowed") sheets built by another document.
 * So, in another window, the same CSS is built again with that window's `CSSStyleSheet` (once per window and
 * style), still as constructed sheets, hence allowed by a strict CSP (no `<style>` element).
 *
 * - `portableRenderRoot(this)` in an element's `createRenderRoot()`: the element styles itself in whichever
 *   document it is first connected (a panel opened while the call is in the PiP window).
 * - `restyleTree(el)` after moving an already-rendered subtree: every Lit shadow root in it re-adopts its styles.
 */
import { adoptStyles, type CSSResultOrNative, type ReactiveElement } from 'lit';

const perWindow = new WeakMap<Window, Map<CSSResultOrNative, CSSStyleSheet>>();

function cssText(s: CSSResultOrNative): string {
  if (s instanceof CSSStyleSheet) return [...s.cssRules].map((r) => r.cssText).join('\n');
  return s.cssText;
}

/** Adopt `styles` into `root`, built by the root's own window when that is not this one. */
export function adoptStylesIn(root: ShadowRoot, styles: readonly CSSResultOrNative[]): void {
  const win = root.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (!win || win === window) {
    adoptStyles(root, [...styles]);
    return;
  }
  let cache = perWindow.get(win);
  if (!cache) perWindow.set(win, (cache = new Map()));
  root.adoptedStyleSheets = styles.map((s) => {
    let sheet = cache!.get(s);
    if (!sheet) {
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(cssText(s));
      cache!.set(s, sheet);
    }
    return sheet;
  });
}

type LitClass = typeof ReactiveElement;

/** For `createRenderRoot()`: the element's shadow root, styled for the document it is in. */
export function portableRenderRoot(el: ReactiveElement): ShadowRoot {
  const ctor = el.constructor as LitClass;
  const root = el.shadowRoot ?? el.attachShadow(ctor.shadowRootOptions);
  adoptStylesIn(root, ctor.elementStyles);
  return root;
}

/** After `el` moved to another document: every Lit element's shadow root in the subtree adopts its styles again. */
export function restyleTree(el: Element): void {
  const visit = (node: Element) => {
    const root = node.shadowRoot;
    const styles = (node.constructor as Partial<LitClass>).elementStyles;
    if (root && styles) adoptStylesIn(root, styles);
    for (const child of node.children) visit(child);
    if (root) for (const child of root.children) visit(child);
  };
  visit(el);
}
