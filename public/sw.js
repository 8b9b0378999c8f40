// Verzuimwijzer's service worker: keeps the app on the phone, so that it
// opens without a network. Registered by the app itself
// (src/service_worker.rs) as /sw.js.
//
// The app has three pages (server/src/spa.rs): the log-in door, the front
// door (log in, the start page, the report form: a small bundle) and the
// whole app. The front door and its files are kept at once; the whole app's
// big files once they are used, so that a first visit stays small. The
// log-in door is not kept (logging in needs the network, and offline the
// front door has the log-in page too); it does not register this worker.
//
// scripts/lib.sh writes the build's id into VERSION: a new build is a new
// worker, which keeps the new files and removes the old ones.
//
// Never cached: anything under /api. Those answers are personal (and sent
// no-store); the app keeps unsent reports itself (src/outbox.rs).
'use strict';

const VERSION = 'dev';
const CACHE = `vw-shell-${VERSION}`;
const FRONT_DOOR = '/front/index.html';
const WHOLE_APP = '/index.html';
// Not named in the pages' tags, but part of the installed app.
const ALSO = ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png',
  '/icons/icon-maskable-512.png', '/icons/icon.svg', '/favicon.ico'];
// trunk's file names carry a content hash: what they hold never changes.
const HASHED = /-[0-9a-f]{16}(?:_bg\.wasm|\.js|\.css)$/;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Both pages as they are now (not from the browser's cache); the front
    // door's files with them.
    const pages = await Promise.all([FRONT_DOOR, WHOLE_APP].map(async (page) => {
      const response = await fetch(page, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`no page ${page}: ${response.status}`);
      return response;
    }));
    const [frontDoor, wholeApp] = await Promise.all(pages.map((page) => page.clone().text()));
    // The whole app's big files wait until they are used; its small
    // unhashed ones (start.js) come now.
    const small = ownFiles(wholeApp).filter((file) => !HASHED.test(file));
    await cache.addAll([...new Set([...ownFiles(frontDoor), ...small, ...ALSO])]);
    await cache.put(FRONT_DOOR, pages[0]);
    await cache.put(WHOLE_APP, pages[1]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('vw-shell-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Not ours to answer: other sites, changes, and the API (personal).
  if (url.origin !== self.location.origin || request.method !== 'GET'
    || url.pathname.startsWith('/api/')) {
    return;
  }
  if (request.mode === 'navigate') {
    // The newest page when there is a network; a kept one when not: the
    // whole app when all its files are kept (it has every page), else the
    // front door.
    event.respondWith(fetch(request).catch(async () => {
      const page = (await wholeAppKept()) ? WHOLE_APP : FRONT_DOOR;
      return (await caches.match(page, { cacheName: CACHE })) || Response.error();
    }));
    return;
  }
  event.respondWith((async () => {
    const kept = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
    if (kept) return kept;
    const response = await fetch(request);
    if (response.ok && HASHED.test(url.pathname)) {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  })());
});

/** Whether the whole app's page and every file it names are kept. */
async function wholeAppKept() {
  const cache = await caches.open(CACHE);
  const page = await cache.match(WHOLE_APP);
  if (!page) return false;
  const files = ownFiles(await page.text());
  const kept = await Promise.all(files.map((file) => cache.match(file)));
  return kept.every(Boolean);
}

/** The addresses on our own site that `html` loads: href="…" and src="…". */
function ownFiles(html) {
  const files = [];
  for (const [, address] of html.matchAll(/\b(?:href|src)=["']?([^"'\s>]+)/g)) {
    const url = new URL(address, self.location.origin);
    if (url.origin === self.location.origin && !url.pathname.startsWith('/api/')
      && url.pathname !== '/') {
      files.push(url.pathname);
    }
  }
  return files;
}
