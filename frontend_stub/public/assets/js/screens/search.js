// Search: query box with suggestions, facets, highlighted snippets, pagination, and help
// when nothing is found.

import { ApiError, getNavigation, search, suggest } from "../api.js";
import { attachAutocomplete } from "../autocomplete.js";
import { h, markedText } from "../dom.js";
import { currentLanguage, languageOfPath, t } from "../i18n.js";
import { formatNumber, typeLabel } from "../format.js";
import { setBreadcrumbs, setRobots, setTitle } from "../layout.js";
import { pageLink, pathOf } from "../links.js";
import { screenUrl, searchUrl } from "../router.js";
import { pagination } from "./common.js";
import { subscribeBox } from "../subscribe.js";

const FILTERS = ["type", "section", "topic", "audience", "district"];
const FACET_TITLES = { type: "유형", section: "섹션", topic: "주제", audience: "대상", district: "자치구" };
// What families search for most, in each language's own words.
const POPULAR = {
  ko: ["한부모", "가족상담", "서울가족학교", "다문화가족", "맞벌이"],
  "zh-hans": ["口译", "韩语课程", "家庭中心", "家庭咨询", "紧急电话"],
  vi: ["hỗ trợ", "phiên dịch", "học tiếng Hàn", "trung tâm gia đình", "tư vấn gia đình"],
  en: ["interpreting", "Korean classes", "family center", "counseling", "emergency"],
};

function popularTerms() {
  return POPULAR[currentLanguage()] ?? POPULAR.ko;
}

function stateOf(params) {
  const state = { q: (params.get("q") || "").trim(), page: Math.max(1, Number.parseInt(params.get("page") || "1", 10) || 1) };
  for (const name of FILTERS) state[name] = params.get(name) || "";
  return state;
}

function urlFor(state, changes) {
  const next = { ...state, ...changes };
  if (next.page === 1) delete next.page;
  return searchUrl(next);
}

function searchForm(state) {
  const input = h("input", { id: "search-q", name: "q", type: "search", value: state.q, maxlength: "100", placeholder: t("예: 한부모 지원, 가족상담") });
  const form = h(
    "form",
    // The header has a search landmark too: each gets its own name.
    { class: "search-form", role: "search", "aria-label": t("검색어 바꾸기"), action: screenUrl("/search/"), method: "get" },
    h("label", { for: "search-q" }, t("검색어")),
    h("div", { class: "search-form__box" }, input, h("button", { type: "submit" }, t("검색"))),
    FILTERS.filter((name) => state[name]).map((name) => h("input", { type: "hidden", name, value: state[name] })),
  );
  attachAutocomplete(input);
  return form;
}

function termLinks(terms) {
  return h("ul", { class: "term-list" }, terms.map((term) => h("li", {}, h("a", { href: searchUrl({ q: term }) }, term))));
}

function facetGroups(state, facets) {
  const groups = Object.entries(facets || {}).filter(([, values]) => Array.isArray(values) && values.length);
  if (!groups.length) return null;
  // After the results and folded on a phone (28 filter links pushed results 1,400 px down);
  // open beside them on a wide screen.
  const wide = window.matchMedia("(min-width: 52rem)").matches;
  return h(
    "aside",
    { class: "facets", "aria-labelledby": "facets-title" },
    h(
      "details",
      { class: "facets__fold", open: wide || groups.some(([name]) => state[name]) },
      h("summary", {}, h("h2", { id: "facets-title" }, t("결과 좁히기"))),
      facetSections(state, groups),
    ),
  );
}

function facetSections(state, groups) {
  return groups.map(([name, values]) =>
      h(
        "section",
        { class: "facets__group" },
        h("h3", {}, FACET_TITLES[name] ? t(FACET_TITLES[name]) : name),
        h(
          "ul",
          {},
          values.map((facet) => {
            const selected = String(state[name]) === String(facet.value);
            const label = `${facet.label || typeLabel(facet.value)} (${formatNumber(facet.count)})`;
            return h(
              "li",
              {},
              selected
                ? [h("a", { href: urlFor(state, { [name]: facet.value, page: 1 }), "aria-current": "true", class: "is-selected" }, label), " ", h("a", { href: urlFor(state, { [name]: "", page: 1 }), class: "facets__clear" }, t("해제"))]
                : h("a", { href: urlFor(state, { [name]: facet.value, page: 1 }) }, label),
            );
          }),
        ),
      ),
    );
}

/** "Did you mean": the corrected query, found with it already, and a link to search it. */
function didYouMean(state, body) {
  if (!body.did_you_mean) return null;
  return h(
    "p",
    { class: "did-you-mean", role: "note" },
    // The link sits where each language puts the word: "혹시 ‘…’을(를)", "Có phải bạn muốn tìm ‘…’".
    ...t("혹시 {q}을(를) 찾으셨나요?")
      .split(/(\{q\})/)
      .map((part) => (part === "{q}" ? h("a", { href: searchUrl({ q: body.did_you_mean }) }, `‘${body.did_you_mean}’`) : part)),
    (body.items || []).length ? h("span", { class: "muted" }, " ", t("‘{q}’(으)로 고쳐 찾은 결과도 함께 보여 드립니다.", { q: body.did_you_mean })) : null,
  );
}

/** The same page in other report editions, folded under the best match. */
function otherEditions(item) {
  const others = item.also || [];
  if (!others.length) return null;
  return h(
    "details",
    { class: "result__editions" },
    h("summary", {}, t("다른 연도 보고서의 같은 글 {count}건", { count: formatNumber(others.length) })),
    h("ul", {}, others.map((other) => h("li", {}, pageLink(other), other.edition ? ` (${t("{year}년판", { year: other.edition })})` : null))),
  );
}

function resultItem(item) {
  return h(
    "li",
    // A hit's title and snippet are in its page's language (the path says which).
    { class: "result", lang: languageOfPath(pathOf(item) || "/") },
    h("p", { class: "result__type" }, typeLabel(item.type), item.edition ? h("span", { class: "result__edition" }, ` · ${t("{year}년판", { year: item.edition })}`) : null),
    h("h3", { class: "result__title" }, pageLink(item)),
    item.snippet ? h("p", { class: "result__snippet" }, markedText(item.snippet)) : null,
    h("p", { class: "result__path" }, pathOf(item)),
    otherEditions(item),
  );
}

/** What to offer when nothing matched: the search's own suggestions, spelling and spacing
 * tips, and other queries to try. */
async function nothingFound(state, body) {
  const hasFilters = FILTERS.some((name) => state[name]);
  let related = (body.suggestions || []).slice(0, 5);
  if (!related.length) {
    try {
      related = ((await suggest(state.q.slice(0, 2))).suggestions || []).slice(0, 5);
    } catch {
      related = [];
    }
  }
  return h(
    "div",
    { class: "no-results" },
    h("h2", {}, t("검색 결과가 없습니다")),
    h("p", { class: "lead" }, t("‘{q}’에 맞는 페이지를 찾지 못했습니다.", { q: state.q })),
    h(
      "ul",
      {},
      h("li", {}, t("맞춤법이 맞는지 확인해 보세요.")),
      // Spacing is a Korean habit; other languages get the advice that fits them.
      h("li", {}, t("띄어쓰기를 바꿔 보세요. 예: ‘한부모가정’ 대신 ‘한부모 가정’")),
      h("li", {}, t("더 짧거나 일반적인 낱말로 검색해 보세요. 예: ‘가족상담센터 예약’ 대신 ‘가족상담’")),
      hasFilters ? h("li", {}, h("a", { href: searchUrl({ q: state.q }) }, t("선택한 조건을 모두 해제하고 다시 검색하기"))) : null,
    ),
    related.length ? [h("h3", {}, t("이런 페이지는 어떠세요?")), h("ul", { class: "link-list" }, related.map((item) => h("li", {}, pageLink(item))))] : null,
    h("h3", {}, t("많이 찾는 검색어")),
    termLinks(popularTerms()),
  );
}

async function results(state) {
  let body;
  try {
    body = await search({ q: state.q, page: state.page > 1 ? state.page : null, ...Object.fromEntries(FILTERS.map((name) => [name, state[name]])) });
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      return h("p", { class: "form-error", role: "alert" }, error.message);
    }
    throw error;
  }
  const items = body.items || [];
  const total = body.total ?? items.length;
  const pageSize = body.page_size || items.length || 10;
  const summary = h(
    "p",
    { class: "result-count", role: "status" },
    t("‘{q}’ 검색 결과 {count}건", { q: state.q, count: formatNumber(total) }),
    body.fallback ? h("span", { class: "muted" }, " ", t("(검색 엔진 점검 중이라 기본 검색으로 찾았습니다)")) : null,
  );
  if (!items.length) return [summary, didYouMean(state, body), await nothingFound(state, body)];
  return h(
    "div",
    { class: "search-layout" },
    h(
      "section",
      { class: "results", "aria-labelledby": "results-title" },
      h("h2", { id: "results-title" }, t("검색 결과")),
      summary,
      didYouMean(state, body),
      h("ol", { class: "result-list", start: String((state.page - 1) * pageSize + 1) }, items.map(resultItem)),
      pagination(state.page, Math.ceil(total / pageSize), (n) => urlFor(state, { page: n }), t("검색 결과 페이지")),
    ),
    facetGroups(state, body.facets),
  );
}

async function startHere() {
  let sections = [];
  try {
    sections = await getNavigation();
  } catch {
    sections = [];
  }
  return h(
    "div",
    { class: "search-start" },
    h("h2", {}, t("많이 찾는 검색어")),
    termLinks(popularTerms()),
    sections.length ? [h("h2", {}, t("섹션 둘러보기")), h("ul", { class: "link-list" }, sections.map((item) => h("li", {}, pageLink(item))))] : null,
  );
}

export async function renderSearch(params) {
  const state = stateOf(params);
  setTitle(state.q ? t("‘{q}’ 검색 결과", { q: state.q }) : t("검색"));
  setBreadcrumbs(null);
  setRobots(state.q ? "noindex" : null);
  return h(
    "div",
    { class: "screen screen--search" },
    h("h1", {}, t("검색")),
    searchForm(state),
    state.q ? await results(state) : await startHere(),
    subscription(state),
  );
}

/** Topic and filtered screens: subscribe to what the filters pick (free text is no list). */
function subscription(state) {
  const filters = Object.fromEntries(FILTERS.filter((name) => state[name]).map((name) => [name, state[name]]));
  const names = Object.entries(filters).map(([name, value]) => `${t(FACET_TITLES[name])} ${value}`);
  return names.length ? subscribeBox(filters, names.join(" · ")) : null;
}
