// The page frame around every screen: menu, breadcrumbs, title and focus.

import { getNavigation } from "./api.js";
import { h } from "./dom.js";
import { currentLanguage, DEFAULT_LANGUAGE, LANGUAGES, prefixOf, t, translateFrame } from "./i18n.js";
import { appUrl, BASE, screenUrl } from "./router.js";
import { pathOf } from "./links.js";

const SITE_NAME = "서울시 패밀리 포털";
const SITE_DESCRIPTION = "가족생활, 보육, 교육과 상담 정보를 한곳에서 찾아보는 서울시 패밀리 포털";

let menuLanguage = null;
/** Fill the main menu from /api/v2/navigation/ (sections and their in-menu children), in the
 * reader's language; again only when the language changed. */
export async function renderMenu() {
  const language = currentLanguage();
  if (menuLanguage === language) {
    markCurrentSection();
    return;
  }
  menuLanguage = language;
  const list = document.querySelector(".site-nav__list");
  let items = [];
  try {
    items = await getNavigation();
  } catch {
    menuLanguage = null;
    return; // The menu is a convenience; screens still work without it.
  }
  if (language !== currentLanguage()) return; // switched again meanwhile
  list.replaceChildren(
    ...items.map((item) => h("li", {}, h("a", { href: appUrl(pathOf(item)), "data-path": pathOf(item) }, item.title))),
  );
  markCurrentSection();
}

/** aria-current on the menu entry of the section the reader is in. */
export function markCurrentSection(pagePath = null) {
  const current = pagePath ?? decodeURIComponent(window.location.pathname.slice(BASE.length));
  for (const link of document.querySelectorAll(".site-nav__list a")) {
    const path = link.dataset.path || "";
    if (path !== "/" && current.startsWith(path)) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

export function setupMenuToggle() {
  const button = document.querySelector(".menu-toggle");
  const nav = document.getElementById("site-nav");
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  });
}

export function closeMenu() {
  document.querySelector(".menu-toggle")?.setAttribute("aria-expanded", "false");
  document.getElementById("site-nav")?.classList.remove("is-open");
}

/** Breadcrumbs from the page's `breadcrumbs` (home first), ending with the page itself. */
export function setBreadcrumbs(trail, currentTitle, language = currentLanguage()) {
  const nav = document.querySelector(".breadcrumbs");
  const list = nav.querySelector("ol");
  list.setAttribute("lang", language); // the page's titles, in the page's language
  if (!trail || !currentTitle) {
    nav.hidden = true;
    list.replaceChildren();
    return;
  }
  list.replaceChildren(
    ...trail.map((crumb) => h("li", {}, h("a", { href: appUrl(pathOf(crumb) || "/") }, crumb.title))),
    h("li", {}, h("span", { "aria-current": "page" }, currentTitle)),
  );
  nav.hidden = false;
}

export function setTitle(title, description) {
  document.title = title ? `${title} | ${t(SITE_NAME)}` : t(SITE_NAME);
  document.querySelector('meta[name="description"]')?.setAttribute("content", description || t(SITE_DESCRIPTION));
}

/** Keep drafts and error screens out of search engines. */
export function setRobots(content) {
  let meta = document.querySelector('meta[name="robots"]');
  if (!content) {
    meta?.remove();
    return;
  }
  meta ??= document.head.appendChild(h("meta", { name: "robots" }));
  meta.setAttribute("content", content);
}

const FEED_FORMATS = [
  ["rss", "application/rss+xml", "RSS"],
  ["atom", "application/atom+xml", "Atom"],
  ["json", "application/feed+json", "JSON Feed"],
];

function feedUrl(format, params) {
  const query = new URLSearchParams(params);
  if (currentLanguage() !== DEFAULT_LANGUAGE) query.set("locale", currentLanguage());
  const text = query.toString();
  return `/api/v2/feeds/${format}/${text ? `?${text}` : ""}`;
}

/** <link rel="alternate"> to the feeds of the section on screen (in the reader's language);
 * none without a section. */
export function setSectionFeeds(kind, title) {
  document.querySelectorAll("link[data-section-feed]").forEach((link) => link.remove());
  if (!kind) return;
  for (const [format, type, label] of FEED_FORMATS) {
    document.head.appendChild(
      h("link", { rel: "alternate", type, title: `${title} (${label})`, href: feedUrl(format, { section: kind }), "data-section-feed": true }),
    );
  }
}

/** The portal's own feeds (in index.html) follow the reader's language. */
function setPortalFeeds() {
  for (const link of document.querySelectorAll("link[data-portal-feed]")) {
    const [format, , label] = FEED_FORMATS.find(([name]) => name === link.dataset.portalFeed);
    link.setAttribute("href", feedUrl(format, {}));
    link.title = `${t(SITE_NAME)} (${label})`;
  }
}

/**
 * The frame in the reader's language: the static text of index.html, the home and search
 * links, and the language switcher. `links` maps each language to this screen's URL in it
 * ({ko: "/frontend/가족정보/…", vi: "/frontend/vi/…"}; a language missing goes to its home);
 * `alternates`, the versions that really exist, are announced to browsers and search engines
 * as <link rel="alternate" hreflang>, x-default the Korean one.
 */
export function setFrame({ links, alternates }) {
  const language = currentLanguage();
  translateFrame();
  setPortalFeeds();
  document.querySelector(".site-title").setAttribute("href", appUrl("/"));
  document.querySelector(".header-search").setAttribute("action", screenUrl("/search/"));
  document.querySelector(".footer-search").setAttribute("href", screenUrl("/search/"));
  const list = document.querySelector(".language-switcher ul");
  list.replaceChildren(
    ...LANGUAGES.map(({ code, name }) =>
      h(
        "li",
        {},
        h(
          "a",
          { href: links[code] ?? `${BASE}${prefixOf(code)}/`, lang: code, hreflang: code, "aria-current": code === language ? "true" : null },
          name,
        ),
      ),
    ),
  );
  document.querySelectorAll('link[rel="alternate"][hreflang]').forEach((link) => link.remove());
  const announced = Object.entries(alternates);
  if (alternates[DEFAULT_LANGUAGE]) announced.push(["x-default", alternates[DEFAULT_LANGUAGE]]);
  for (const [code, href] of announced) {
    document.head.appendChild(h("link", { rel: "alternate", hreflang: code, href: new URL(href, window.location.origin).href }));
  }
}

/** Swap the screen in <main>; after in-app navigation move focus to its heading. */
export function showScreen(node, { focus }) {
  const main = document.getElementById("main");
  main.replaceChildren(node);
  main.removeAttribute("aria-busy");
  if (!focus) return;
  const heading = main.querySelector("h1");
  const target = heading ?? main;
  if (heading) heading.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  window.scrollTo(0, 0);
  document.getElementById("route-announcer").textContent = t("{title} 화면", { title: heading?.textContent ?? document.title });
}

export function showLoading() {
  document.getElementById("main").setAttribute("aria-busy", "true");
}
