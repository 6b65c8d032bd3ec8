// Headless preview: the draft an editor is looking at, from /api/v2/page_preview/.

import { ApiError, previewAccessibility, previewPage } from "../api.js";
import { h } from "../dom.js";
import { setBreadcrumbs, setRobots, setTitle } from "../layout.js";
import { renderPage } from "./page.js";

function explanation(title, reason) {
  setTitle(title);
  setBreadcrumbs(null);
  return h(
    "div",
    { class: "screen screen--preview-error", role: "alert" },
    h("h1", {}, title),
    h("p", { class: "lead" }, reason),
    h(
      "p",
      {},
      "미리보기 링크는 관리자 화면에서 만들어지며 1시간 동안만 쓸 수 있습니다. ",
      "관리자 화면에서 페이지를 열고 ‘미리보기’를 다시 눌러 새 링크를 받아 주세요.",
    ),
    h("p", {}, h("a", { href: "/admin/" }, "관리자 화면으로 가기")),
  );
}

function banner() {
  return h(
    "div",
    { class: "preview-banner", role: "status" },
    h("strong", {}, "미리보기"),
    " 저장된 초안을 보여 주는 화면입니다. 아직 공개되지 않은 내용일 수 있습니다.",
  );
}

const SEVERITY_LABELS = { error: "오류", warning: "경고" };

/** The draft's KWCAG 2.2 problems, as the editor's submit will judge them: errors stop
 * publishing, warnings do not. A summary rather than a heading, so the previewed page's own
 * heading order is what the editor sees. */
function accessibilityPanel(report) {
  if (!report) {
    return h("p", { class: "a11y-panel a11y-panel--unknown" }, "웹 접근성 점검 결과를 불러오지 못했습니다. 미리보기를 다시 열어 주세요.");
  }
  const summary = report.findings.length
    ? `웹 접근성 점검 (KWCAG 2.2): 오류 ${report.errors}건, 경고 ${report.warnings}건`
    : "웹 접근성 점검 (KWCAG 2.2): 문제가 없습니다";
  return h(
    "details",
    { class: "a11y-panel", open: report.errors > 0 || null },
    h("summary", {}, summary),
    report.findings.length
      ? h(
          "ul",
          { class: "a11y-panel__list" },
          report.findings.map((finding) =>
            h("li", { class: `a11y-panel__item a11y-panel__item--${finding.severity}` }, h("strong", {}, `[${SEVERITY_LABELS[finding.severity] ?? finding.severity}] `), finding.message),
          ),
        )
      : null,
    h("p", { class: "form-hint" }, "오류가 있으면 게시하거나 검토에 제출할 수 없습니다. 관리자 화면에서 고친 뒤 저장하면 미리보기에 반영됩니다."),
  );
}

export async function renderPreview(params) {
  setRobots("noindex, nofollow");
  const contentType = params.get("content_type");
  const token = params.get("token");
  if (!contentType || !token) {
    return explanation("미리보기 주소가 올바르지 않습니다", "미리보기에 필요한 정보(content_type, token)가 주소에 없습니다.");
  }
  // Asked for beside the draft; a failed check never hides the preview itself.
  const report = previewAccessibility(contentType, token).catch(() => null);
  let page;
  try {
    page = await previewPage(contentType, token);
  } catch (error) {
    if (error instanceof ApiError && error.status > 0 && error.status < 500) {
      return explanation("미리보기를 열 수 없습니다", `미리보기 링크가 만료되었거나 올바르지 않습니다. (${error.message})`);
    }
    throw error;
  }
  const screen = await renderPage(page, { params, preview: true });
  setTitle(`[미리보기] ${page.title}`);
  return h("div", { class: "preview" }, banner(), accessibilityPanel(await report), screen);
}
