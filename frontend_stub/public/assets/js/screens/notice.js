// Notices (공지사항) with their attachments.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { richTextBlock } from "../blocks.js";
import { dateText, downloadList, pageHeader, section } from "./common.js";

export function render(page) {
  return h(
    "article",
    { class: "screen screen--notice" },
    pageHeader(page, { kicker: t("공지사항") }),
    h("p", { class: "byline" }, page.pinned ? [h("span", { class: "badge" }, t("고정")), " "] : null, t("게시일"), " ", dateText(page.date)),
    richTextBlock(page.body),
    section(t("첨부파일"), downloadList(page.attachments)),
  );
}
