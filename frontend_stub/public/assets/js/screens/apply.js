// Applying to a Family School program: the form under an open program, live seat counts, and
// the status screen (/frontend/applications/) where an applicant looks up or cancels.

import { ApiError, applyToProgram, cancelApplication, lookupApplication, programForm } from "../api.js";
import { h } from "../dom.js";
import { formatDate, formatNumber } from "../format.js";
import { asReader, currentLanguage, DEFAULT_LANGUAGE, t } from "../i18n.js";
import { setBreadcrumbs, setRobots, setTitle } from "../layout.js";
import { screenUrl } from "../router.js";
import { errorMessage, facts, privacyPolicyNote } from "./common.js";

// What the API writes (labels, questions, messages) is Korean: marked so in another language.
const korean = (text) => h("span", { lang: "ko" }, text);

const SEATS_REFRESH_MS = 5000;

export function seatsText(seats) {
  const waiting = seats.waitlisted ? ` · ${t("대기 {count}명", { count: formatNumber(seats.waitlisted) })}` : "";
  return `${t("잔여 {count}석", { count: formatNumber(seats.remaining) })}${waiting}`;
}

/** "모집중 · 1회차 잔여 3석 · 대기 5명 / 2회차 마감" for a program with sessions (모집 회차): the
 * API's Korean labels and session titles marked lang="ko", the counts in the reader's language. */
export function formSeatsNodes(form) {
  const status = korean(form.seats.status_label);
  if (!form.sessions?.length) return [status, ` · ${seatsText(form.seats)}`];
  const sessions = form.sessions.map((session, index) => [
    index ? " / " : "",
    korean(session.title),
    " ",
    session.seats.status === "open" ? seatsText(session.seats) : korean(session.seats.status_label),
  ]);
  return [status, " · ", ...sessions.flat()];
}

function sessionControl(sessions) {
  const choices = sessions.map((session) =>
    h(
      "option",
      { value: String(session.id), disabled: session.seats.status !== "open" },
      `${session.title} · ${formatDate(session.date)}${session.time_note ? ` ${session.time_note}` : ""}`,
    ),
  );
  const select = h("select", { id: "session", name: "session" }, h("option", { value: "" }, t("선택해 주세요")), choices);
  return field("session", t("회차 (필수)"), select, t("한 프로그램에는 한 회차만 신청할 수 있습니다."));
}

function field(id, label, control, hint) {
  return h(
    "div",
    { class: "form-field", "data-field": id },
    h("label", { for: id }, label),
    hint ? h("p", { class: "form-hint" }, hint) : null,
    control,
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
  );
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

function showFieldErrors(form, fields) {
  for (const node of form.querySelectorAll(".field-error")) {
    node.hidden = true;
    node.textContent = "";
  }
  for (const [name, messages] of Object.entries(fields || {})) {
    const error = form.querySelector(`#${name}-error`) || form.querySelector("#form-error");
    if (!error) continue;
    error.textContent = [].concat(messages).join(" ");
    if (currentLanguage() === DEFAULT_LANGUAGE) error.removeAttribute("lang");
    else error.setAttribute("lang", "ko");
    error.hidden = false;
  }
}

function questionControl(question) {
  const id = `q-${question.key}`;
  const label = [korean(question.label), question.required ? ` ${t("(필수)")}` : ""];
  const control =
    question.kind === "choice"
      ? h("select", { id, name: id }, h("option", { value: "" }, t("선택해 주세요")), question.choices.map((choice) => h("option", { value: choice, lang: "ko" }, choice)))
      : h("input", { id, name: id, inputmode: question.kind === "number" ? "numeric" : null });
  return field(id, label, control);
}

function receiptView(receipt) {
  return h(
    "section",
    { class: "receipt", "aria-labelledby": "apply-receipt-title", tabindex: "-1" },
    h("h3", { id: "apply-receipt-title" }, receipt.status === "confirmed" ? t("신청이 확정되었습니다") : t("대기 {number}번으로 접수되었습니다", { number: receipt.waitlist_number })),
    // The API's message is Korean; in another language the client says what matters first.
    currentLanguage() === DEFAULT_LANGUAGE
      ? h("p", { class: "receipt__warning", role: "alert" }, receipt.message)
      : [
          h("p", { class: "receipt__warning", role: "alert" }, t("접수번호와 열람 코드는 지금 한 번만 보여 드립니다. 신청을 확인하거나 취소할 때 꼭 필요하니 적어 두거나 화면을 캡처해 두세요.")),
          h("p", { lang: "ko" }, receipt.message),
        ],
    facts([
      [t("접수번호"), receipt.receipt_number],
      [t("열람 코드"), receipt.access_code],
      [t("신청 회차"), receipt.session_title ? korean(receipt.session_title) : null],
      [t("상태"), korean(receipt.status_label)],
    ]),
    h("p", {}, h("a", { href: screenUrl("/applications/") }, t("신청 확인·취소하러 가기"))),
  );
}

/** The form under an open program's page, in the reader's language even when the page is
 * shown in Korean; nothing when the program takes no applications. */
export function applicationSection(page) {
  if (!page.application?.accepts) return null;
  return asReader(() => applicationForm(page));
}

function applicationForm(page) {
  const seats = h("p", { class: "application__seats", "aria-live": "polite" }, t("잔여석을 불러오는 중입니다…"));
  const status = h("div", { class: "form-status" });
  const section = h("section", { class: "apply", "aria-labelledby": "apply-title", lang: currentLanguage() }, h("h2", { id: "apply-title" }, t("온라인 신청")), seats, status);
  let timer = null;

  async function refresh() {
    if (!section.isConnected && timer) {
      clearInterval(timer);
      return null;
    }
    try {
      const form = await programForm(page.id);
      seats.replaceChildren(...formSeatsNodes(form));
      seats.dataset.status = form.seats.status;
      return form;
    } catch {
      seats.textContent = t("잔여석을 불러오지 못했습니다.");
      return null;
    }
  }

  refresh().then((definition) => {
    if (!definition || definition.seats.status !== "open") return;
    timer = setInterval(refresh, SEATS_REFRESH_MS);
    const form = h(
      "form",
      { class: "apply-form", novalidate: true },
      definition.sessions?.length ? sessionControl(definition.sessions) : null,
      field("name", t("신청인 이름 (필수)"), h("input", { id: "name", name: "name", autocomplete: "name" })),
      field("phone", t("휴대전화 (필수)"), h("input", { id: "phone", name: "phone", type: "tel", inputmode: "tel", autocomplete: "tel" }), t("확정·대기·취소 안내를 문자로 보내 드립니다. 예: 010-1234-5678")),
      field("email", t("이메일"), h("input", { id: "email", name: "email", type: "email", autocomplete: "email" })),
      definition.max_participants > 1
        ? field("participants", t("참여 인원 (최대 {count}명)", { count: definition.max_participants }), h("input", { id: "participants", name: "participants", type: "number", min: "1", max: String(definition.max_participants), value: "1" }))
        : null,
      definition.asks_children ? field("children", t("그중 아동 인원"), h("input", { id: "children", name: "children", type: "number", min: "0", value: "0" })) : null,
      definition.questions.map(questionControl),
      h("p", { class: "field-error", id: "answers-error", hidden: true }),
      check("under_14", t("신청인이 만 14세 미만입니다")),
      field("guardian_name", t("법정대리인 이름 (만 14세 미만일 때)"), h("input", { id: "guardian_name", name: "guardian_name" })),
      check("guardian_consent", t("법정대리인으로서 개인정보 수집·이용에 동의합니다")),
      privacyPolicyNote(),
      check("consent_personal_data", t("(필수) 신청과 안내를 위한 개인정보(이름·연락처) 수집·이용에 동의합니다. 교육이 끝나고 정해진 기간이 지나면 파기합니다.")),
      h("p", { class: "form-error", id: "form-error", hidden: true }),
      h("button", { type: "submit" }, t("신청하기")),
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const values = Object.fromEntries(new FormData(form));
      const data = {
        session: values.session ? Number(values.session) : null,
        name: values.name?.trim(),
        phone: values.phone?.trim(),
        email: values.email?.trim(),
        participants: Number(values.participants || 1),
        children: Number(values.children || 0),
        guardian_name: values.guardian_name?.trim(),
        under_14: form.under_14.checked,
        guardian_consent: form.guardian_consent.checked,
        consent_personal_data: form.consent_personal_data.checked,
        answers: Object.fromEntries(definition.questions.map((q) => [q.key, (values[`q-${q.key}`] || "").trim()])),
      };
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      status.replaceChildren(h("p", { role: "status" }, t("보내는 중입니다…")));
      try {
        const receipt = await applyToProgram(page.id, data);
        const view = receiptView(receipt);
        form.replaceWith(view);
        status.replaceChildren();
        view.focus();
        refresh();
      } catch (error) {
        button.disabled = false;
        status.replaceChildren(errorMessage(error, { class: "form-error", role: "alert" }));
        showFieldErrors(form, error instanceof ApiError ? error.fields : {});
      }
    });
    section.append(form);
  });
  return section;
}

function statusView(data, code, onChange) {
  const cancel = h("button", { type: "button", class: "button-secondary" }, t("신청 취소"));
  cancel.addEventListener("click", async () => {
    cancel.disabled = true;
    try {
      onChange(await cancelApplication(data.receipt_number, code));
    } catch (error) {
      cancel.disabled = false;
      cancel.after(errorMessage(error, { class: "form-error", role: "alert" }));
    }
  });
  return h(
    "section",
    { class: "application-status", "aria-labelledby": "application-status-title" },
    h("h2", { id: "application-status-title" }, data.program_title),
    facts([
      [t("접수번호"), data.receipt_number],
      [t("신청 회차"), data.session_title ? korean(data.session_title) : null],
      [t("상태"), data.waitlist_number ? [korean(data.status_label), ` ${t("{number}번", { number: data.waitlist_number })}`] : korean(data.status_label)],
      [t("참여 인원"), t("{count}명", { count: formatNumber(data.participants) })],
      [t("신청일"), formatDate(data.applied_at)],
      [t("취소일"), data.cancelled_at ? formatDate(data.cancelled_at) : null],
    ]),
    data.status === "cancelled" ? h("p", { role: "status" }, t("취소된 신청입니다.")) : cancel,
  );
}

/** /frontend/applications/: look an application up, and cancel it. */
export function renderApplicationLookup() {
  setTitle(t("프로그램 신청 확인"));
  setBreadcrumbs(null);
  setRobots("noindex, nofollow");
  const result = h("div", { class: "application-result" });
  const form = h(
    "form",
    { class: "lookup-form", novalidate: true },
    h("label", { for: "receipt-number" }, t("접수번호")),
    h("input", { id: "receipt-number", name: "receipt_number", autocomplete: "off", autocapitalize: "characters" }),
    h("label", { for: "access-code" }, t("열람 코드")),
    h("input", { id: "access-code", name: "access_code", type: "password", autocomplete: "off" }),
    h("button", { type: "submit" }, t("신청 확인")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const receipt = form.receipt_number.value.trim();
    const code = form.access_code.value.trim();
    if (!receipt || !code) {
      result.replaceChildren(h("p", { class: "form-error", role: "alert" }, t("접수번호와 열람 코드를 모두 입력해 주세요.")));
      return;
    }
    const show = (data) => result.replaceChildren(statusView(data, code, show));
    try {
      show(await lookupApplication(receipt, code));
    } catch (error) {
      result.replaceChildren(errorMessage(error, { class: "form-error", role: "alert" }));
    }
  });
  return h(
    "div",
    { class: "screen screen--applications" },
    h("h1", {}, t("프로그램 신청 확인")),
    h("p", { class: "lead" }, t("신청할 때 받은 접수번호와 열람 코드로 확정·대기 상태를 보고 취소할 수 있습니다.")),
    form,
    result,
  );
}
