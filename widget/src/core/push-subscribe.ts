/**
 * "Enable call notifications": Notification permission, the host page's service worker (`urbania-sw.js`, served
 * from the page's origin), a push subscription with the service's VAPID key, saved through the service.
 * Lit-free; used by <urbania-call-notifier>.
 */
import { CallNotifierError } from './call-notifier.js';
import type { NotifierClient } from './notifier-client.js';

/** Whether this browser can do Web Push at all. */
export function pushSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof PushManager !== 'undefined' && typeof Notification !== 'undefined';
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

async function activeRegistration(swUrl: string): Promise<ServiceWorkerRegistration> {
  const registration = await navigator.serviceWorker.register(swUrl);
  const worker = registration.installing ?? registration.waiting;
  if (!registration.active && worker) {
    await new Promise<void>((resolve, reject) => {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'activated') resolve();
        if (worker.state === 'redundant') reject(new CallNotifierError('service_worker_failed', `The service worker ${swUrl} did not activate`));
      });
    });
  }
  return registration;
}

/**
 * Asks for permission (call it from a click), subscribes and saves the subscription. Rejects with
 * CallNotifierError `push_unsupported` | `permission_denied` | `service_worker_failed`, or the ServiceError
 * of the service (`push_not_configured` when it has no VAPID keys).
 */
export async function enablePush(client: NotifierClient, swUrl: string): Promise<PushSubscription> {
  if (!pushSupported()) throw new CallNotifierError('push_unsupported', 'This browser has no Web Push');
  const key = await client.vapidPublicKey();
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new CallNotifierError('permission_denied', `Notification permission: ${permission}`);
  let registration: ServiceWorkerRegistration;
  try {
    registration = await activeRegistration(swUrl);
  } catch (err) {
    if (err instanceof CallNotifierError) throw err;
    throw new CallNotifierError('service_worker_failed', `Cannot register ${swUrl}: ${(err as Error)?.message ?? String(err)}`);
  }
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) }));
  const json = subscription.toJSON();
  await client.savePushSubscription({
    endpoint: subscription.endpoint,
    expirationTime: subscription.expirationTime,
    keys: { p256dh: json.keys?.['p256dh'] ?? '', auth: json.keys?.['auth'] ?? '' },
  });
  return subscription;
}
