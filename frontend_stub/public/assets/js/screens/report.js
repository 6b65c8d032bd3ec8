// The family report: an edition with its table of contents, and chapters with tables and charts.

import { ApiError, listPages } from "../api.js";
import { h } from "../dom.js";
import { formatDate, formatNumber, labelOf } from "../format.js";
import { renderStream, richTextBlock } from "../blocks.js";
import { figure } from "../images.js";
import { pageLink } from "../links.js";
import { facts, pageHeader, section } from "./common.js";

async function chaptersOf(editionId) {
  const listing = await listPages({
    child_of: editionId,
    type: "pages.ReportChapterPage",
    fields: "chapter_number,summary",
    order: "chapter_number",
    limit: 50,
  });
  return (listing.items || []).sort((a, b) => (a.chapter_number ?? 0) - (b.chapter_number ?? 0));
}

function chapterLabel(chapter) {
  return chapter.chapter_number ? `제${chapter.chapter_number}장` : "";
}

/** "제2장 돌봄과 일", whether or not the editor already put the number in the title. */
function numberedTitle(chapter) {
  const label = chapterLabel(chapter);
  return !label || chapter.title.startsWith(label) ? chapter.title : `${label} ${chapter.title}`;
}

function tableOfContents(chapters) {
  if (!chapters.length) return h("p", { class: "empty" }, "아직 공개된 장이 없습니다.");
  return h(
    "ol",
    { class: "toc" },
    chapters.map((chapter) =>
      h(
        "li",
        {},
        pageLink(chapter, numberedTitle(chapter)),
        chapter.summary ? h("p", { class: "toc__summary" }, chapter.summary) : null,
      ),
    ),
  );
}

/** The printed book as a PDF download, with its size and page count (null until built). */
function printDownload(pdf) {
  if (!pdf?.url) return null;
  const megabytes = (pdf.size / (1024 * 1024)).toFixed(1);
  return h(
    "p",
    { class: "edition__download" },
    h(
      "a",
      { href: pdf.url, download: "", class: "button", type: "application/pdf" },
      "인쇄본 PDF 내려받기",
    ),
    ` (PDF, ${formatNumber(pdf.page_count)}쪽, ${megabytes}MB)`,
  );
}

export async function renderEdition(page) {
  const chapters = await chaptersOf(page.id).catch((error) => {
    // The preview of an edition not yet published (a release's new edition): the API lists
    // no children of a page that is not public, so there are no chapters to show yet.
    if (error instanceof ApiError && error.status === 400) return [];
    throw error;
  });
  const agencies = (page.contributing_agencies || []).map(labelOf).filter(Boolean);
  return h(
    "article",
    { class: "screen screen--edition" },
    pageHeader(page, { kicker: `가족보고서 ${page.edition_number ?? ""}`.trim() }),
    h(
      "div",
      { class: "edition" },
      figure(page.cover_image, { alt: `${page.title} 표지`, className: "figure edition__cover" }),
      facts([
        ["발간 연도", page.year && `${page.year}년`],
        ["발간 차수", page.edition_number],
        ["발간일", page.publication_date && formatDate(page.publication_date)],
        ["발간 부수", page.print_run && `${formatNumber(page.print_run)}부`],
        ["자료 제공 기관", agencies.join(", ")],
      ]),
    ),
    printDownload(page.print_pdf),
    page.summary ? richTextBlock(page.summary) : null,
    h("section", { class: "content-section" }, h("h2", {}, "목차"), tableOfContents(chapters)),
  );
}

function dataSources(blocks) {
  const items = (blocks || []).map((block) => block.value ?? block).filter((value) => value?.title);
  if (!items.length) return null;
  return h(
    "ul",
    { class: "sources" },
    items.map((value) => {
      const text = [value.title, value.agency, value.year && `${value.year}년`].filter(Boolean).join(", ");
      return h("li", {}, value.url ? h("a", { href: value.url, rel: "noopener" }, text) : text);
    }),
  );
}

/** Previous and next chapter of the same edition. */
async function chapterNav(page) {
  const editionId = page.meta?.parent_id ?? page.meta?.parent?.id;
  if (!editionId) return null;
  let chapters;
  try {
    chapters = await chaptersOf(editionId);
  } catch {
    return null;
  }
  const index = chapters.findIndex((chapter) => chapter.id === page.id);
  if (index < 0) return null;
  const previous = chapters[index - 1];
  const next = chapters[index + 1];
  return h(
    "nav",
    { class: "chapter-nav", "aria-label": "장 이동" },
    previous ? h("p", {}, "이전 장: ", pageLink(previous, numberedTitle(previous))) : null,
    next ? h("p", {}, "다음 장: ", pageLink(next, numberedTitle(next))) : null,
  );
}

export async function renderChapter(page) {
  return h(
    "article",
    { class: "screen screen--chapter" },
    pageHeader(page, { kicker: `가족보고서 ${chapterLabel(page)}`, lead: page.summary }),
    renderStream(page.body),
    section("자료 출처", dataSources(page.data_sources)),
    await chapterNav(page),
  );
}
