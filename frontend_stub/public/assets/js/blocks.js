// StreamField bodies: typed JSON blocks from the API, one renderer per block type.

import { renderChart } from "./chart.js";
import { h, richText, uid } from "./dom.js";
import { t } from "./i18n.js";
import { formatNumber, formatSize } from "./format.js";
import { figure } from "./images.js";
import { rewriteInternalLink } from "./links.js";

export function richTextBlock(html, className = "rich-text") {
  return h("div", { class: className }, richText(html, { rewriteLink: rewriteInternalLink }));
}

function tableCell(value) {
  return typeof value === "number" ? formatNumber(value) : (value ?? "");
}

/** A statistics table: title with its unit above a sideways-scrolling grid (so a long
 * title is never cut on a phone), then notes and source; its chart, if any, first. */
export function statisticsTable(value) {
  const titleId = uid("table");
  const headers = value.headers || value.header || [];
  const table = h(
    "figure",
    { class: "statistics-table" },
    h("figcaption", { id: titleId, class: "statistics-table__title" }, value.title, value.unit ? h("span", { class: "unit" }, ` (${t("단위: {unit}", { unit: value.unit })})`) : null),
    h(
      "div",
      { class: "table-scroll", tabindex: "0", role: "region", "aria-labelledby": titleId },
      h(
        "table",
        { "aria-labelledby": titleId },
        h("thead", {}, h("tr", {}, headers.map((cell) => h("th", { scope: "col" }, cell)))),
        h(
          "tbody",
          {},
          (value.rows || []).map(([first, ...rest]) =>
            h("tr", {}, h("th", { scope: "row" }, tableCell(first)), rest.map((cell) => h("td", {}, tableCell(cell)))),
          ),
        ),
      ),
    ),
    value.notes ? h("p", { class: "statistics-table__notes" }, t("주: {notes}", { notes: value.notes })) : null,
    value.source ? h("p", { class: "source" }, t("출처: {agency}", { agency: value.source })) : null,
  );
  if (!value.chart) return table;
  return h("div", { class: "statistics-table-with-chart" }, renderChart(value.chart, { withData: false }), table);
}

function heading(value) {
  const level = String(value.level || "h2").replace(/\D/g, "") === "3" ? "h3" : "h2";
  return h(level, {}, value.text);
}

function documentLink(value) {
  const doc = value.document ?? value;
  if (!doc?.url) return null;
  const details = [doc.extension?.toUpperCase(), formatSize(doc.size)].filter(Boolean).join(", ");
  return h(
    "p",
    { class: "document-link" },
    h("a", { href: doc.url, download: "" }, value.title || doc.title, details ? ` (${details})` : ""),
  );
}

function keyFindings(value) {
  return h(
    "section",
    { class: "key-findings", "aria-label": value.title || t("주요 결과") },
    h("h2", {}, value.title || t("주요 결과")),
    h("ul", {}, (value.findings || []).map((finding) => h("li", {}, finding))),
  );
}

function quote(value) {
  return h(
    "figure",
    { class: "quote" },
    h("blockquote", {}, h("p", {}, value.text)),
    value.source ? h("figcaption", {}, `— ${value.source}`) : null,
  );
}

const RENDERERS = {
  heading,
  paragraph: (value) => richTextBlock(value),
  rich_text: (value) => richTextBlock(value),
  image: (value) =>
    figure(value.image ?? value, { alt: value.alt_text, caption: value.caption }),
  quote,
  document: documentLink,
  statistics_table: statisticsTable,
  key_findings: keyFindings,
};

/** Render a StreamField value; unknown block types are skipped, never shown raw. */
export function renderStream(blocks) {
  const container = h("div", { class: "stream" });
  for (const block of Array.isArray(blocks) ? blocks : []) {
    const render = RENDERERS[block.type];
    const node = render ? render(block.value ?? {}) : null;
    if (node) container.append(h("div", { class: `block block--${block.type}` }, node));
  }
  return container;
}
