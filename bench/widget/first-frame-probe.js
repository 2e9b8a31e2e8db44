// Init script added to every page the widget benchmark measures (widget and baseline alike).
// Records the last click (capture phase, so clicks inside shadow roots count) and the time of the first
// frame of a remote video, through requestVideoFrameCallback on every <video> that gets a remote stream.
// A video track is "local" when its label is one getUserMedia returned on this page.
(() => {
  const localLabels = new Set();
  window.__probe = { clickAt: null, firstRemoteFrameAt: null, marks: {} };
  // Phase marks for the breakdown (first time each happens after the click): the service's join answer and the
  // element's connection-state="connected".
  const mark = (k) => {
    if (window.__probe.clickAt != null) window.__probe.marks[k] ??= performance.now();
  };
  const origFetch = window.fetch;
  window.fetch = async (...args) => {
    const res = await origFetch(...args);
    try {
      if (/\/join$/.test(new URL(String(args[0]?.url ?? args[0]), location.href).pathname)) mark('serviceJoin');
    } catch {}
    return res;
  };
  new MutationObserver((records) => {
    for (const r of records) if (r.target.getAttribute?.('connection-state') === 'connected') mark('connected');
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['connection-state'] });
  const md = navigator.mediaDevices;
  if (md && md.getUserMedia) {
    const gum = md.getUserMedia.bind(md);
    md.getUserMedia = async (constraints) => {
      const stream = await gum(constraints);
      for (const t of stream.getTracks()) localLabels.add(t.label);
      return stream;
    };
  }
  window.addEventListener('click', () => { window.__probe.clickAt = performance.now(); }, true);
  const watched = new WeakMap(); // video element -> id of the remote track a frame callback waits for
  const watch = (video) => {
    const stream = video.srcObject;
    if (!stream || typeof stream.getVideoTracks !== 'function' || !video.requestVideoFrameCallback) return;
    const track = stream.getVideoTracks().find((t) => !localLabels.has(t.label));
    if (!track || watched.get(video) === track.id) return;
    watched.set(video, track.id);
    video.requestVideoFrameCallback(() => {
      if (window.__probe.firstRemoteFrameAt == null) window.__probe.firstRemoteFrameAt = performance.now();
    });
  };
  // Videos whose stream gets a track added later (srcObject set once, then MediaStream.addTrack) are found by a
  // scan through open shadow roots every 10 ms.
  const scan = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el instanceof HTMLVideoElement) watch(el);
      if (el.shadowRoot) scan(el.shadowRoot);
    }
  };
  setInterval(() => { if (window.__probe.firstRemoteFrameAt == null && document.body) scan(document); }, 10);
  const desc = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    ...desc,
    set(value) {
      desc.set.call(this, value);
      if (this instanceof HTMLVideoElement) watch(this);
    },
  });
})();
