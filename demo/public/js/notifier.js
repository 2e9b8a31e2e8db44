// <urbania-call-notifier> on the signed-in pages: the service URL and the demo user's token, given before the
// widget upgrades the element. "Rejoindre" opens /meeting/room.
// The notifier's code (its own entry, about 17 KB gzip) is loaded here rather than by a <script> tag: on the
// meeting pages the call comes first: the first seconds belong to the pre-join (camera preview) or to the join
// (livekit-client, /join, the SFU), so the notifier loads once <urbania-meeting> is defined, the page has loaded,
// CALL_FIRST_MS have passed and the browser is idle. The event stream does not replay earlier invitations: a ring in
// those first seconds on a call page reaches the user by Web Push only (when set up). On the dashboard it loads at
// once.
import config from '/config.js';
import { getSession } from '/static/js/session.js';

const CALL_FIRST_MS = 3000;
const session = getSession();
const notifiers = [...document.querySelectorAll('urbania-call-notifier')];
for (const el of notifiers) {
  if (!session) {
    el.remove();
    continue;
  }
  el.setAttribute('service-url', config.serviceUrl);
  el.authToken = session.token;
}

if (session && notifiers.length > 0) {
  const afterTheCall = document.querySelector('urbania-meeting')
    ? customElements.whenDefined('urbania-meeting').then(loaded).then(() => new Promise((r) => setTimeout(r, CALL_FIRST_MS))).then(idle)
    : Promise.resolve();
  void afterTheCall.then(() => import('/widget/urbania-call-notifier.js')).catch((err) => {
    console.error('urbania-call-notifier could not load', err);
  });
}

function loaded() {
  return document.readyState === 'complete' ? Promise.resolve() : new Promise((resolve) => addEventListener('load', () => resolve(), { once: true }));
}

function idle() {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 200);
  });
}
