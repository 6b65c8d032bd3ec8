// "소식 받기": subscribe to what this screen shows (a section, a topic, a search's filters)
// by e-mail (double opt-in) or by browser notifications (Web Push through /frontend/sw.js).

import { getVapidKey, registerPushDevice, subscribeByEmail } from "./api.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";

const SERVICE_WORKER = "/frontend/sw.js";
const TOKEN_KEY = "subscriptions:token";

function applicationServerKey(base64url) {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, (char) => char.charCodeAt(0));
}

/** Register the portal's service worker (also used to show pushed messages). */
export function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return Promise.resolve(null);
  return navigator.serviceWorker.register(SERVICE_WORKER, { scope: "/frontend/" });
}

async function subscribeBrowser(filters) {
  if (!("serviceWorker" in navigator) || !("PushManager" in window)) {
    throw new Error(t("이 브라우저는 알림을 받을 수 없습니다. 이메일로 구독해 주세요."));
  }
  if ((await Notification.requestPermission()) !== "granted") {
    throw new Error(t("알림이 허용되지 않았습니다. 브라우저 설정에서 알림을 허용해 주세요."));
  }
  const registration = await registerServiceWorker();
  const { public_key: key } = await getVapidKey();
  if (!key) throw new Error(t("브라우저 알림을 아직 쓸 수 없습니다. 이메일로 구독해 주세요."));
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: applicationServerKey(key),
  });
  const state = await registerPushDevice(subscription.toJSON(), filters);
  localStorage.setItem(TOKEN_KEY, state.token);
}

/** The subscribe box for `filters` ({section: "notice"}, {topic: "parenting"} …). */
export function subscribeBox(filters, label) {
  const status = h("p", { class: "subscribe__status", role: "status" });
  const show = (text) => {
    status.textContent = text;
  };
  const email = h("input", { type: "email", name: "email", required: "", autocomplete: "email", id: "subscribe-email" });
  const frequency = h(
    "select",
    { name: "frequency", "aria-label": t("받는 방식") },
    h("option", { value: "immediate" }, t("바로")),
    h("option", { value: "daily" }, t("하루 한 번")),
    h("option", { value: "weekly" }, t("일주일에 한 번")),
  );
  const form = h(
    "form",
    { class: "subscribe__email" },
    h("label", { for: "subscribe-email" }, t("이메일")),
    email,
    frequency,
    h("button", { type: "submit" }, t("이메일로 받기")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const answer = await subscribeByEmail(email.value, filters, frequency.value);
      show(answer.message);
    } catch (error) {
      show(error.message);
    }
  });
  const push = h("button", { type: "button", class: "subscribe__push" }, t("브라우저 알림 받기"));
  push.addEventListener("click", async () => {
    try {
      await subscribeBrowser(filters);
      show(t("알림을 켰습니다. 새 소식이 있으면 알려 드립니다."));
    } catch (error) {
      show(error.message);
    }
  });
  return h(
    "section",
    { class: "content-section subscribe", "aria-labelledby": "subscribe-title" },
    h("h2", { id: "subscribe-title" }, t("소식 받기: {name}", { name: label })),
    form,
    push,
    status,
  );
}
