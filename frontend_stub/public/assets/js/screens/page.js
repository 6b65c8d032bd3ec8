// One screen per page type, chosen by the API's meta.type.

import { feedbackBox } from "../feedback.js";
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

/** Render a page object from the API (live or preview) and set title and breadcrumbs. */
export async function renderPage(page, context = {}) {
  const screen = SCREENS[page.meta?.type] ?? generic;
  const node = await screen(page, context);
  // Every live page asks whether it helped; a preview is not public yet.
  if (!context.preview) node.append(feedbackBox(page));
  const isHome = page.meta?.type === "pages.HomePage";
  setTitle(isHome ? null : page.seo?.title || page.title, page.seo?.description || page.meta?.search_description);
  setBreadcrumbs(isHome ? null : page.breadcrumbs, page.title);
  if (page.licence && !isHome) node.append(licenceNotice(page.licence));
  return node;
}
