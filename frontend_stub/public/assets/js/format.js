// Dates, numbers, sizes, money and page types in the language being drawn (i18n.js): Intl
// writes "2017년 3월 2일", "2 tháng 3, 2017", "2017年3月2日" or "2 March 2017".

import { intlLocale, t } from "./i18n.js";

const formats = new Map();
function formatter(kind) {
  const key = `${kind}:${intlLocale()}`;
  if (!formats.has(key)) {
    formats.set(
      key,
      kind === "date"
        ? new Intl.DateTimeFormat(intlLocale(), { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Seoul" })
        : new Intl.NumberFormat(intlLocale()),
    );
  }
  return formats.get(key);
}

/** "2017-03-02" → "2017년 3월 2일" (dates without time are read as Seoul dates). */
export function formatDate(value) {
  if (!value) return "";
  const text = String(value);
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00+09:00` : text);
  return Number.isNaN(date.getTime()) ? text : formatter("date").format(date);
}

export function formatNumber(value) {
  const number = Number(value);
  return Number.isFinite(number) ? formatter("number").format(number) : String(value ?? "");
}

export function formatWon(value) {
  const number = Number(value);
  if (!number) return t("무료");
  return t("{amount}원", { amount: formatter("number").format(number) });
}

export function formatSize(bytes) {
  const number = Number(bytes);
  if (!Number.isFinite(number) || number <= 0) return "";
  const units = ["B", "KB", "MB", "GB"];
  let size = number;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${size.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export const TYPE_LABELS = {
  "pages.HomePage": "포털 홈",
  "pages.SectionPage": "섹션",
  "pages.ArticlePage": "가족정보",
  "pages.EducationProgramPage": "교육 프로그램",
  "pages.EducationResourcePage": "교육 자료",
  "pages.ReportEditionPage": "가족보고서",
  "pages.ReportChapterPage": "보고서 장",
  "pages.BlogPostPage": "블로그",
  "pages.NoticePage": "공지사항",
  "pages.CounselingFAQPage": "상담 FAQ",
};

export function typeLabel(type) {
  return t(TYPE_LABELS[type] || "페이지");
}

/** A value that may be a plain string or a {value,label}/{name} object, as text. */
export function labelOf(value) {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return String(value);
  return value.label ?? value.name ?? value.display_name ?? value.title ?? value.value ?? "";
}
