// Korean formatting of dates, sizes, money and page types.

const dateFormat = new Intl.DateTimeFormat("ko-KR", {
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: "Asia/Seoul",
});
const numberFormat = new Intl.NumberFormat("ko-KR");

/** "2017-03-02" → "2017년 3월 2일" (dates without time are read as Seoul dates). */
export function formatDate(value) {
  if (!value) return "";
  const text = String(value);
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00+09:00` : text);
  return Number.isNaN(date.getTime()) ? text : dateFormat.format(date);
}

export function formatNumber(value) {
  const number = Number(value);
  return Number.isFinite(number) ? numberFormat.format(number) : String(value ?? "");
}

export function formatWon(value) {
  const number = Number(value);
  if (!number) return "무료";
  return `${numberFormat.format(number)}원`;
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
  return TYPE_LABELS[type] || "페이지";
}

/** A value that may be a plain string or a {value,label}/{name} object, as text. */
export function labelOf(value) {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return String(value);
  return value.label ?? value.name ?? value.display_name ?? value.title ?? value.value ?? "";
}
