// Pieces several screens share: page header, fact lists, tags, cards, pagination.

import { ApiError } from "../api.js";
import { h } from "../dom.js";
import { currentLanguage, DEFAULT_LANGUAGE, t } from "../i18n.js";
import { formatDate, formatSize, labelOf, typeLabel } from "../format.js";
import { responsiveImage } from "../images.js";
import { pageLink } from "../links.js";
import { screenUrl, searchUrl } from "../router.js";

/** The screen's one <h1>, with the page type above it and a lead paragraph below. */
export function pageHeader(page, { kicker, lead, title } = {}) {
  return h(
    "header",
    { class: "page-header" },
    h("p", { class: "kicker" }, kicker ?? typeLabel(page.meta?.type)),
    h("h1", {}, title ?? page.title),
    lead ? h("p", { class: "lead" }, lead) : null,
  );
}

// The generated 개인정보 처리방침 (privacy/views.py), served by Django beside the API.
export const PRIVACY_POLICY_URL = "/privacy-policy/";

/** Under a form that collects personal data: where the policy for it is (PIPA §30). */
export function privacyPolicyNote() {
  return h(
    "p",
    { class: "form-hint" },
    t("개인정보를 어떤 목적으로 얼마 동안 보관하는지는 개인정보 처리방침에서 볼 수 있습니다."),
    " ",
    // The policy itself is published in Korean only.
    h("a", { class: "privacy-policy-link", href: PRIVACY_POLICY_URL, hreflang: "ko" }, t("개인정보 처리방침"), t(" (한국어)")),
  );
}

/**
 * What went wrong, for the reader. The API's messages are Korean (docs/languages.md): in
 * another language they are marked lang="ko" after a line in the reader's language saying so;
 * the client's own messages (no connection …) are already in the reader's language.
 */
export function errorMessage(error, attrs = {}) {
  const fromServer = error instanceof ApiError && error.fromServer && error.message;
  if (!fromServer) return h("p", attrs, error?.message || t("잠시 후 다시 시도해 주세요."));
  if (currentLanguage() === DEFAULT_LANGUAGE) return h("p", attrs, error.message);
  return h("p", attrs, t("요청을 처리하지 못했습니다. 서버의 안내(한국어):"), " ", h("span", { lang: "ko" }, error.message));
}

/** A definition list of facts, skipping the empty ones. */
export function facts(entries, className = "facts") {
  const rows = entries.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (!rows.length) return null;
  return h("dl", { class: className }, rows.map(([term, value]) => h("div", {}, h("dt", {}, term), h("dd", {}, value))));
}

/** A tag chip leading to the pages with that tag: a search for its name, filtered by it
 * (the search API needs a query; every tagged page is found by its tag's name). */
function chip(item, filter) {
  const label = labelOf(item);
  if (!filter || !item?.slug) return h("li", {}, label);
  return h("li", {}, h("a", { href: searchUrl({ q: label, [filter]: item.slug }), class: "chip" }, label));
}

/** Topic, audience and district tags as chips; topics and audiences lead to listings. */
export function taxonomy(page) {
  const groups = [
    [t("주제"), page.topics, "topic"],
    [t("대상"), page.audiences, "audience"],
    [t("자치구"), page.districts, "district"],
  ].filter(([, items]) => Array.isArray(items) && items.length);
  if (!groups.length) return null;
  return facts(
    groups.map(([term, items, filter]) => [term, h("ul", { class: "tags" }, items.map((item) => chip(item, filter)))]),
    "facts facts--tags",
  );
}

export function section(title, ...children) {
  const content = children.flat().filter(Boolean);
  if (!content.length) return null;
  return h("section", { class: "content-section" }, h("h2", {}, title), content);
}

/** The two doors of online counseling (app screens, not pages, so no menu lists them). */
export function counselingLinks(title = t("온라인 상담")) {
  return section(
    title,
    h(
      "ul",
      { class: "link-list counseling-links" },
      h("li", {}, h("a", { href: screenUrl("/counseling/ask/") }, t("온라인 상담 신청하기"))),
      h("li", {}, h("a", { href: screenUrl("/counseling/") }, t("상담 답변 확인하기 (접수번호와 열람 코드)"))),
    ),
  );
}

/** A card linking to a page in a listing; `level` keeps the heading outline in order. */
export function card(item, { meta, text, image, level = "h3" } = {}) {
  return h(
    "li",
    { class: "card" },
    image ? responsiveImage(image, { alt: "", sizes: "(max-width: 48rem) 100vw, 20rem", className: "card__image" }) : null,
    h(level, { class: "card__title" }, pageLink(item)),
    meta ? h("p", { class: "card__meta" }, meta) : null,
    text ? h("p", { class: "card__text" }, text) : null,
  );
}

export function cardList(items, render) {
  return h("ul", { class: "cards" }, items.map(render));
}

export function dateText(value) {
  return value ? h("time", { datetime: String(value).slice(0, 10) }, formatDate(value)) : null;
}

/** Previous/next and numbered page links; `hrefFor(n)` builds the URL of page n. */
export function pagination(current, totalPages, hrefFor, label = t("페이지")) {
  if (totalPages <= 1) return null;
  const numbers = [];
  for (let n = Math.max(1, current - 2); n <= Math.min(totalPages, current + 2); n += 1) numbers.push(n);
  return h(
    "nav",
    { class: "pagination", "aria-label": label },
    h(
      "ul",
      {},
      current > 1 ? h("li", {}, h("a", { href: hrefFor(current - 1), rel: "prev" }, t("이전"))) : null,
      numbers.map((n) =>
        h(
          "li",
          {},
          n === current
            ? h("a", { href: hrefFor(n), "aria-current": "page" }, String(n))
            : h("a", { href: hrefFor(n) }, String(n)), // named by what it shows (WCAG 2.5.3)
        ),
      ),
      current < totalPages ? h("li", {}, h("a", { href: hrefFor(current + 1), rel: "next" }, t("다음"))) : null,
    ),
  );
}

/** The documents of a page (downloads, attachments) as download links with type and size. */
export function downloadList(documents) {
  const items = (documents || []).map((entry) => ({ title: entry.title, doc: entry.document ?? entry })).filter(({ doc }) => doc?.url);
  if (!items.length) return null;
  return h(
    "ul",
    { class: "downloads" },
    items.map(({ title, doc }) => {
      const details = [doc.extension?.toUpperCase(), formatSize(doc.size)].filter(Boolean).join(", ");
      return h(
        "li",
        {},
        h("a", { href: doc.url, download: "" }, title || doc.title),
        details ? h("span", { class: "downloads__details" }, ` ${details}`) : null,
      );
    }),
  );
}
