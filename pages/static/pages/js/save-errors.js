// Autosave (Wagtail 8) posts the edit form in the background; when the server refuses it
// (400: the page is locked by a review, a field is invalid, someone saved a newer version)
// Wagtail only changes a small indicator's tooltip. An editor must never believe a refused
// save went through: show each failure as a Korean alert above the form until it is dismissed.
(() => {
  const HINTS = {
    locked: "검토 중이거나 잠긴 페이지라 저장되지 않았습니다. 잠금이 풀린 뒤 다시 저장하세요.",
    validation_error: "입력 오류가 있어 저장되지 않았습니다. '초안 저장'을 누르면 오류 항목이 표시됩니다.",
    invalid_revision: "다른 사람이 더 새 버전을 저장해 자동 저장을 멈췄습니다. 내용을 복사해 두고 새로 고침하세요.",
    network_error: "네트워크 문제로 저장되지 않았습니다. 연결을 확인한 뒤 다시 저장하세요.",
    server_error: "서버 오류로 저장되지 않았습니다. 작성 중인 내용은 창을 닫지 말고 잠시 뒤 다시 저장하세요.",
  };

  function alertBox() {
    let box = document.getElementById("portal-save-error");
    if (box) return box;
    box = document.createElement("div");
    box.id = "portal-save-error";
    box.className = "help-block help-critical";
    box.setAttribute("role", "alert");
    box.style.margin = "1rem 1.25rem";
    const form = document.querySelector("[data-edit-form]") || document.querySelector("main");
    form.prepend(box);
    return box;
  }

  document.addEventListener("w-autosave:error", (event) => {
    const { type, text } = event.detail || {};
    const box = alertBox();
    box.replaceChildren();
    const heading = document.createElement("strong");
    heading.textContent = "저장하지 못했습니다. ";
    const message = document.createElement("span");
    message.textContent = HINTS[type] || text || HINTS.server_error;
    box.append(heading, message);
    box.hidden = false;
  });

  document.addEventListener("w-autosave:success", () => {
    const box = document.getElementById("portal-save-error");
    if (box) box.hidden = true;
  });
})();
