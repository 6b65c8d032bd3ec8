// The public content API (/api/v2/), and the preview endpoint. Nothing else is read.
// Content is asked for in the reader's language (?locale=, i18n.js).

import { currentLanguage, t } from "./i18n.js";

const API = "/api/v2";

export class ApiError extends Error {
  constructor(status, code, message, fields = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields; // Korean messages per input field, as the API sends them
    this.fromServer = status > 0; // the API's messages are Korean (the client's are not)
  }
}

async function getJSON(url, { signal, method = "GET", body } = {}) {
  let response;
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      cache: method === "GET" ? "default" : "no-store",
    });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, "network", t("서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요."));
  }
  let payload = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  if (!response.ok) {
    const error = payload?.error ?? {};
    const message = error.message || payload?.message || t("요청을 처리하지 못했습니다.");
    throw new ApiError(response.status, error.code || `http_${response.status}`, message, error.fields || {});
  }
  return payload;
}

function query(params) {
  const clean = Object.entries(params || {}).filter(
    ([, value]) => value !== "" && value !== null && value !== undefined,
  );
  return new URLSearchParams(clean).toString();
}

/** `params` with the reader's language, unless they name one (a page's own listing). */
function localised(params) {
  return { ...params, locale: params.locale ?? currentLanguage() };
}

/** The page at a site path, through find (which redirects to the detail). A `/vi/…` path
 * with no translation yet answers the Korean page, with meta.fallback_from: "vi". */
export function findPage(pagePath, options) {
  return getJSON(`${API}/pages/find/?${query(localised({ html_path: pagePath }))}`, options);
}

/**
 * A page listing. `fields` and `order` are asked for first; if this API version does not
 * know one of them (400), the listing is asked for again with the type's defaults.
 */
export async function listPages(params, options) {
  try {
    return await getJSON(`${API}/pages/?${query(localised(params))}`, options);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400 || !(params.fields || params.order)) {
      throw error;
    }
    const { fields, order, ...rest } = params;
    return getJSON(`${API}/pages/?${query(localised(rest))}`, options);
  }
}

const navigationRequests = new Map();
/** The section tree for menus: [{id, title, path, children}]. Asked for once per visit and
 * language (a language without a home yet answers the Korean menu). */
export function getNavigation() {
  const language = currentLanguage();
  if (!navigationRequests.has(language)) {
    const request = getJSON(`${API}/navigation/?${query({ locale: language })}`)
      .then((body) => body.items || [])
      .catch((error) => {
        navigationRequests.delete(language);
        throw error;
      });
    navigationRequests.set(language, request);
  }
  return navigationRequests.get(language);
}

export function search(params, options) {
  return getJSON(`${API}/search/?${query(localised(params))}`, options);
}

export function suggest(q, options) {
  return getJSON(`${API}/search/suggest/?${query(localised({ q }))}`, options);
}

export function previewPage(contentType, token, options) {
  return getJSON(`${API}/page_preview/?${query({ content_type: contentType, token })}`, options);
}

/** The KWCAG findings of the previewed draft: the checks an editor's submit runs. */
export function previewAccessibility(contentType, token, options) {
  return getJSON(`${API}/page_preview/accessibility/?${query({ content_type: contentType, token })}`, options);
}

/** A citizen's counseling case and its answer; the access code travels in the body, not the URL. */
export function lookupCounseling(receiptNumber, accessCode) {
  return getJSON(`${API}/counseling/${encodeURIComponent(receiptNumber)}/`, {
    method: "POST",
    body: { access_code: accessCode },
  });
}

/** Ask a counseling question; the answer holds the receipt number and the one-time access code.
 * `language` is the reader's: counselors see which language the question is written in. */
export function submitCounseling(fields) {
  return getJSON(`${API}/counseling/`, { method: "POST", body: { ...fields, language: currentLanguage() } });
}

/** "이 정보가 도움이 되었나요?": {page, helpful, comment?}; answers {message}. */
export function sendFeedback(fields) {
  return getJSON(`${API}/feedback/`, { method: "POST", body: fields });
}

/** Partner agencies' news shown under a section: [{title, link, summary_html, published, source}]. */
export function listPartnerItems(params, options) {
  return getJSON(`${API}/partner-items/?${query(params)}`, options);
}

/** A program's application form and live seat counts ("잔여 3석 · 대기 5명"). */
export function programForm(programId, options) {
  return getJSON(`${API}/applications/programs/${encodeURIComponent(programId)}/`, options);
}

/** Apply; the answer holds the receipt number and the one-time access code. */
export function applyToProgram(programId, fields) {
  return getJSON(`${API}/applications/programs/${encodeURIComponent(programId)}/`, { method: "POST", body: fields });
}

/** An application's status; the access code travels in the body, not the URL. */
export function lookupApplication(receiptNumber, accessCode) {
  return getJSON(`${API}/applications/${encodeURIComponent(receiptNumber)}/`, {
    method: "POST",
    body: { access_code: accessCode },
  });
}

export function cancelApplication(receiptNumber, accessCode) {
  return getJSON(`${API}/applications/${encodeURIComponent(receiptNumber)}/cancel/`, {
    method: "POST",
    body: { access_code: accessCode },
  });
}

/** E-mail subscription: the API sends a confirmation link (double opt-in). */
export function subscribeByEmail(email, filters, frequency) {
  const body = { email, filters, frequency, language: currentLanguage() };
  return getJSON(`${API}/subscriptions/email/`, { method: "POST", body });
}

/** A browser's push subscription (PushSubscription.toJSON()) on the list for `filters`. */
export function registerPushDevice(device, filters) {
  const body = { channel: "webpush", device, filters, language: currentLanguage() };
  return getJSON(`${API}/subscriptions/devices/`, { method: "POST", body });
}

export function getVapidKey() {
  return getJSON(`${API}/subscriptions/vapid-key/`);
}
