// The client's entry point: frame, router, and the screen for the current URL.

import { ApiError, findPage } from "./api.js";
import { attachAutocomplete } from "./autocomplete.js";
import { DEFAULT_LANGUAGE, LANGUAGES, setLanguage } from "./i18n.js";
import {
  closeMenu,
  markCurrentSection,
  renderMenu,
  setFrame,
  setRobots,
  setSectionFeeds,
  setupMenuToggle,
  showLoading,
  showScreen,
} from "./layout.js";
import { appUrl, currentRoute, navigate, startRouter } from "./router.js";
import { renderApplicationLookup } from "./screens/apply.js";
import { renderCounselingForm, renderCounselingLookup } from "./screens/counseling.js";
import { renderPage } from "./screens/page.js";
import { renderPreview } from "./screens/preview.js";
import { renderSearch } from "./screens/search.js";
import { failure, notFound } from "./screens/status.js";

let renderCount = 0;

/** The same app screen in every language: /frontend/vi/search/?q=… ↔ /frontend/search/?q=…. */
function screenVersions(route) {
  const query = route.params.toString();
  const versions = Object.fromEntries(
    LANGUAGES.map(({ code }) => [code, appUrl(route.screenPath, null, { language: code }) + (query ? `?${query}` : "")]),
  );
  return { links: versions, alternates: versions };
}

/**
 * A page in every language. `alternates` are the versions that exist: itself and its public
 * translations (meta.translations). The switcher also `links` a language the page has no
 * translation in, to its Korean source under that language's prefix: the API's find answers
 * it in Korean with meta.fallback_from, and the frame is in the chosen language.
 */
function pageVersions(page) {
  const own = page.meta?.locale ?? DEFAULT_LANGUAGE;
  const paths = { [own]: page.meta?.path };
  for (const translation of page.meta?.translations ?? []) paths[translation.locale] = translation.path;
  const alternates = {};
  const links = {};
  for (const { code } of LANGUAGES) {
    if (paths[code]) alternates[code] = links[code] = appUrl(paths[code], null, { language: code });
    else if (paths[DEFAULT_LANGUAGE]) links[code] = appUrl(paths[DEFAULT_LANGUAGE], null, { language: code });
  }
  return { links, alternates };
}

const NO_VERSIONS = { links: {}, alternates: {} };

async function screenFor(route) {
  if (route.screen === "search") return [await renderSearch(route.params), screenVersions(route)];
  if (route.screen === "preview") return [await renderPreview(route.params), NO_VERSIONS];
  if (route.screen === "counseling") return [renderCounselingLookup(), screenVersions(route)];
  if (route.screen === "counseling-ask") return [renderCounselingForm(), screenVersions(route)];
  if (route.screen === "applications") return [renderApplicationLookup(), screenVersions(route)];
  setRobots(null);
  const page = await findPage(route.pagePath);
  return [await renderPage(page, { params: route.params }), pageVersions(page)];
}

async function render({ focus }) {
  const ticket = ++renderCount;
  document.documentElement.dataset.ready = "false";
  const route = currentRoute();
  setLanguage(route.language);
  closeMenu();
  showLoading();
  setSectionFeeds(null);
  renderMenu();
  let node;
  let versions = NO_VERSIONS;
  try {
    [node, versions] = await screenFor(route);
  } catch (error) {
    node = error instanceof ApiError && error.status === 404 ? notFound(route.pagePath) : failure(error);
  }
  if (ticket !== renderCount) return; // A newer navigation has started meanwhile.
  setFrame(versions);
  showScreen(node, { focus });
  markCurrentSection(route.screen === "page" ? route.pagePath : "");
  document.documentElement.dataset.ready = "true";
}

/** Search forms anywhere in the client change the screen instead of reloading. */
function interceptSearchForms() {
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.getAttribute("role") !== "search") return;
    event.preventDefault();
    const params = new URLSearchParams(new FormData(form));
    params.set("q", (params.get("q") || "").trim());
    navigate(`${new URL(form.action).pathname}?${params}`);
  });
}

setupMenuToggle();
attachAutocomplete(document.getElementById("header-q"));
interceptSearchForms();
startRouter(render);
