// Online counseling: a citizen reads the status and answer of their question with the receipt
// number and access code they were given (the address the notification e-mail points to).

import { ApiError, lookupCounseling, submitCounseling } from "../api.js";
import { h } from "../dom.js";
import { formatDate } from "../format.js";
import { currentLanguage, DEFAULT_LANGUAGE, t } from "../i18n.js";
import { setBreadcrumbs, setRobots, setTitle } from "../layout.js";
import { screenUrl } from "../router.js";
import { errorMessage, facts, privacyPolicyNote } from "./common.js";

function caseView(data) {
  return h(
    "section",
    { class: "counseling-case", "aria-labelledby": "case-title" },
    // The question is in the language it was written in; labels from the API are Korean.
    h("h2", { id: "case-title", lang: data.language || null }, data.title),
    facts([
      [t("접수번호"), data.receipt_number],
      [t("상담 분야"), categoryLabel(data)],
      [t("진행 상태"), h("span", { lang: "ko" }, data.status_label)],
      [t("신청일"), formatDate(data.submitted_at)],
      [t("답변일"), data.answered_at ? formatDate(data.answered_at) : null],
    ]),
    h("h3", {}, t("상담 내용")),
    h("p", { class: "plain-text", lang: data.language || null }, data.question),
    h("h3", {}, t("답변")),
    data.answer
      ? h("p", { class: "plain-text" }, data.answer)
      : h("p", { class: "muted" }, t("아직 답변이 등록되지 않았습니다. 답변이 등록되면 알려 드립니다.")),
  );
}

function categoryLabel(data) {
  const known = CATEGORIES.find(([value]) => value === data.category);
  return known ? t(known[1]) : h("span", { lang: "ko" }, data.category_label);
}

export function renderCounselingLookup() {
  setTitle(t("상담 답변 확인"));
  setBreadcrumbs(null);
  setRobots("noindex, nofollow");
  const result = h("div", { class: "counseling-result" });
  const form = h(
    "form",
    { class: "lookup-form", novalidate: true },
    h("label", { for: "receipt-number" }, t("접수번호")),
    h("input", { id: "receipt-number", name: "receipt_number", required: true, autocomplete: "off", autocapitalize: "characters" }),
    h("label", { for: "access-code" }, t("열람 코드")),
    h("input", { id: "access-code", name: "access_code", type: "password", required: true, autocomplete: "off" }),
    h("button", { type: "submit" }, t("답변 확인")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const receipt = form.receipt_number.value.trim();
    const code = form.access_code.value.trim();
    if (!receipt || !code) {
      result.replaceChildren(h("p", { class: "form-error", role: "alert" }, t("접수번호와 열람 코드를 모두 입력해 주세요.")));
      return;
    }
    result.replaceChildren(h("p", { role: "status" }, t("확인하는 중입니다…")));
    try {
      result.replaceChildren(caseView(await lookupCounseling(receipt, code)));
    } catch (error) {
      result.replaceChildren(errorMessage(error, { class: "form-error", role: "alert" }));
    }
  });
  return h(
    "div",
    { class: "screen screen--counseling" },
    h("h1", {}, t("상담 답변 확인")),
    h("p", { class: "lead" }, t("상담을 신청할 때 받은 접수번호와 열람 코드를 입력하면 진행 상태와 답변을 볼 수 있습니다.")),
    h("p", {}, t("아직 상담을 신청하지 않았다면:"), " ", h("a", { href: screenUrl("/counseling/ask/") }, t("온라인 상담 신청하기"))),
    form,
    result,
  );
}

// The categories' values and Korean labels (pages/models/counseling.py CounselingCategory).
const CATEGORIES = [
  ["couple", "부부"],
  ["parenting", "자녀양육"],
  ["family-relations", "가족관계"],
  ["single-parent", "한부모"],
  ["multicultural", "다문화"],
  ["other", "기타"],
];
// Which input shows the API's message for each field ("contact": either e-mail or phone;
// "guardian": the guardian step, whose message shows above its fields).
const ERROR_TARGETS = { contact: "email", guardian: "guardian_name", non_field_errors: "title" };

function field(id, label, control, hint) {
  return h(
    "div",
    { class: "form-field", "data-field": id },
    h("label", { for: id }, label),
    hint ? h("p", { class: "form-hint", id: `${id}-hint` }, hint) : null,
    control,
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
  );
}

/** Each field's message under it; `language` "ko" for the API's messages read in another language. */
function showFieldErrors(form, fields, language = null) {
  for (const node of form.querySelectorAll(".field-error")) {
    node.hidden = true;
    node.textContent = "";
  }
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  let first = null;
  for (const [name, messages] of Object.entries(fields)) {
    const id = ERROR_TARGETS[name] || name;
    const input = form.querySelector(`#${id}`);
    const error = form.querySelector(`#${name}-error`) || form.querySelector(`#${id}-error`);
    if (!input || !error) continue;
    error.textContent = [].concat(messages).join(" ");
    if (language) error.setAttribute("lang", language);
    else error.removeAttribute("lang");
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), error.id].filter(Boolean).join(" "));
    first ??= input;
  }
  first?.focus();
}

function check(id, label) {
  return h(
    "div",
    { class: "form-field form-field--check", "data-field": id },
    h("input", { id, name: id, type: "checkbox" }),
    h("label", { for: id }, label),
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
  );
}

/** PIPA §22-2: under 14, a legal guardian consents and can be reached to confirm it.
 * The step shows only once "만 14세 미만입니다" is ticked. */
function guardianStep() {
  const details = h(
    "fieldset",
    { class: "guardian-step", id: "guardian-step", hidden: true },
    h("legend", {}, t("법정대리인 동의")),
    h("p", { class: "form-hint" }, t("만 14세 미만 아동의 개인정보는 부모 등 법정대리인이 동의해야 처리할 수 있습니다(개인정보 보호법 제22조의2). 법정대리인에게 연락해 동의를 확인할 수 있습니다.")),
    h("p", { class: "field-error", id: "guardian-error", hidden: true }),
    field("guardian_name", t("법정대리인 이름"), h("input", { id: "guardian_name", name: "guardian_name", maxlength: "50", autocomplete: "off" })),
    field("guardian_phone", t("법정대리인 연락처"), h("input", { id: "guardian_phone", name: "guardian_phone", type: "tel", inputmode: "tel", autocomplete: "off" }), t("예: 010-1234-5678")),
    check("consent_guardian", t("법정대리인으로서 자녀의 상담을 위한 개인정보 수집·이용에 동의합니다.")),
  );
  const under14 = check("under_14", t("만 14세 미만입니다"));
  const box = under14.querySelector("input");
  box.setAttribute("aria-controls", "guardian-step");
  box.setAttribute("aria-expanded", "false");
  box.addEventListener("change", () => {
    details.hidden = !box.checked;
    box.setAttribute("aria-expanded", String(box.checked));
  });
  return [under14, details];
}

/** What the API takes (counseling/serializers.py): booleans for the boxes, and the guardian's
 * details only for a child under 14, so nothing is sent that the API would not keep. */
function submission(form) {
  const data = Object.fromEntries(new FormData(form));
  for (const name of ["consent_personal_data", "consent_publication", "under_14", "consent_guardian"]) {
    data[name] = form[name].checked;
  }
  if (!data.under_14) {
    delete data.guardian_name;
    delete data.guardian_phone;
    data.consent_guardian = false;
  }
  return data;
}

/**
 * The API explains mistakes in Korean (docs/languages.md). In another language the client
 * checks the common ones itself first, in the reader's language; what only the API can judge
 * still comes back in Korean, marked lang="ko".
 */
function readerChecks(data) {
  if (currentLanguage() === DEFAULT_LANGUAGE) return {};
  const missing = {};
  if (!data.category) missing.category = t("상담 분야를 선택해 주세요.");
  if (!data.title?.trim()) missing.title = t("제목을 입력해 주세요.");
  if (!data.question?.trim()) missing.question = t("상담 내용을 입력해 주세요.");
  if (!data.email?.trim() && !data.phone?.trim()) missing.contact = t("답변 알림을 받을 이메일 또는 연락처 중 하나 이상을 입력해 주세요.");
  if (!data.consent_personal_data) missing.consent_personal_data = t("개인정보 수집·이용에 동의해야 상담을 신청할 수 있습니다.");
  return missing;
}

/** Shown once after a question is accepted: the receipt number and access code to keep. */
function receiptView(receipt) {
  return h(
    "section",
    { class: "receipt", "aria-labelledby": "receipt-title", tabindex: "-1" },
    h("h2", { id: "receipt-title" }, t("상담이 접수되었습니다")),
    h("p", { class: "receipt__warning", role: "alert" }, t("접수번호와 열람 코드는 지금 한 번만 보여 드립니다. 답변을 확인할 때 꼭 필요하니 적어 두거나 화면을 캡처해 두세요.")),
    facts([
      [t("접수번호"), receipt.receipt_number],
      [t("열람 코드"), receipt.access_code],
      [t("진행 상태"), h("span", { lang: "ko" }, receipt.status_label)],
      [t("신청일"), formatDate(receipt.submitted_at)],
    ]),
    h("p", {}, h("a", { href: screenUrl("/counseling/") }, t("답변 확인하러 가기"))),
  );
}

export function renderCounselingForm() {
  setTitle(t("온라인 상담 신청"));
  setBreadcrumbs(null);
  setRobots("noindex, nofollow");
  const status = h("div", { class: "form-status" });
  const form = h(
    "form",
    { class: "counseling-form", novalidate: true },
    field(
      "category",
      t("상담 분야 (필수)"),
      h(
        "select",
        { id: "category", name: "category", required: true },
        h("option", { value: "" }, t("선택해 주세요")),
        CATEGORIES.map(([value, label]) => h("option", { value }, t(label))),
      ),
    ),
    field("title", t("제목 (필수)"), h("input", { id: "title", name: "title", required: true, maxlength: "200", autocomplete: "off" })),
    field("question", t("상담 내용 (필수)"), h("textarea", { id: "question", name: "question", required: true, rows: "8" })),
    field("nickname", t("닉네임"), h("input", { id: "nickname", name: "nickname", autocomplete: "nickname" }), t("답변에서 부를 이름입니다. 실명을 쓰지 않아도 됩니다.")),
    field("email", t("이메일"), h("input", { id: "email", name: "email", type: "email", autocomplete: "email", "aria-describedby": "email-hint" }), t("답변이 등록되면 알려 드립니다. 이메일과 연락처 중 하나는 꼭 입력해 주세요.")),
    field("phone", t("연락처"), h("input", { id: "phone", name: "phone", type: "tel", autocomplete: "tel", inputmode: "tel" }), t("예: 010-1234-5678")),
    ...guardianStep(),
    privacyPolicyNote(),
    check("consent_personal_data", t("(필수) 상담을 위한 개인정보(이메일·연락처) 수집·이용에 동의합니다. 답변 뒤 정해진 기간이 지나면 파기합니다.")),
    check("consent_publication", t("(선택) 개인정보를 지운 뒤 질문과 답변을 자주 묻는 질문으로 공개하는 데 동의합니다.")),
    h("div", { class: "visually-hidden", "aria-hidden": "true" }, h("label", { for: "website" }, t("웹사이트")), h("input", { id: "website", name: "website", tabindex: "-1", autocomplete: "off" })),
    h("button", { type: "submit" }, t("상담 신청")),
  );
  const screen = h(
    "div",
    { class: "screen screen--counseling" },
    h("h1", {}, t("온라인 상담 신청")),
    h("p", { class: "lead" }, t("가족 상담사가 읽고 답변합니다. 답변은 접수번호와 열람 코드로 확인할 수 있습니다.")),
    currentLanguage() === DEFAULT_LANGUAGE ? null : h("p", {}, t("이 언어로 질문을 써 주세요. 상담사가 질문의 언어를 보고 답변합니다.")),
    status,
    form,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = submission(form);
    const missing = readerChecks(data);
    if (Object.keys(missing).length) {
      status.replaceChildren(h("p", { class: "form-error", role: "alert" }, t("입력한 내용을 확인해 주세요.")));
      showFieldErrors(form, missing);
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    status.replaceChildren(h("p", { role: "status" }, t("보내는 중입니다…")));
    try {
      const receipt = await submitCounseling(data);
      const view = receiptView(receipt);
      form.replaceWith(view);
      status.replaceChildren();
      view.focus();
    } catch (error) {
      button.disabled = false;
      status.replaceChildren(errorMessage(error, { class: "form-error", role: "alert" }));
      showFieldErrors(form, error instanceof ApiError ? error.fields : {}, currentLanguage() === DEFAULT_LANGUAGE ? null : "ko");
    }
  });
  return screen;
}
