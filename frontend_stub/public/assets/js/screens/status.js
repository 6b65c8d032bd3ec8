// Screens for what went wrong: an unknown path, or an API that could not answer.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { setBreadcrumbs, setRobots, setTitle } from "../layout.js";
import { appUrl, screenUrl } from "../router.js";
import { errorMessage } from "./common.js";

export function notFound(pagePath) {
  setTitle(t("페이지를 찾을 수 없습니다"));
  setBreadcrumbs(null);
  setRobots("noindex");
  return h(
    "div",
    { class: "screen screen--not-found" },
    h("h1", {}, t("페이지를 찾을 수 없습니다")),
    h("p", { class: "lead" }, t("요청하신 주소의 페이지가 없거나, 옮겨졌거나, 아직 공개되지 않았습니다.")),
    h("p", { class: "muted" }, t("주소:"), " ", h("code", {}, pagePath)),
    h(
      "form",
      { class: "inline-search", role: "search", action: screenUrl("/search/"), method: "get" },
      h("label", { for: "not-found-q" }, t("찾으시는 내용을 검색해 보세요")),
      h("input", { id: "not-found-q", name: "q", type: "search" }),
      h("button", { type: "submit" }, t("검색")),
    ),
    h("p", {}, h("a", { href: appUrl("/") }, t("포털 홈으로 가기"))),
  );
}

export function failure(error) {
  setTitle(t("일시적인 오류"));
  setBreadcrumbs(null);
  setRobots("noindex");
  return h(
    "div",
    { class: "screen screen--error", role: "alert" },
    h("h1", {}, t("화면을 불러오지 못했습니다")),
    errorMessage(error, { class: "lead" }),
    h("p", {}, h("a", { href: window.location.pathname + window.location.search }, t("다시 시도")), " · ", h("a", { href: appUrl("/") }, t("포털 홈"))),
  );
}
