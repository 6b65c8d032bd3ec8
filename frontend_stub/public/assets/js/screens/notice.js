// Notices (공지사항) with their attachments.

import { h } from "../dom.js";
import { richTextBlock } from "../blocks.js";
import { dateText, downloadList, pageHeader, section } from "./common.js";

export function render(page) {
  return h(
    "article",
    { class: "screen screen--notice" },
    pageHeader(page, { kicker: "공지사항" }),
    h("p", { class: "byline" }, page.pinned ? [h("span", { class: "badge" }, "고정"), " "] : null, "게시일 ", dateText(page.date)),
    richTextBlock(page.body),
    section("첨부파일", downloadList(page.attachments)),
  );
}
