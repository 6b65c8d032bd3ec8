// Family information articles: intro, body, who it is for, whom to ask, related links.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { labelOf } from "../format.js";
import { renderStream } from "../blocks.js";
import { appUrl } from "../router.js";
import { facts, pageHeader, section, taxonomy } from "./common.js";

/** A related link points at a portal page (shown inside the client) or an outside site. */
function relatedLink(block) {
  const value = block.value ?? {};
  const page = typeof value.page === "object" && value.page ? value.page : null;
  const pagePath = page?.path ?? page?.meta?.path ?? (value.url?.startsWith("/") ? value.url : null);
  if (pagePath) return h("li", {}, h("a", { href: appUrl(pagePath) }, value.title || page?.title));
  const url = value.external_url || value.url;
  if (!url) return null;
  return h("li", {}, h("a", { href: url, rel: "noopener" }, value.title || url));
}

function agencyContact(page) {
  const agency = page.agency;
  return facts([
    [t("담당 기관"), agency?.url ? h("a", { href: agency.url, rel: "noopener" }, labelOf(agency)) : labelOf(agency)],
    [t("전화"), agency?.phone],
    [t("문의처"), page.contact],
  ]);
}

export function render(page) {
  const links = (page.related_links || []).map(relatedLink).filter(Boolean);
  return h(
    "article",
    { class: "screen screen--article" },
    pageHeader(page, { lead: page.intro }),
    renderStream(page.body),
    taxonomy(page),
    section(t("관련 링크"), links.length ? h("ul", { class: "link-list" }, links) : null),
    section(t("문의"), agencyContact(page)),
  );
}
