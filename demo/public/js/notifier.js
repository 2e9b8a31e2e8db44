// <urbania-call-notifier> on the signed-in pages: the service URL and the demo user's token, given before the
// widget upgrades the element (module scripts run in document order). "Rejoindre" opens /meeting/room.
import config from '/config.js';
import { getSession } from '/static/js/session.js';

const session = getSession();
for (const el of document.querySelectorAll('urbania-call-notifier')) {
  if (!session) {
    el.remove();
    continue;
  }
  el.setAttribute('service-url', config.serviceUrl);
  el.authToken = session.token;
}
