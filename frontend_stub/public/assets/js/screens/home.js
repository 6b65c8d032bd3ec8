// Home: hero, the portal's sections, featured content and pinned notices.

import { getNavigation, listPages } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { labelOf, typeLabel } from "../format.js";
import { responsiveImage } from "../images.js";
import { pageLink } from "../links.js";
import { card, cardList, counselingLinks, dateText, section } from "./common.js";

async function sectionsOf() {
  try {
    return await getNavigation();
  } catch {
    return [];
  }
}

/** Pinned notices from the home page itself, or the notice listing when it has none. */
async function pinnedNoticesOf(page) {
  if (Array.isArray(page.pinned_notices)) return page.pinned_notices;
  try {
    const listing = await listPages({ type: "pages.NoticePage", pinned: "true", fields: "date", order: "-date", limit: 5 });
    return listing.items || [];
  } catch {
    return [];
  }
}

function featuredItems(page) {
  const items = page.featured_items ?? page.featured ?? [];
  return items.map((item) => item.page ?? item).filter((item) => item && item.title);
}

export async function render(page) {
  const [sections, notices] = await Promise.all([sectionsOf(), pinnedNoticesOf(page)]);
  const featured = featuredItems(page);
  return h(
    "div",
    { class: "screen screen--home" },
    h(
      "header",
      { class: "hero" },
      h("div", { class: "hero__text" }, h("h1", {}, page.hero_title || page.title), page.hero_text ? h("p", { class: "lead" }, page.hero_text) : null),
      responsiveImage(page.hero_image, { alt: "", sizes: "(max-width: 48rem) 100vw, 40rem", className: "hero__image" }),
    ),
    section(
      t("공지사항"),
      notices.length
        ? h(
            "ul",
            { class: "notice-list" },
            notices.map((notice) => h("li", {}, h("span", { class: "badge" }, t("고정")), " ", pageLink(notice), " ", dateText(notice.date))),
          )
        : null,
    ),
    counselingLinks(),
    section(
      t("포털 안내"),
      sections.length
        ? cardList(sections, (item) =>
            card(item, {
              text: item.children?.length ? item.children.slice(0, 3).map((child) => child.title).join(" · ") : null,
            }),
          )
        : null,
    ),
    section(
      t("추천 콘텐츠"),
      featured.length
        ? cardList(featured, (item) =>
            card(item, {
              meta: item.meta?.type ?? item.type ? typeLabel(item.meta?.type ?? item.type) : null,
              text: item.intro ?? item.search_description ?? labelOf(item.summary),
              image: item.hero_image ?? item.image ?? item.cover_image,
            }),
          )
        : null,
    ),
  );
}
