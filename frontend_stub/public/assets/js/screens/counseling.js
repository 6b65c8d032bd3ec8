// Online counseling: a citizen reads the status and answer of their question with the receipt
// number and access code they were given (the address the notification e-mail points to).

import { ApiError, lookupCounseling } from "../api.js";
import { h } from "../dom.js";
import { formatDate } from "../format.js";
import { setBreadcrumbs, setRobots, setTitle } from "../layout.js";
import { facts } from "./common.js";

function caseView(data) {
  return h(
    "section",
    { class: "counseling-case", "aria-labelledby": "case-title" },
    h("h2", { id: "case-title" }, data.title),
    facts([
      ["접수번호", data.receipt_number],
      ["상담 분야", data.category_label],
      ["진행 상태", data.status_label],
      ["신청일", formatDate(data.submitted_at)],
      ["답변일", data.answered_at ? formatDate(data.answered_at) : null],
    ]),
    h("h3", {}, "상담 내용"),
    h("p", { class: "plain-text" }, data.question),
    h("h3", {}, "답변"),
    data.answer
      ? h("p", { class: "plain-text" }, data.answer)
      : h("p", { class: "muted" }, "아직 답변이 등록되지 않았습니다. 답변이 등록되면 알려 드립니다."),
  );
}

export function renderCounselingLookup() {
  setTitle("상담 답변 확인");
  setBreadcrumbs(null);
  setRobots("noindex, nofollow");
  const result = h("div", { class: "counseling-result" });
  const form = h(
    "form",
    { class: "lookup-form", novalidate: true },
    h("label", { for: "receipt-number" }, "접수번호"),
    h("input", { id: "receipt-number", name: "receipt_number", required: true, autocomplete: "off", autocapitalize: "characters" }),
    h("label", { for: "access-code" }, "열람 코드"),
    h("input", { id: "access-code", name: "access_code", type: "password", required: true, autocomplete: "off" }),
    h("button", { type: "submit" }, "답변 확인"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const receipt = form.receipt_number.value.trim();
    const code = form.access_code.value.trim();
    if (!receipt || !code) {
      result.replaceChildren(h("p", { class: "form-error", role: "alert" }, "접수번호와 열람 코드를 모두 입력해 주세요."));
      return;
    }
    result.replaceChildren(h("p", { role: "status" }, "확인하는 중입니다…"));
    try {
      result.replaceChildren(caseView(await lookupCounseling(receipt, code)));
    } catch (error) {
      const message = error instanceof ApiError ? error.message : "잠시 후 다시 시도해 주세요.";
      result.replaceChildren(h("p", { class: "form-error", role: "alert" }, message));
    }
  });
  return h(
    "div",
    { class: "screen screen--counseling" },
    h("h1", {}, "상담 답변 확인"),
    h("p", { class: "lead" }, "상담을 신청할 때 받은 접수번호와 열람 코드를 입력하면 진행 상태와 답변을 볼 수 있습니다."),
    form,
    result,
  );
}
