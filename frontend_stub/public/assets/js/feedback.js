// "이 정보가 도움이 되었나요?" under every page: yes or no, then an optional comment.
// Sent to POST /api/v2/feedback/; nothing about the reader is sent or kept.

import { ApiError, sendFeedback } from "./api.js";
import { h, uid } from "./dom.js";
import { currentLanguage, DEFAULT_LANGUAGE, t } from "./i18n.js";

const COMMENT_MAX = 500;

export function feedbackBox(page) {
  const headingId = uid("feedback");
  const status = h("p", { class: "feedback__status", role: "status" });
  const comment = h("textarea", {
    id: uid("feedback-comment"),
    name: "comment",
    rows: "3",
    maxlength: String(COMMENT_MAX),
  });
  // Hidden from people (and from assistive technology); bots that fill every field fill it.
  const trap = h(
    "div",
    { class: "feedback__trap", "aria-hidden": "true" },
    h("label", {}, t("웹사이트"), h("input", { name: "website", tabindex: "-1", autocomplete: "off" })),
  );
  const details = h(
    "form",
    { class: "feedback__details", hidden: true },
    h("label", { for: comment.id }, t("더 알려 주실 내용이 있나요? (선택, 500자까지)")),
    h("p", { class: "feedback__hint" }, t("이름, 연락처 같은 개인정보는 적지 마세요.")),
    comment,
    trap,
    h("button", { type: "submit" }, t("의견 보내기")),
  );
  let helpful = null;
  const answer = (value) => {
    helpful = value;
    yes.setAttribute("aria-pressed", String(value));
    no.setAttribute("aria-pressed", String(!value));
    details.hidden = false;
    status.textContent = "";
    comment.focus();
  };
  const yes = h("button", { type: "button", "aria-pressed": "false" }, t("예"));
  const no = h("button", { type: "button", "aria-pressed": "false" }, t("아니요"));
  yes.addEventListener("click", () => answer(true));
  no.addEventListener("click", () => answer(false));

  const heading = h("h2", { id: headingId, class: "feedback__question" }, t("이 정보가 도움이 되었나요?"));
  const box = h(
    "section",
    { class: "feedback", "aria-labelledby": headingId },
    heading,
    h("div", { class: "feedback__choices" }, yes, no),
    details,
    status,
  );
  details.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = details.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const fields = new FormData(details);
      const reply = await sendFeedback({
        page: page.id,
        helpful,
        comment: fields.get("comment").trim(),
        website: fields.get("website"),
      });
      // The API thanks in Korean; in another language the client does.
      const thanks = currentLanguage() === DEFAULT_LANGUAGE ? reply.message : t("의견을 보내 주셔서 고맙습니다.");
      box.replaceChildren(heading, h("p", { class: "feedback__thanks", role: "status" }, thanks));
    } catch (error) {
      const fieldMessages = error instanceof ApiError ? Object.values(error.fields).flat() : [];
      status.textContent = [error.message, ...fieldMessages].join(" ");
      button.disabled = false;
    }
  });
  return box;
}
