/**
 * `urbania-sw.js`: the service worker that shows invitations pushed by the token service (Web Push) when no
 * Urbania page is open. Shipped in the widget package (`@urbania/meeting/urbania-sw.js`, dist/urbania-sw.js);
 * the host application serves it from its own origin (a service worker must be same-origin), e.g. at
 * `/urbania-sw.js`, and gives that URL to <urbania-call-notifier sw-url="/urbania-sw.js">, which registers it
 * with `?join-url=…&lang=…` so a click opens the right page in the right language.
 *
 * Payloads (JSON, encrypted by the service for this subscription): `{ type: 'invitation', room_name, call_type,
 * from: { id, name }, created_at }` shows a notification (one per room: `tag`), and `{ type:
 * 'invitation_answered', room_name, answer }` closes it (answered on another device). "Rejoindre" or a click on
 * the notification focuses an open tab of the join page or opens one; "Refuser" closes it (the worker has no
 * Urbania token, so the service is not told; the call stops ringing elsewhere when it ends).
 */
import { fr } from '../i18n/fr.js';
import { en } from '../i18n/en.js';
import type { MessageKey } from '../i18n/fr.js';

// The worker's globals, typed here (the widget compiles against the DOM library, not WebWorker's).
interface PushEventLike extends ExtendableEventLike { data: { json(): unknown } | null }
interface ExtendableEventLike extends Event { waitUntil(p: Promise<unknown>): void }
interface NotificationEventLike extends ExtendableEventLike { action: string; notification: Notification & { data: unknown } }
interface WindowClientLike { url: string; focus(): Promise<unknown>; navigate(url: string): Promise<unknown> }
interface WorkerScope {
  location: Location;
  registration: ServiceWorkerRegistration;
  clients: { matchAll(o: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClientLike[]>; openWindow(url: string): Promise<unknown>; claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'push', fn: (e: PushEventLike) => void): void;
  addEventListener(type: 'notificationclick', fn: (e: NotificationEventLike) => void): void;
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEventLike) => void): void;
}
const sw = self as unknown as WorkerScope;

const params = new URL(sw.location.href).searchParams;
const catalogue: Record<MessageKey, string> = params.get('lang') === 'en' ? en : fr;
const joinTemplate = params.get('join-url') || '/';

const t = (key: MessageKey, values: Record<string, string>) =>
  catalogue[key].replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

interface PushedInvitation {
  type: 'invitation';
  room_name: string;
  call_type: 'audio' | 'video';
  from: { id: string; name: string };
}
interface PushedAnswer {
  type: 'invitation_answered';
  room_name: string;
}

const tagFor = (room: string) => `urbania-call:${room}`;

function joinUrl(invitation: PushedInvitation): string {
  const path = joinTemplate
    .replaceAll('{room}', encodeURIComponent(invitation.room_name))
    .replaceAll('{call_type}', encodeURIComponent(invitation.call_type));
  return new URL(path, sw.location.origin).href;
}

sw.addEventListener('install', () => void sw.skipWaiting());
sw.addEventListener('activate', (e) => e.waitUntil(sw.clients.claim()));

sw.addEventListener('push', (event) => {
  let data: PushedInvitation | PushedAnswer | undefined;
  try {
    data = event.data?.json() as PushedInvitation | PushedAnswer | undefined;
  } catch {
    return;
  }
  if (data?.type === 'invitation') {
    const invitation = data;
    const options: NotificationOptions & { renotify?: boolean; actions?: { action: string; title: string }[] } = {
      body: t('notifier.push.body', { room: invitation.room_name }),
      tag: tagFor(invitation.room_name),
      renotify: true,
      requireInteraction: true,
      lang: params.get('lang') === 'en' ? 'en' : 'fr',
      data: { url: joinUrl(invitation), room_name: invitation.room_name },
      actions: [
        { action: 'join', title: t('notifier.accept', {}) },
        { action: 'decline', title: t('notifier.decline', {}) },
      ],
    };
    event.waitUntil(sw.registration.showNotification(t('notifier.push.title', { name: invitation.from.name }), options));
  } else if (data?.type === 'invitation_answered') {
    const tag = tagFor(data.room_name);
    event.waitUntil(
      sw.registration.getNotifications({ tag }).then((list) => {
        for (const n of list) n.close();
      }),
    );
  }
});

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  if (event.action === 'decline') return;
  const url = (event.notification.data as { url?: string } | null)?.url;
  if (!url) return;
  event.waitUntil(
    sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
      const open = clients.find((c) => c.url === url);
      return open ? open.focus() : sw.clients.openWindow(url);
    }),
  );
});
