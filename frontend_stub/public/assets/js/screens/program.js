// Seoul Family School programs, with their application status.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { formatDate, formatNumber, formatWon, labelOf } from "../format.js";
import { renderStream } from "../blocks.js";
import { applicationSection } from "./apply.js";
import { facts, pageHeader, taxonomy } from "./common.js";

const STATUS_LABELS = { upcoming: "모집예정", open: "모집중", closed: "마감" };
const STATUS_BY_LABEL = Object.fromEntries(Object.entries(STATUS_LABELS).map(([key, label]) => [label, key]));

function seoulToday() {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Seoul" }).format(new Date());
}

/** The status key (upcoming/open/closed) from the API, or from the dates when it has none. */
export function applicationStatus(program) {
  const given = program.application_status;
  const key = typeof given === "object" && given ? given.value ?? given.code : given;
  if (STATUS_LABELS[key]) return key;
  if (STATUS_BY_LABEL[key]) return STATUS_BY_LABEL[key];
  if (!program.application_start || !program.application_end) return null;
  const today = seoulToday();
  if (today < program.application_start) return "upcoming";
  return today <= program.application_end ? "open" : "closed";
}

export function statusBadge(status) {
  if (!status) return null;
  return h("span", { class: `badge badge--${status}` }, t(STATUS_LABELS[status]));
}

export function render(page) {
  const status = applicationStatus(page);
  const place = page.is_online ? t("온라인") : page.venue;
  return h(
    "article",
    { class: "screen screen--program" },
    pageHeader(page, { lead: page.intro }),
    h(
      "section",
      { class: "application", "aria-label": t("신청 안내") },
      h("p", { class: "application__status" }, t("신청 상태:"), " ", statusBadge(status) ?? t("안내 예정")),
      facts([
        [t("신청 기간"), page.application_start && `${formatDate(page.application_start)} ~ ${formatDate(page.application_end)}`],
        [t("교육 기간"), page.start_date && `${formatDate(page.start_date)} ~ ${formatDate(page.end_date)}`],
        [t("회차"), page.sessions && t("{count}회", { count: formatNumber(page.sessions) })],
        [t("일정"), page.schedule_note],
        [t("장소"), place],
        [t("정원"), page.capacity !== undefined && page.capacity !== null ? t("{count}명", { count: formatNumber(page.capacity) }) : null],
        [t("참가비"), page.fee !== undefined ? formatWon(page.fee) : null],
        [t("운영 기관"), labelOf(page.organizer)],
      ]),
      status === "open" && page.application_url && !page.application?.accepts
        ? h("p", {}, h("a", { class: "button", href: page.application_url, rel: "noopener" }, t("신청하기")))
        : null,
    ),
    status === "open" ? applicationSection(page) : null,
    renderStream(page.body),
    taxonomy(page),
  );
}
