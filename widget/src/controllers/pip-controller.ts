import { html, render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { PictureInPicture, pipSupport, type PipMode } from '../core/pip.js';
import { MeetingError } from '../core/flow-error.js';
import { restyleTree } from '../styles/adopt-styles.js';
import type { Translate } from '../i18n/index.js';

/**
 * Picture-in-picture of <urbania-meeting>'s room view (core/pip.ts does the work): the placeholder left in the page
 * (`pip-placeholder`, with a `pip-return` button), styles re-adopted after each move (styles/adopt-styles.ts), the
 * mode for the room's toggle. Closes when the call ends or the host goes away.
 */
export class PipController implements ReactiveController {
  private readonly pip = new PictureInPicture((mode) => {
    this.mode = mode;
    this.host.requestUpdate();
  });
  /** Open now, and how. */
  mode: PipMode | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The browser has some picture-in-picture (the room shows its button). */
  get available(): boolean {
    const s = pipSupport();
    return s.document || s.video;
  }

  /** Open the room view (an `<urbania-room>`) in a floating window; resolves with the mode. */
  async open(room: (HTMLElement & { pipVideo(): HTMLVideoElement | undefined }) | null | undefined, t: Translate, lang: string): Promise<PipMode> {
    if (this.pip.mode) return this.pip.mode;
    if (!room) throw new MeetingError('not_in_call');
    const placeholder = pipPlaceholder(this.host.ownerDocument, t, lang, () => this.close());
    return this.pip.open({
      element: room, placeholder, video: () => room.pipVideo(), adopted: restyleTree, themeFrom: room,
      title: t('room.pip'), lang, width: 480, height: 420,
    });
  }

  close(): void {
    this.pip.close();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.pip.close();
  }
}

/** What the page shows while the call is in the PiP window: a note and a button that brings the call back. */
export function pipPlaceholder(doc: Document, t: Translate, lang: string, onReturn: () => void): HTMLElement {
  const placeholder = doc.createElement('div');
  placeholder.className = 'pip-placeholder';
  placeholder.setAttribute('part', 'pip-placeholder');
  placeholder.setAttribute('role', 'status');
  placeholder.lang = lang;
  render(html`<p>${t('pip.placeholder')}</p>
    <button part="pip-return" type="button" class="primary" @click=${onReturn}>${t('pip.return')}</button>`, placeholder);
  return placeholder;
}
