// Init script added to every page of the end-to-end scenarios (runs before the page's own scripts).
// Records what the page asked getUserMedia for and the tracks it got, and every CSP violation; offers a
// query that walks open shadow roots.
(() => {
  const e2e = (window.__e2e = { gumCalls: [], gumTracks: [], csp: [] });
  const md = navigator.mediaDevices;
  if (md && md.getUserMedia) {
    const gum = md.getUserMedia.bind(md);
    md.getUserMedia = async (constraints) => {
      e2e.gumCalls.push(JSON.parse(JSON.stringify(constraints ?? {})));
      const stream = await gum(constraints);
      e2e.gumTracks.push(...stream.getTracks());
      return stream;
    };
  }
  document.addEventListener(
    'securitypolicyviolation',
    (e) => e2e.csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile }),
    true,
  );
  e2e.deepAll = (selector, root = document) => {
    const out = [...root.querySelectorAll(selector)];
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...e2e.deepAll(selector, el.shadowRoot));
    return out;
  };
  e2e.el = () => document.querySelector('urbania-meeting');
  e2e.liveTracks = () => e2e.gumTracks.filter((t) => t.readyState === 'live').map((t) => `${t.kind}:${t.label}`);
})();
