// Education materials: what they are, for whom, and the files to download.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { labelOf } from "../format.js";
import { richTextBlock } from "../blocks.js";
import { pageLink } from "../links.js";
import { downloadList, facts, pageHeader, section, taxonomy } from "./common.js";

export function render(page) {
  const program = typeof page.program === "object" && page.program ? page.program : null;
  return h(
    "article",
    { class: "screen screen--resource" },
    pageHeader(page),
    facts([
      [t("자료 유형"), labelOf(page.resource_type_display ?? page.resource_type)],
      [t("대상 연령"), page.age_range],
      [t("관련 프로그램"), program ? pageLink(program) : null],
    ]),
    page.description ? richTextBlock(page.description) : null,
    section(t("내려받기"), downloadList(page.downloads)),
    section(t("영상"), page.video_url ? h("p", {}, h("a", { href: page.video_url, rel: "noopener" }, t("영상 보기 (새 사이트)"))) : null),
    taxonomy(page),
  );
}
