// The portal's service worker: shows each Web Push message as a notification and opens its
// page when the notification is tapped. Messages are JSON: {title, body, url, tag}.

const DEFAULT_TITLE = "서울시 패밀리 포털";

function readMessage(event) {
  if (!event.data) return { title: DEFAULT_TITLE, body: "" };
  try {
    return event.data.json();
  } catch {
    return { title: DEFAULT_TITLE, body: event.data.text() };
  }
}

/** Tell open tabs what was shown (the page may show it too; tests read it). */
async function tellClients(message) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) client.postMessage(message);
}

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  const message = readMessage(event);
  const title = message.title || DEFAULT_TITLE;
  const options = {
    body: message.body || "",
    tag: message.tag || undefined,
    lang: "ko",
    data: { url: message.url || self.registration.scope },
  };
  event.waitUntil(
    self.registration
      .showNotification(title, options)
      .then(() => tellClients({ type: "notification-shown", title, body: options.body, url: options.data.url })),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = event.notification.data?.url || self.registration.scope;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => client.url === url && "focus" in client);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
