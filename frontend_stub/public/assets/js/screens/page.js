// One screen per page type, chosen by the API's meta.type.

import { h } from "../dom.js";
import { feedbackBox } from "../feedback.js";
import { currentLanguage, DEFAULT_LANGUAGE, inTextLanguage, t } from "../i18n.js";
import { setBreadcrumbs, setTitle } from "../layout.js";
import { licenceNotice } from "../licence.js";
import { render as article } from "./article.js";
import { render as blog } from "./blog.js";
import { render as generic } from "./generic.js";
import { render as home } from "./home.js";
import { render as notice } from "./notice.js";
import { render as program } from "./program.js";
import { renderChapter, renderEdition } from "./report.js";
import { render as resource } from "./resource.js";
import { render as section } from "./section.js";

const SCREENS = {
  "pages.HomePage": home,
  "pages.SectionPage": section,
  "pages.ArticlePage": article,
  "pages.EducationProgramPage": program,
  "pages.EducationResourcePage": resource,
  "pages.ReportEditionPage": renderEdition,
  "pages.ReportChapterPage": renderChapter,
  "pages.BlogPostPage": blog,
  "pages.NoticePage": notice,
};

/** Said in the reader's language when the page is shown in its Korean source instead. */
function notTranslatedNotice() {
  return h(
    "p",
    { class: "translation-notice", role: "note", lang: currentLanguage() },
    t("이 페이지는 아직 번역되지 않아 한국어 원문을 보여 드립니다."),
  );
}

/**
 * Render a page object from the API (live or preview) and set title and breadcrumbs. The page
 * is drawn in its own language (meta.locale), labels included, and marked with it: a Korean
 * page shown in the Vietnamese client is lang="ko", under a note in Vietnamese saying so.
 */
export async function renderPage(page, context = {}) {
  const screen = SCREENS[page.meta?.type] ?? generic;
  const language = page.meta?.locale ?? DEFAULT_LANGUAGE;
  const node = await inTextLanguage(language, async () => {
    const drawn = await screen(page, context);
    if (page.licence && page.meta?.type !== "pages.HomePage") drawn.append(licenceNotice(page.licence));
    return drawn;
  });
  node.setAttribute("lang", language);
  const isHome = page.meta?.type === "pages.HomePage";
  setTitle(isHome ? null : page.seo?.title || page.title, page.seo?.description || page.meta?.search_description);
  setBreadcrumbs(isHome ? null : page.breadcrumbs, page.title, language);
  if (language === currentLanguage() && !page.meta?.fallback_from) {
    if (!context.preview) node.append(feedbackBox(page));
    return node;
  }
  // Every live page asks whether it helped (in the reader's language); a preview is not public yet.
  return h("div", { class: "screen-frame" }, notTranslatedNotice(), node, context.preview ? null : feedbackBox(page));
}
