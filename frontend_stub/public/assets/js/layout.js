// The page frame around every screen: menu, breadcrumbs, title and focus.

import { getNavigation } from "./api.js";
import { h } from "./dom.js";
import { appUrl, BASE } from "./router.js";
import { pathOf } from "./links.js";

const SITE_NAME = "서울시 패밀리 포털";

/** Fill the main menu from /api/v2/navigation/ (sections and their in-menu children). */
export async function renderMenu() {
  const list = document.querySelector(".site-nav__list");
  let items = [];
  try {
    items = await getNavigation();
  } catch {
    return; // The menu is a convenience; screens still work without it.
  }
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
export function setBreadcrumbs(trail, currentTitle) {
  const nav = document.querySelector(".breadcrumbs");
  const list = nav.querySelector("ol");
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
  document.title = title ? `${title} | ${SITE_NAME}` : SITE_NAME;
  if (description) document.querySelector('meta[name="description"]')?.setAttribute("content", description);
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

/** <link rel="alternate"> to the feeds of the section on screen; none without a section. */
export function setSectionFeeds(kind, title) {
  document.querySelectorAll("link[data-section-feed]").forEach((link) => link.remove());
  if (!kind) return;
  for (const [format, type, label] of FEED_FORMATS) {
    document.head.appendChild(
      h("link", {
        rel: "alternate",
        type,
        title: `${title} (${label})`,
        href: `/api/v2/feeds/${format}/?section=${encodeURIComponent(kind)}`,
        "data-section-feed": true,
      }),
    );
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
  document.getElementById("route-announcer").textContent = `${heading?.textContent ?? document.title} 화면`;
}

export function showLoading() {
  document.getElementById("main").setAttribute("aria-busy", "true");
}
