// Title suggestions under a search box (ARIA combobox), from /api/v2/search/suggest/.

import { suggest } from "./api.js";
import { h, uid } from "./dom.js";
import { t } from "./i18n.js";
import { pathOf } from "./links.js";
import { appUrl, navigate } from "./router.js";

const DELAY_MS = 150;

/** Turn a search <input> into a combobox whose options open the suggested pages. */
export function attachAutocomplete(input) {
  const listId = uid("suggestions");
  const list = h("ul", { id: listId, role: "listbox", class: "suggestions", "aria-label": t("추천 검색어"), "data-i18n-aria-label": "추천 검색어", hidden: true });
  input.after(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("autocomplete", "off");

  let options = [];
  let active = -1;
  let timer = null;
  let request = null;

  function close() {
    clearTimeout(timer);
    request?.abort();
    list.hidden = true;
    list.replaceChildren();
    options = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    active = index;
    options.forEach((option, i) => option.element.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) input.setAttribute("aria-activedescendant", options[index].element.id);
    else input.removeAttribute("aria-activedescendant");
  }

  function choose(option) {
    close();
    navigate(appUrl(option.path));
  }

  function show(suggestions) {
    options = suggestions
      .filter((item) => pathOf(item))
      .map((item) => {
        const option = { path: pathOf(item) };
        option.element = h(
          "li",
          { id: uid("suggestion"), role: "option", "aria-selected": "false", class: "suggestions__item" },
          item.label || item.title, // "… (2025년판)" when a title repeats across editions
        );
        // mousedown, not click: it fires before the input's blur closes the list.
        option.element.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(option);
        });
        return option;
      });
    if (!options.length) {
      close();
      return;
    }
    list.replaceChildren(...options.map((option) => option.element));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(-1);
  }

  async function update() {
    const q = input.value.trim();
    if (!q) {
      close();
      return;
    }
    request?.abort();
    request = new AbortController();
    try {
      const body = await suggest(q, { signal: request.signal });
      if (input.value.trim() === q) show(body.suggestions || []);
    } catch (error) {
      // A newer keystroke aborted this request; otherwise suggestions are optional.
      if (error.name !== "AbortError") close();
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      highlight((active + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length) {
      event.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault(); // close the list, but keep the query (search inputs clear on Esc)
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
}
