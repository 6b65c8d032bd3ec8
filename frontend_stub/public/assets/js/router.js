// Routing by path: /frontend/<page path> is the page the API finds at <page path>;
// /frontend/vi/… is the same client in Vietnamese (i18n.js).

import { currentLanguage, DEFAULT_LANGUAGE, languageOfPath, prefixOf, withoutPrefix } from "./i18n.js";

export const BASE = "/frontend";
// App screens that are not pages; frontend_stub/views.py answers 200 for them too.
const RESERVED = {
  "/search/": "search",
  "/preview/": "preview",
  "/counseling/": "counseling",
  "/counseling/ask/": "counseling-ask",
  "/applications/": "applications",
};

/** The page path ("/가족정보/한부모-지원/") behind a frontend URL path. */
export function pagePathOf(pathname) {
  let path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is left as is; the API answers 404 for it.
  }
  if (!path.startsWith("/")) path = `/${path}`;
  if (!path.endsWith("/")) path = `${path}/`;
  return path;
}

/**
 * The frontend URL of a page path: "/가족정보/" → "/frontend/가족정보/". A Korean path read
 * in another language (a page not translated yet, a Korean menu) keeps that language's prefix,
 * `/frontend/vi/가족정보/`, which the API's find resolves to the Korean page.
 */
export function appUrl(pagePath, params, { language = currentLanguage() } = {}) {
  let path = pagePath && pagePath.startsWith("/") ? pagePath : `/${pagePath || ""}`;
  if (language !== DEFAULT_LANGUAGE && languageOfPath(path) === DEFAULT_LANGUAGE) path = `${prefixOf(language)}${path}`;
  const query = params ? new URLSearchParams(params).toString() : "";
  return `${BASE}${path}${query ? `?${query}` : ""}`;
}

/** One of the client's own screens ("/search/", "/counseling/ask/") in the reader's language. */
export function screenUrl(screenPath, params) {
  return appUrl(screenPath, params);
}

export function searchUrl(params) {
  const clean = Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== "" && value !== null && value !== undefined),
  );
  return screenUrl("/search/", clean);
}

/** The current route: its language, and a special screen (search, preview) or a page path. */
export function currentRoute() {
  const pagePath = pagePathOf(window.location.pathname);
  const params = new URLSearchParams(window.location.search);
  const screenPath = withoutPrefix(pagePath);
  return { language: languageOfPath(pagePath), screen: RESERVED[screenPath] || "page", screenPath, pagePath, params };
}

let onRouteChange = () => {};

export function navigate(url, { replace = false } = {}) {
  if (replace) window.history.replaceState({}, "", url);
  else window.history.pushState({}, "", url);
  onRouteChange({ focus: true });
}

function isClientLink(anchor, event) {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (anchor.target && anchor.target !== "_self") return false;
  if (anchor.hasAttribute("download")) return false;
  const url = new URL(anchor.href, window.location.href);
  return url.origin === window.location.origin && url.pathname.startsWith(`${BASE}/`);
}

/** Start routing: links inside the client change screens without reloading. */
export function startRouter(render) {
  let shown = null;
  onRouteChange = (options) => {
    shown = routeKey();
    return render(options);
  };
  document.addEventListener("click", (event) => {
    const anchor = event.target.closest("a[href]");
    if (!anchor || !isClientLink(anchor, event)) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) {
      return; // an in-page anchor
    }
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  // A fragment change (the skip link, an in-page anchor, Back between them) fires popstate
  // too, but stays on the same screen: only a new path or query renders again.
  window.addEventListener("popstate", () => {
    if (routeKey() !== shown) onRouteChange({ focus: true });
  });
  onRouteChange({ focus: false });
}

function routeKey() {
  return window.location.pathname + window.location.search;
}
