// Turns each list of [data-checkbox-picker] checkboxes of checkboxes into a searchable picker: a filter
// box above (matching any part of a label, so "강" finds 강남구·강동구·강북구·강서구) and
// a live count of what is chosen. Without JavaScript the plain checkboxes still work.
(() => {
  function enhance(list) {
    if (list.dataset.pickerReady) return;
    list.dataset.pickerReady = "true";
    const options = [...list.querySelectorAll("input[type=checkbox]")];
    // Wagtail heads a list of checkboxes with an <h3 class="w-field__label"> in the panel.
    const panel = list.closest(".w-panel__wrapper") || list.parentElement;
    const label = panel.querySelector(".w-field__label");
    const name = label ? label.textContent.replace("*", "").trim() : "항목";

    const bar = document.createElement("div");
    bar.className = "checkbox-picker__bar";
    const search = document.createElement("input");
    search.type = "search";
    search.className = "checkbox-picker__search";
    search.placeholder = `${name} 찾기`;
    search.setAttribute("aria-label", `${name} 찾기`);
    search.setAttribute("aria-controls", list.id);
    const count = document.createElement("span");
    count.className = "checkbox-picker__count";
    count.setAttribute("aria-live", "polite");
    bar.append(search, count);
    list.before(bar);
    list.classList.add("checkbox-picker__list");

    const empty = document.createElement("p");
    empty.className = "checkbox-picker__empty";
    empty.textContent = "맞는 항목이 없습니다.";
    empty.hidden = true;
    list.after(empty);

    const rows = options.map((input) => input.closest("div, li") || input.parentElement);
    const showCount = () => {
      const chosen = options.filter((input) => input.checked).length;
      count.textContent = `${chosen}개 선택`;
    };
    search.addEventListener("input", () => {
      const query = search.value.trim();
      let shown = 0;
      rows.forEach((row) => {
        const match = !query || row.textContent.includes(query);
        row.hidden = !match;
        if (match) shown += 1;
      });
      empty.hidden = shown > 0;
    });
    // Enter in the filter would submit the page form: choose the only match instead.
    search.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      const visible = rows.filter((row) => !row.hidden);
      if (visible.length === 1) visible[0].querySelector("input").click();
    });
    list.addEventListener("change", showCount);
    showCount();
  }

  // Django puts the widget's attrs on each checkbox; the list is their wrapper (id_<field>).
  const enhanceAll = () =>
    new Set(
      [...document.querySelectorAll("input[data-checkbox-picker]")].map((input) => input.closest("div[id], ul[id]")),
    ).forEach((list) => list && enhance(list));
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhanceAll);
  else enhanceAll();
})();
