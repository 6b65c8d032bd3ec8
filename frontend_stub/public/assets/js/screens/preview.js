// Headless preview: the draft an editor is looking at, from /api/v2/page_preview/.

import { ApiError, previewPage } from "../api.js";
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

export async function renderPreview(params) {
  setRobots("noindex, nofollow");
  const contentType = params.get("content_type");
  const token = params.get("token");
  if (!contentType || !token) {
    return explanation("미리보기 주소가 올바르지 않습니다", "미리보기에 필요한 정보(content_type, token)가 주소에 없습니다.");
  }
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
  return h("div", { class: "preview" }, banner(), screen);
}
