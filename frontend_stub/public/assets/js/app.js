// The client's entry point: frame, router, and the screen for the current URL.

import { ApiError, findPage } from "./api.js";
import { attachAutocomplete } from "./autocomplete.js";
import {
  closeMenu,
  markCurrentSection,
  renderMenu,
  setRobots,
  setSectionFeeds,
  setupMenuToggle,
  showLoading,
  showScreen,
} from "./layout.js";
import { currentRoute, navigate, startRouter } from "./router.js";
import { renderApplicationLookup } from "./screens/apply.js";
import { renderCounselingForm, renderCounselingLookup } from "./screens/counseling.js";
import { renderPage } from "./screens/page.js";
import { renderPreview } from "./screens/preview.js";
import { renderSearch } from "./screens/search.js";
import { failure, notFound } from "./screens/status.js";

let renderCount = 0;

async function screenFor(route) {
  if (route.screen === "search") return renderSearch(route.params);
  if (route.screen === "preview") return renderPreview(route.params);
  if (route.screen === "counseling") return renderCounselingLookup();
  if (route.screen === "counseling-ask") return renderCounselingForm();
  if (route.screen === "applications") return renderApplicationLookup();
  setRobots(null);
  const page = await findPage(route.pagePath);
  return renderPage(page, { params: route.params });
}

async function render({ focus }) {
  const ticket = ++renderCount;
  document.documentElement.dataset.ready = "false";
  closeMenu();
  showLoading();
  setSectionFeeds(null);
  const route = currentRoute();
  let node;
  try {
    node = await screenFor(route);
  } catch (error) {
    node = error instanceof ApiError && error.status === 404 ? notFound(route.pagePath) : failure(error);
  }
  if (ticket !== renderCount) return; // A newer navigation has started meanwhile.
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
renderMenu();
startRouter(render);
