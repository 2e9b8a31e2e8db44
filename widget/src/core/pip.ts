/**
 * Picture-in-picture for the call (no Lit, no livekit-client).
 *
 * - Document Picture-in-Picture where the browser has it (Chromium 116+): `documentPictureInPicture.requestWindow()`
 *   opens an always-on-top window and the call's element itself MOVES into it — its video keeps playing, its
 *   controls keep working, the page gets a placeholder with a way back. When that window closes (its close button,
 *   `close()`, the call ending) the element moves back in place of the placeholder.
 * - Video picture-in-picture otherwise (`video.requestPictureInPicture()`): the focused video floats, without
 *   controls.
 *
 * Both need a user activation (a click or a key press less than a few seconds ago): without one the browser refuses
 * (`pip_gesture_required`). Styles: moving a shadow-DOM subtree to another document drops its adopted stylesheets;
 * the caller re-adopts them (`adopted` callback, see styles/adopt-styles.ts). The page's custom properties (the
 * `--urbania-*` theme, inherited from the host) and font are copied onto the window's root so the call looks the same.
 *
 * Adaptive stream: livekit-client (2.23) pauses a remote video whose elements are all invisible (IntersectionObserver,
 * tab in the background) unless one of them is in picture-in-picture (`isElementInPiP`: an element whose document is
 * the Document PiP window's — our moved room view's videos are — or `document.pictureInPictureElement` itself, which
 * a `<video>` inside a shadow root never is: the document sees its shadow host). The call session runs with
 * `adaptiveStream: false`, so nothing is paused for visibility and both kinds of PiP keep flowing; should it be
 * turned on, video PiP of a shadow-DOM video would need livekit to look through shadow roots.
 */
import { MeetingError } from './flow-error.js';

export type PipMode = 'document' | 'video';

interface DocumentPictureInPicture extends EventTarget {
  requestWindow(options?: { width?: number; height?: number; disallowReturnToOpener?: boolean; preferInitialWindowPlacement?: boolean }): Promise<Window>;
  readonly window: Window | null;
}

export type PipWindow = Window & typeof globalThis & { documentPictureInPicture?: DocumentPictureInPicture };

/** What this browser offers. */
export function pipSupport(win: PipWindow = window as PipWindow): { document: boolean; video: boolean } {
  return {
    document: typeof win.documentPictureInPicture?.requestWindow === 'function',
    video: Boolean(win.document.pictureInPictureEnabled) && typeof win.HTMLVideoElement?.prototype.requestPictureInPicture === 'function',
  };
}

export interface PipOpenOptions {
  /** Document PiP: the element that moves into the window (the call with its controls). */
  element: HTMLElement;
  /** Document PiP: put in the element's place meanwhile. */
  placeholder: HTMLElement;
  /** Video PiP: the video to float (the focused one). */
  video: () => HTMLVideoElement | undefined;
  /** Called after `element` moved into another document (the PiP window, or back): re-adopt shadow-root styles. */
  adopted?: (element: HTMLElement) => void;
  /** Copy the inherited custom properties and font of this element onto the PiP window (default: `element`). */
  themeFrom?: Element;
  /** Initial size of the PiP window (the browser may ignore it). */
  width?: number;
  height?: number;
  title?: string;
  lang?: string;
  /** Use only this mode (tests; default: document where available, else video). */
  prefer?: PipMode;
}

/** Typed failure: `pip_unsupported`, `pip_gesture_required` (no user activation) or `pip_failed`. */
function pipError(err: unknown): MeetingError {
  if (err instanceof MeetingError) return err;
  const name = (err as { name?: string } | null)?.name;
  const message = String((err as Error | null)?.message ?? err);
  if (name === 'NotAllowedError' || name === 'SecurityError') return new MeetingError('pip_gesture_required', message, undefined, { cause: err });
  if (name === 'NotSupportedError') return new MeetingError('pip_unsupported', message, undefined, { cause: err });
  return new MeetingError('pip_failed', message, undefined, { cause: err });
}

export class PictureInPicture {
  private _mode: PipMode | undefined;
  private pipWindow: Window | undefined;
  private moved: { element: HTMLElement; placeholder: HTMLElement; adopted?: ((el: HTMLElement) => void) | undefined } | undefined;
  private video: HTMLVideoElement | undefined;
  private readonly changed: (mode: PipMode | undefined) => void;

  /** `onChange` hears every open and close (whoever closed it: us, the window's own button, the browser). */
  constructor(onChange: (mode: PipMode | undefined) => void = () => {}, private readonly win: PipWindow = window as PipWindow) {
    this.changed = onChange;
  }

  get mode(): PipMode | undefined { return this._mode; }

  /** The Document PiP window while open. */
  get window(): Window | undefined { return this.pipWindow; }

  async open(o: PipOpenOptions): Promise<PipMode> {
    if (this._mode) return this._mode;
    const support = pipSupport(this.win);
    const mode: PipMode | undefined = o.prefer
      ? (support[o.prefer] ? o.prefer : undefined)
      : support.document ? 'document' : support.video ? 'video' : undefined;
    if (!mode) throw new MeetingError('pip_unsupported', 'no picture-in-picture in this browser');
    try {
      if (mode === 'document') await this.openDocument(o);
      else await this.openVideo(o);
    } catch (err) {
      throw pipError(err);
    }
    return mode;
  }

  /** Close whatever is open (the element goes back into the page). Safe to call when nothing is open. */
  close(): void {
    if (this._mode === 'document') this.pipWindow?.close();
    else if (this._mode === 'video' && this.win.document.pictureInPictureElement) void this.win.document.exitPictureInPicture().catch(() => {});
    // The close events finish the job; do it now too in case they never come (window already gone).
    this.closed();
  }

  private async openDocument(o: PipOpenOptions): Promise<void> {
    const dpip = this.win.documentPictureInPicture!;
    // The request comes first, before any await: it consumes the user activation.
    const pw = await dpip.requestWindow({ width: o.width ?? 480, height: o.height ?? 400 }) as PipWindow;
    const doc = pw.document;
    if (o.title) doc.title = o.title;
    if (o.lang) doc.documentElement.lang = o.lang;
    copyTheme(o.themeFrom ?? o.element, doc.documentElement);
    // The window's own page: full height, no margin (a constructed sheet, so a strict CSP allows it).
    const sheet = new pw.CSSStyleSheet();
    sheet.replaceSync('html, body { height: 100%; margin: 0; } body { background: var(--_u-stage, #111318); } body > * { height: 100%; --urbania-min-height: 0px; }');
    doc.adoptedStyleSheets = [sheet];
    o.element.replaceWith(o.placeholder);
    doc.body.append(o.element);
    o.adopted?.(o.element);
    this.pipWindow = pw;
    this.moved = { element: o.element, placeholder: o.placeholder, adopted: o.adopted };
    this._mode = 'document';
    pw.addEventListener('pagehide', () => this.closed(), { once: true });
    this.changed('document');
  }

  private async openVideo(o: PipOpenOptions): Promise<void> {
    const video = o.video();
    if (!video) throw new MeetingError('pip_unsupported', 'no video to show in picture-in-picture');
    await video.requestPictureInPicture();
    this.video = video;
    this._mode = 'video';
    video.addEventListener('leavepictureinpicture', () => this.closed(), { once: true });
    this.changed('video');
  }

  private closed(): void {
    if (!this._mode) return;
    const moved = this.moved;
    this.moved = undefined;
    this.pipWindow = undefined;
    this.video = undefined;
    this._mode = undefined;
    if (moved) {
      // Back in place of the placeholder; if the page dropped the placeholder meanwhile (the call view went away),
      // the element goes with the window.
      if (moved.placeholder.isConnected) {
        moved.placeholder.replaceWith(moved.element);
        moved.adopted?.(moved.element);
      } else {
        moved.element.remove();
      }
    }
    this.changed(undefined);
  }
}

/** The inherited custom properties (theme tokens), font and colour scheme of `from`, set inline on `to`. */
export function copyTheme(from: Element, to: HTMLElement): void {
  const view = from.ownerDocument.defaultView;
  if (!view) return;
  const cs = view.getComputedStyle(from);
  for (let i = 0; i < cs.length; i++) {
    const name = cs[i]!;
    if (name.startsWith('--')) to.style.setProperty(name, cs.getPropertyValue(name));
  }
  for (const name of ['font-family', 'color-scheme', 'color']) to.style.setProperty(name, cs.getPropertyValue(name));
}
