import { expect } from '@open-wc/testing';
import { PictureInPicture, copyTheme, pipSupport, type PipWindow } from './pip.js';
import { MeetingError } from './flow-error.js';

/** A window whose Document PiP "window" is a same-origin iframe (a real other document), opened on request. */
function fakeDocumentPip(options: { refuse?: string } = {}) {
  const iframe = document.createElement('iframe');
  document.body.append(iframe);
  const pw = iframe.contentWindow as PipWindow;
  let closed = false;
  const closeFake = () => { if (closed) return; closed = true; pw.dispatchEvent(new Event('pagehide')); };
  pw.close = closeFake;
  const requests: unknown[] = [];
  const win = {
    document,
    HTMLVideoElement,
    documentPictureInPicture: Object.assign(new EventTarget(), {
      window: null,
      async requestWindow(o: unknown) {
        requests.push(o);
        if (options.refuse) throw Object.assign(new Error('refused'), { name: options.refuse });
        return pw;
      },
    }),
  } as unknown as PipWindow;
  return { win, pw, requests, iframe };
}

describe('core/pip', () => {
  it('pipSupport reports what this Chromium has (Document PiP and video PiP)', () => {
    expect(pipSupport()).to.deep.equal({ document: true, video: true });
    expect(pipSupport({ document: { pictureInPictureEnabled: false }, HTMLVideoElement } as unknown as PipWindow)).to.deep.equal({ document: false, video: false });
  });

  it('no picture-in-picture at all: pip_unsupported', async () => {
    const pip = new PictureInPicture(() => {}, { document: { pictureInPictureEnabled: false }, HTMLVideoElement } as unknown as PipWindow);
    const err = await pip.open({ element: document.createElement('div'), placeholder: document.createElement('div'), video: () => undefined }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(MeetingError);
    expect((err as MeetingError).code).to.equal('pip_unsupported');
  });

  it('a refusal without user activation is pip_gesture_required; the element stays in place', async () => {
    const { win, iframe } = fakeDocumentPip({ refuse: 'NotAllowedError' });
    const host = document.createElement('div');
    const el = document.createElement('section');
    host.append(el);
    document.body.append(host);
    const err = await new PictureInPicture(() => {}, win).open({ element: el, placeholder: document.createElement('div'), video: () => undefined }).catch((e: unknown) => e);
    expect((err as MeetingError).code).to.equal('pip_gesture_required');
    expect(el.parentElement).to.equal(host);
    host.remove(); iframe.remove();
  });

  it('Document PiP: the element moves into the window (theme copied, adopted callback) and back in place of the placeholder on close', async () => {
    const { win, pw, requests, iframe } = fakeDocumentPip();
    const host = document.createElement('div');
    host.style.setProperty('--urbania-stage-background', 'rgb(9, 8, 7)');
    const el = document.createElement('section');
    host.append(el);
    document.body.append(host);
    const placeholder = document.createElement('p');
    const modes: (string | undefined)[] = [];
    const adopted: Document[] = [];
    const pip = new PictureInPicture((m) => modes.push(m), win);
    const mode = await pip.open({ element: el, placeholder, video: () => undefined, adopted: (e) => adopted.push(e.ownerDocument), title: 'Appel', lang: 'fr' });
    expect(mode).to.equal('document');
    expect(requests).to.deep.equal([{ width: 480, height: 400 }]);
    expect(el.ownerDocument).to.equal(pw.document);
    expect(el.parentElement).to.equal(pw.document.body);
    expect(placeholder.parentElement).to.equal(host);
    expect(pw.document.title).to.equal('Appel');
    expect(pw.document.documentElement.lang).to.equal('fr');
    expect(pw.getComputedStyle(el).getPropertyValue('--urbania-stage-background').trim()).to.equal('rgb(9, 8, 7)');
    expect(await pip.open({ element: el, placeholder, video: () => undefined })).to.equal('document'); // already open
    pw.close(); // the window's own close button: pagehide
    expect(el.parentElement).to.equal(host);
    expect(placeholder.isConnected).to.equal(false);
    expect(adopted).to.deep.equal([pw.document, document]);
    expect(modes).to.deep.equal(['document', undefined]);
    expect(pip.mode).to.equal(undefined);
    host.remove(); iframe.remove();
  });

  it('when the page dropped the placeholder meanwhile (the call view went away), the element is not brought back', async () => {
    const { win, pw, iframe } = fakeDocumentPip();
    const host = document.createElement('div');
    const el = document.createElement('section');
    host.append(el);
    document.body.append(host);
    const placeholder = document.createElement('p');
    const pip = new PictureInPicture(() => {}, win);
    await pip.open({ element: el, placeholder, video: () => undefined });
    placeholder.remove();
    pip.close();
    expect(el.isConnected).to.equal(false);
    expect(host.children.length).to.equal(0);
    expect(pw.document.body.children.length).to.equal(0);
    host.remove(); iframe.remove();
  });

  it('video PiP where Document PiP is missing: the focused video; none → pip_unsupported', async () => {
    const calls: string[] = [];
    const video = document.createElement('video');
    video.requestPictureInPicture = async () => { calls.push('request'); return {} as PictureInPictureWindow; };
    const win = { document: { pictureInPictureEnabled: true, pictureInPictureElement: null }, HTMLVideoElement } as unknown as PipWindow;
    const modes: (string | undefined)[] = [];
    const pip = new PictureInPicture((m) => modes.push(m), win);
    expect(((await pip.open({ element: video, placeholder: video, video: () => undefined }).catch((e: MeetingError) => e)) as MeetingError).code).to.equal('pip_unsupported');
    expect(await pip.open({ element: video, placeholder: video, video: () => video })).to.equal('video');
    video.dispatchEvent(new Event('leavepictureinpicture'));
    expect(calls).to.deep.equal(['request']);
    expect(modes).to.deep.equal(['video', undefined]);
  });

  it('copyTheme copies inherited custom properties and the font', () => {
    const from = document.createElement('div');
    from.style.setProperty('--urbania-accent', 'rgb(1, 1, 1)');
    from.style.fontFamily = 'monospace';
    document.body.append(from);
    const to = document.createElement('div');
    copyTheme(from, to);
    expect(to.style.getPropertyValue('--urbania-accent')).to.equal('rgb(1, 1, 1)');
    expect(to.style.fontFamily).to.equal('monospace');
    from.remove();
  });
});
