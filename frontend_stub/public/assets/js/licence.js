// The 공공누리 (KOGL) notice under a page: the official mark (served by the portal), the
// licence's name and a link to its terms. Pages the city does not open say so in words.

import { h } from "./dom.js";
import { t } from "./i18n.js";

export function licenceNotice(licence) {
  if (!licence.url) {
    return h("aside", { class: "licence", "data-licence": licence.code }, h("p", {}, `${licence.name}: ${t("이 페이지의 저작물은 저작권자의 허락 없이 이용할 수 없습니다.")}`));
  }
  return h(
    "aside",
    { class: "licence", "data-licence": licence.code },
    h("a", { href: licence.url, rel: "license" }, h("img", { src: licence.mark, alt: licence.name, height: 34 })),
    h("p", {}, t("이 페이지의 저작물은 ‘{licence}’ 조건에 따라 이용할 수 있습니다.", { licence: licence.name })),
  );
}
