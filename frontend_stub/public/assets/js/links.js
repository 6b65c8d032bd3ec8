// Links to pages, whatever listing or field they come from.

import { h } from "./dom.js";
import { appUrl } from "./router.js";

function pathFromUrl(url) {
  try {
    return decodeURIComponent(new URL(url, window.location.origin).pathname);
  } catch {
    return null;
  }
}

/** The site path of a page object: meta.path (detail, listings) or path (navigation, search). */
export function pathOf(page) {
  if (!page) return null;
  return page.meta?.path ?? page.path ?? page.url_path ?? pathFromUrl(page.meta?.html_url ?? page.url);
}

/** A link to a page inside the client, or plain text when the page has no path. */
export function pageLink(page, label, attrs = {}) {
  const path = pathOf(page);
  const text = label ?? page?.title ?? "";
  return path ? h("a", { href: appUrl(path), ...attrs }, text) : h("span", {}, text);
}

const SERVER_PREFIXES = ["/frontend/", "/api/", "/admin/", "/documents/", "/media/", "/static/"];

/** Internal links in rich text point at site paths; keep them inside the client. */
export function rewriteInternalLink(anchor) {
  const href = anchor.getAttribute("href") || "";
  const isSitePath = href.startsWith("/") && !href.startsWith("//");
  if (!isSitePath || SERVER_PREFIXES.some((prefix) => href.startsWith(prefix))) return;
  anchor.setAttribute("href", appUrl(href));
}
