// Section landing pages: the intro, then listings of the pages the section holds.

import { listPages, listPartnerItems } from "../api.js";
import { h, richText } from "../dom.js";
import { t } from "../i18n.js";
import { setSectionFeeds } from "../layout.js";
import { formatDate, formatNumber, labelOf } from "../format.js";
import { richTextBlock } from "../blocks.js";
import { appUrl } from "../router.js";
import { pathOf } from "../links.js";
import { card, cardList, counselingLinks, pageHeader, pagination } from "./common.js";
import { applicationStatus, statusBadge } from "./program.js";
import { subscribeBox } from "../subscribe.js";

const PAGE_SIZE = 12;

const dateMeta = (item) => formatDate(item.date);

/** What each kind of section lists, and how each item is summarised. */
const LISTINGS = {
  "family-info": [{ heading: "가족정보", type: "pages.ArticlePage", fields: "intro", text: (item) => item.intro }],
  "family-school": [
    {
      heading: "교육 프로그램",
      type: "pages.EducationProgramPage",
      fields: "intro,application_status,application_start,application_end,start_date,end_date",
      meta: (item) => [statusBadge(applicationStatus(item)), ` ${t("교육")} ${formatDate(item.start_date)} ~ ${formatDate(item.end_date)}`],
      text: (item) => item.intro,
    },
    {
      heading: "교육 자료",
      type: "pages.EducationResourcePage",
      fields: "resource_type,age_range",
      meta: (item) => [labelOf(item.resource_type), item.age_range].filter(Boolean).join(" · "),
    },
  ],
  report: [
    {
      heading: "발간호",
      type: "pages.ReportEditionPage",
      fields: "year,edition_number,publication_date,cover_image",
      order: "-year",
      meta: (item) => [item.year && t("{year}년", { year: item.year }), item.edition_number, item.publication_date && t("{date} 발간", { date: formatDate(item.publication_date) })].filter(Boolean).join(" · "),
      image: (item) => item.cover_image,
    },
  ],
  blog: [
    { heading: "블로그 글", type: "pages.BlogPostPage", fields: "date,intro,hero_image", order: "-date", meta: dateMeta, text: (item) => item.intro, image: (item) => item.hero_image },
  ],
  counseling: [{ heading: "자주 묻는 상담", type: "pages.CounselingFAQPage", fields: "category,question", meta: (item) => labelOf(item.category), text: (item) => item.question }],
  notice: [
    {
      heading: "공지사항",
      type: "pages.NoticePage",
      fields: "date,pinned",
      order: "-date",
      meta: (item) => [item.pinned ? h("span", { class: "badge" }, t("고정")) : null, " ", formatDate(item.date)],
    },
  ],
};

const GENERIC_LISTING = [{ heading: "페이지 목록" }];

async function listing(page, spec, pageNumber, single) {
  const offset = single ? (pageNumber - 1) * PAGE_SIZE : 0;
  const result = await listPages({
    child_of: page.id,
    locale: page.meta?.locale, // the section's own tree (a Korean one when it fell back)
    type: spec.type,
    fields: spec.fields,
    order: spec.order,
    limit: PAGE_SIZE,
    offset,
  });
  const items = result.items || [];
  const heading = t(spec.heading);
  const total = result.meta?.total_count ?? items.length;
  const hrefFor = (n) => appUrl(pathOf(page), n > 1 ? { page: n } : null);
  return h(
    "section",
    { class: "content-section" },
    h("h2", {}, heading, h("span", { class: "count" }, ` ${t("{count}건", { count: formatNumber(total) })}`)),
    items.length
      ? cardList(items, (item) => card(item, { meta: spec.meta?.(item), text: spec.text?.(item), image: spec.image?.(item) }))
      : h("p", { class: "empty" }, t("아직 게시된 글이 없습니다.")),
    single ? pagination(pageNumber, Math.ceil(total / PAGE_SIZE), hrefFor, t("{name} 페이지", { name: heading })) : null,
  );
}

const PARTNER_NEWS_SIZE = 5;

/** One partner news item: its title links to the original, its agency is credited. */
function partnerNewsItem(item) {
  const agency = item.source?.agency?.name;
  return h(
    "li",
    { class: "card card--partner" },
    // Partner agencies write in Korean.
    h("h3", { class: "card__title", lang: "ko" }, item.link ? h("a", { href: item.link, rel: "noopener nofollow" }, item.title) : item.title),
    h("p", { class: "card__meta" }, [agency ? t("출처: {agency}", { agency }) : null, item.published ? formatDate(item.published) : null].filter(Boolean).join(" · ")),
    item.summary_html ? h("div", { class: "card__text rich-text", lang: "ko" }, richText(item.summary_html)) : null,
  );
}

/** 협력기관 소식: partner agencies' news for this section; absent when there is none or the API fails. */
async function partnerNews(kind) {
  if (!kind) return null;
  let items = [];
  try {
    items = (await listPartnerItems({ section: kind, limit: PARTNER_NEWS_SIZE })).items || [];
  } catch {
    return null; // the section's own pages matter more than its partners' news
  }
  if (!items.length) return null;
  return h(
    "section",
    { class: "content-section partner-news", "aria-labelledby": "partner-news-title" },
    h("h2", { id: "partner-news-title" }, t("협력기관 소식")),
    h("ul", { class: "cards" }, items.map(partnerNewsItem)),
  );
}

export async function render(page, { params }) {
  const kind = typeof page.kind === "object" && page.kind ? page.kind.value : page.kind;
  const specs = LISTINGS[kind] ?? GENERIC_LISTING;
  const pageNumber = Math.max(1, Number.parseInt(params?.get("page") ?? "1", 10) || 1);
  const [news, ...listings] = await Promise.all([
    partnerNews(kind),
    ...specs.map((spec) => listing(page, spec, pageNumber, specs.length === 1)),
  ]);
  setSectionFeeds(kind, page.title);
  return h(
    "div",
    { class: "screen screen--section" },
    pageHeader(page, { kicker: t("섹션") }),
    page.intro ? richTextBlock(page.intro, "rich-text lead") : null,
    kind === "counseling" ? counselingLinks(t("상담 신청과 답변 확인")) : null,
    listings,
    news,
    kind ? subscribeBox({ section: kind }, page.title) : null,
  );
}
