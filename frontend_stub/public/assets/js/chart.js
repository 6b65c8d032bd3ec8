// Charts drawn from the report's chart data as inline SVG, readable by screen readers.

import { h, svg, uid } from "./dom.js";
import { formatNumber } from "./format.js";

const WIDTH = 640;
const HEIGHT = 320;
const MARGIN = { top: 20, right: 16, bottom: 48 };
// Tick labels are drawn at up to 24px on phones (styles.css); a digit is about 0.6em wide.
const TICK_CHAR_WIDTH = 15;
const compactFormat = new Intl.NumberFormat("ko-KR", { notation: "compact", maximumFractionDigits: 1 });
// Colour-blind-safe palette (Okabe–Ito), dark enough on white.
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

const TYPE_NAMES = { bar: "막대 차트", line: "꺾은선 차트", pie: "원 차트" };

/** A chart value as a number; a blank or "-" cell (null) is a gap, not a zero. */
function toNumber(value) {
  return value === null || value === undefined || value === "" ? Number.NaN : Number(value);
}

function numbersOf(series) {
  return series.flatMap((item) => (item.values || []).map(toNumber).filter(Number.isFinite));
}

/** Round axis ticks (0, 10, 20 …) covering the data. */
export function niceTicks(min, max, count = 5) {
  if (min === max) max = min + 1;
  const rough = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? rough;
  const ticks = [];
  for (let value = Math.floor(min / step) * step; value <= max + step * 1e-9; value += step) {
    ticks.push(Number(value.toFixed(10)));
  }
  if (ticks.at(-1) < max) ticks.push(ticks.at(-1) + step);
  return ticks;
}

/** Axis ticks: "120만" rather than "1,200,000", so they fit beside the plot on a phone. */
export function formatTick(value) {
  return Math.abs(value) >= 10000 ? compactFormat.format(value) : formatNumber(value);
}

function withUnit(value, unit) {
  return `${formatNumber(value)}${unit ? ` ${unit}` : ""}`;
}

/** One sentence per category, for <desc> and for people who cannot see the bars. */
function describe(chart) {
  const { labels = [], series = [], unit } = chart;
  const parts = labels.map((label, index) => {
    const values = series.map((item) => `${item.name} ${withUnit(item.values?.[index], unit)}`);
    return `${label}: ${values.join(", ")}`;
  });
  return `${TYPE_NAMES[chart.chart_type] || TYPE_NAMES.bar}. ${parts.join(". ")}.`;
}

function axes(ticks, scaleY, labels, bandX, left) {
  const group = svg("g", { class: "chart__axes", "aria-hidden": "true" });
  for (const tick of ticks) {
    const y = scaleY(tick);
    group.append(
      svg("line", { x1: left, x2: WIDTH - MARGIN.right, y1: y, y2: y, class: "chart__grid" }),
      svg("text", { x: left - 8, y: y + 4, "text-anchor": "end", class: "chart__tick" }, formatTick(tick)),
    );
  }
  labels.forEach((label, index) => {
    group.append(
      svg("text", { x: bandX(index), y: HEIGHT - MARGIN.bottom + 20, "text-anchor": "middle", class: "chart__label" }, label),
    );
  });
  return group;
}

function plotArea(chart) {
  const { labels = [], series = [] } = chart;
  const numbers = numbersOf(series);
  const ticks = niceTicks(Math.min(0, ...numbers), Math.max(0, ...numbers));
  const low = ticks[0];
  const high = ticks.at(-1);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const scaleY = (value) => MARGIN.top + innerHeight * (1 - (value - low) / (high - low));
  // The plot starts where the widest tick label ends, so no label is clipped.
  const left = 16 + TICK_CHAR_WIDTH * Math.max(...ticks.map((tick) => formatTick(tick).length));
  const band = (WIDTH - left - MARGIN.right) / Math.max(labels.length, 1);
  const bandX = (index) => left + band * (index + 0.5);
  return { labels, series, ticks, scaleY, band, bandX, left };
}

function barMarks(chart) {
  const { labels, series, ticks, scaleY, band, bandX, left } = plotArea(chart);
  const group = svg("g", { class: "chart__marks" });
  const barWidth = (band * 0.7) / Math.max(series.length, 1);
  const zero = scaleY(0);
  series.forEach((item, seriesIndex) => {
    labels.forEach((label, index) => {
      const value = toNumber(item.values?.[index]);
      if (!Number.isFinite(value)) return;
      const x = bandX(index) - (band * 0.7) / 2 + barWidth * seriesIndex;
      const y = Math.min(scaleY(value), zero);
      group.append(
        svg(
          "rect",
          { x, y, width: Math.max(barWidth - 2, 1), height: Math.abs(zero - scaleY(value)), fill: PALETTE[seriesIndex % PALETTE.length], class: "chart__bar" },
          svg("title", {}, `${label} ${item.name}: ${withUnit(value, chart.unit)}`),
        ),
      );
    });
  });
  return [axes(ticks, scaleY, labels, bandX, left), group];
}

function lineMarks(chart) {
  const { labels, series, ticks, scaleY, bandX, left } = plotArea(chart);
  const group = svg("g", { class: "chart__marks" });
  series.forEach((item, seriesIndex) => {
    const colour = PALETTE[seriesIndex % PALETTE.length];
    const points = labels
      .map((label, index) => [label, toNumber(item.values?.[index]), index])
      .filter(([, value]) => Number.isFinite(value));
    group.append(
      svg("polyline", {
        points: points.map(([, value, index]) => `${bandX(index)},${scaleY(value)}`).join(" "),
        fill: "none",
        stroke: colour,
        "stroke-width": 3,
        class: "chart__line",
      }),
    );
    for (const [label, value, index] of points) {
      group.append(
        svg(
          "circle",
          { cx: bandX(index), cy: scaleY(value), r: 5, fill: colour, class: "chart__point" },
          svg("title", {}, `${label} ${item.name}: ${withUnit(value, chart.unit)}`),
        ),
      );
    }
  });
  return [axes(ticks, scaleY, labels, bandX, left), group];
}

function pieMarks(chart) {
  const values = (chart.series?.[0]?.values || []).map((value) => Math.max(toNumber(value) || 0, 0));
  const total = values.reduce((sum, value) => sum + value, 0) || 1;
  const cx = WIDTH / 2;
  const cy = HEIGHT / 2;
  const radius = HEIGHT / 2 - 16;
  const group = svg("g", { class: "chart__marks" });
  let angle = -Math.PI / 2;
  values.forEach((value, index) => {
    const sweep = (value / total) * Math.PI * 2;
    const end = angle + sweep;
    const point = (a) => `${cx + radius * Math.cos(a)},${cy + radius * Math.sin(a)}`;
    const d =
      sweep >= Math.PI * 2 - 1e-9
        ? `M ${cx - radius},${cy} a ${radius},${radius} 0 1,0 ${radius * 2},0 a ${radius},${radius} 0 1,0 ${-radius * 2},0`
        : `M ${cx},${cy} L ${point(angle)} A ${radius},${radius} 0 ${sweep > Math.PI ? 1 : 0},1 ${point(end)} Z`;
    const label = chart.labels?.[index] ?? "";
    const share = ((value / total) * 100).toFixed(1);
    group.append(
      svg(
        "path",
        { d, fill: PALETTE[index % PALETTE.length], stroke: "#fff", "stroke-width": 2, class: "chart__slice" },
        svg("title", {}, `${label}: ${withUnit(value, chart.unit)} (${share}%)`),
      ),
    );
    angle = end;
  });
  return [group];
}

function legend(names) {
  if (names.length < 2) return null;
  return h(
    "ul",
    { class: "chart__legend", "aria-hidden": "true" },
    names.map((name, index) =>
      h("li", {}, h("span", { class: "chart__swatch", "data-colour": index % PALETTE.length }), name),
    ),
  );
}

function dataTable(chart) {
  const { labels = [], series = [] } = chart;
  return h(
    "details",
    { class: "chart__data" },
    h("summary", {}, "차트 데이터 표로 보기"),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "항목"), series.map((item) => h("th", { scope: "col" }, item.name)))),
        h(
          "tbody",
          {},
          labels.map((label, index) =>
            h("tr", {}, h("th", { scope: "row" }, label), series.map((item) => h("td", {}, withUnit(item.values?.[index], chart.unit)))),
          ),
        ),
      ),
    ),
  );
}

/** A <figure> holding the SVG chart and its legend; with `withData`, also its source and
 * the numbers as a table (a statistics table shows its own instead). */
export function renderChart(chart, { withData = true } = {}) {
  const titleId = uid("chart-title");
  const descId = uid("chart-desc");
  const type = ["bar", "line", "pie"].includes(chart.chart_type) ? chart.chart_type : "bar";
  const marks = { bar: barMarks, line: lineMarks, pie: pieMarks }[type](chart);
  const heading = `${chart.title || "차트"}${chart.unit ? ` (단위: ${chart.unit})` : ""}`;
  const legendNames = type === "pie" ? chart.labels || [] : (chart.series || []).map((item) => item.name);
  return h(
    "figure",
    { class: `chart chart--${type}` },
    h("figcaption", { class: "chart__title" }, heading),
    svg(
      "svg",
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-labelledby": `${titleId} ${descId}`, class: "chart__svg", focusable: "false" },
      svg("title", { id: titleId }, heading),
      svg("desc", { id: descId }, describe({ ...chart, chart_type: type })),
      marks,
    ),
    legend(legendNames),
    withData && chart.source ? h("p", { class: "source" }, `출처: ${chart.source}`) : null,
    withData ? dataTable(chart) : null,
  );
}
