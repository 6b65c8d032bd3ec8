// Posts of the family bloggers' group.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { labelOf } from "../format.js";
import { renderStream } from "../blocks.js";
import { figure, responsiveImage } from "../images.js";
import { dateText, pageHeader } from "./common.js";

function byline(page) {
  const blogger = page.blogger;
  return h(
    "p",
    { class: "byline" },
    blogger ? [responsiveImage(blogger.photo, { alt: "", sizes: "3rem", className: "byline__photo" }), h("span", {}, labelOf(blogger))] : null,
    page.date ? [" · ", dateText(page.date)] : null,
  );
}

export function render(page) {
  const tags = (page.tags || []).map(labelOf).filter(Boolean);
  return h(
    "article",
    { class: "screen screen--blog" },
    pageHeader(page, { kicker: t("가족 블로그단"), lead: page.intro }),
    byline(page),
    figure(page.hero_image, { className: "figure figure--hero" }),
    renderStream(page.body),
    tags.length ? h("ul", { class: "tags", "aria-label": t("태그") }, tags.map((tag) => h("li", {}, `#${tag}`))) : null,
    page.blogger?.bio ? h("aside", { class: "author", "aria-label": t("글쓴이 소개") }, h("p", {}, page.blogger.bio)) : null,
  );
}
