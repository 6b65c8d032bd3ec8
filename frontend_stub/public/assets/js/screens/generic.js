// Any other page type: its title and whichever common text fields it has.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { renderStream, richTextBlock } from "../blocks.js";
import { pageHeader, section } from "./common.js";

export function render(page) {
  return h(
    "article",
    { class: "screen screen--generic" },
    pageHeader(page, { lead: page.intro ?? page.summary }),
    page.question ? section(t("질문"), h("p", {}, page.question)) : null,
    page.answer ? section(t("답변"), richTextBlock(page.answer)) : null,
    typeof page.body === "string" ? richTextBlock(page.body) : renderStream(page.body),
  );
}
