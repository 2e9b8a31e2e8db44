import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks the content-box size of one element of the host's shadow root (ResizeObserver). */
export class ResizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer: ResizeObserver | undefined;
  private target: Element | undefined;
  private raf = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  observe(el: Element | null | undefined): void {
    if (!el || el === this.target) return;
    this.observer?.disconnect();
    this.target = el;
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      const w = Math.round(box.width);
      const h = Math.round(box.height);
      if (w !== this.width || h !== this.height) {
        this.width = w;
        this.height = h;
        // Next frame: re-rendering inside the observer callback would trigger "ResizeObserver loop" errors.
        cancelAnimationFrame(this.raf);
        this.raf = requestAnimationFrame(() => this.host.requestUpdate());
      }
    });
    this.observer.observe(el);
  }

  hostConnected(): void {
    if (this.target && this.observer) this.observer.observe(this.target);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.raf);
    this.observer?.disconnect();
  }
}
