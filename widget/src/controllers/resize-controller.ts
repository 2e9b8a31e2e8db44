import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks the content-box size of one element of the host's shadow root (ResizeObserver). */
export class ResizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer: ResizeObserver | undefined;
  private target: Element | undefined;
  private raf = 0;
  /** The window of the observed element (the call can move into a picture-in-picture window). */
  private win: Window = window;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  observe(el: Element | null | undefined): void {
    if (!el || el === this.target) return;
    this.observer?.disconnect();
    this.target = el;
    this.win = el.ownerDocument.defaultView ?? window;
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      const w = Math.round(box.width);
      const h = Math.round(box.height);
      if (w !== this.width || h !== this.height) {
        this.width = w;
        this.height = h;
        // Next frame: re-rendering inside the observer callback would trigger "ResizeObserver loop" errors. The frame
        // of the element's own window: the opener tab's frames stop while it is hidden behind a PiP window.
        const win = this.target?.ownerDocument.defaultView ?? window;
        this.win.cancelAnimationFrame(this.raf);
        this.win = win;
        this.raf = win.requestAnimationFrame(() => this.host.requestUpdate());
      }
    });
    this.observer.observe(el);
  }

  hostConnected(): void {
    if (this.target && this.observer) this.observer.observe(this.target);
  }

  hostDisconnected(): void {
    this.win.cancelAnimationFrame(this.raf);
    this.observer?.disconnect();
  }
}
