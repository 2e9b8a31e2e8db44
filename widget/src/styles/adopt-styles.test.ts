import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { portableRenderRoot, restyleTree } from './adopt-styles.js';

class AdoptInner extends LitElement {
  static override styles = css`p { color: rgb(0, 128, 0); }`;
  protected override createRenderRoot() { return portableRenderRoot(this); }
  override render() { return html`<p>inner</p>`; }
}
class AdoptOuter extends LitElement {
  static override styles = css`p { color: rgb(255, 0, 0); }`;
  protected override createRenderRoot() { return portableRenderRoot(this); }
  override render() { return html`<p>outer</p><adopt-inner></adopt-inner>`; }
}
customElements.define('adopt-inner', AdoptInner);
customElements.define('adopt-outer', AdoptOuter);

describe('styles/adopt-styles', () => {
  it('a rendered subtree moved to another document keeps its shadow-root styles (restyleTree), and again when it comes back', async () => {
    const el = await fixture<AdoptOuter>(html`<adopt-outer></adopt-outer>`);
    const iframe = document.createElement('iframe');
    document.body.append(iframe);
    const other = iframe.contentDocument!;
    const colour = (doc: Document) => [
      doc.defaultView!.getComputedStyle(el.shadowRoot!.querySelector('p')!).color,
      doc.defaultView!.getComputedStyle(el.shadowRoot!.querySelector('adopt-inner')!.shadowRoot!.querySelector('p')!).color,
    ];
    other.body.append(el);
    // What Chromium does on a move: the constructed sheets are dropped…
    expect(colour(other)).to.deep.equal(['rgb(0, 0, 0)', 'rgb(0, 0, 0)']);
    restyleTree(el);
    // …and built again by the other window.
    expect(colour(other)).to.deep.equal(['rgb(255, 0, 0)', 'rgb(0, 128, 0)']);
    document.body.append(el);
    restyleTree(el);
    expect(colour(document)).to.deep.equal(['rgb(255, 0, 0)', 'rgb(0, 128, 0)']);
    iframe.remove();
    el.remove();
  });

  it('an element first connected in another document styles itself there (portableRenderRoot)', async () => {
    const iframe = document.createElement('iframe');
    document.body.append(iframe);
    const other = iframe.contentDocument!;
    const el = document.createElement('adopt-inner') as AdoptInner;
    other.body.append(el);
    await el.updateComplete;
    expect(iframe.contentWindow!.getComputedStyle(el.shadowRoot!.querySelector('p')!).color).to.equal('rgb(0, 128, 0)');
    iframe.remove();
  });
});
