// The client's languages: the portal's content languages, each named in itself. The language
// is in the URL (/frontend/vi/… is Vietnamese, no prefix is Korean, as the API's paths are),
// and it drives the interface text, the API's ?locale=, dates and numbers.

import { MESSAGES } from "./messages.js";

export const DEFAULT_LANGUAGE = "ko";
export const LANGUAGES = [
  { code: "ko", name: "한국어", intl: "ko-KR" },
  { code: "zh-hans", name: "简体中文", intl: "zh-Hans-CN" },
  { code: "vi", name: "Tiếng Việt", intl: "vi-VN" },
  { code: "en", name: "English", intl: "en-GB" },
];
const CODES = new Set(LANGUAGES.map((language) => language.code));

let interfaceLanguage = DEFAULT_LANGUAGE;
// While a page that fell back to Korean is drawn, its labels are Korean too (it is marked
// lang="ko" as a whole); the frame around it stays in the reader's language.
let textLanguage = null;

/** The language a page path belongs to: its first segment (`/vi/…` → "vi"), else Korean. */
export function languageOfPath(pagePath) {
  const first = (pagePath || "").split("/")[1]?.toLowerCase() ?? "";
  return first !== DEFAULT_LANGUAGE && CODES.has(first) ? first : DEFAULT_LANGUAGE;
}

/** What a language's paths start with: "" for Korean, "/vi" for Vietnamese. */
export function prefixOf(code) {
  return code === DEFAULT_LANGUAGE ? "" : `/${code}`;
}

/** A page path without its language segment (`/vi/search/` → `/search/`). */
export function withoutPrefix(pagePath) {
  const prefix = prefixOf(languageOfPath(pagePath));
  return prefix && pagePath.toLowerCase().startsWith(`${prefix}/`) ? pagePath.slice(prefix.length) : pagePath;
}

/** The reader's language (the URL's), which the frame, forms and API calls use. */
export function currentLanguage() {
  return interfaceLanguage;
}

/** Switch the interface language; `<html lang>` follows. */
export function setLanguage(code) {
  interfaceLanguage = CODES.has(code) ? code : DEFAULT_LANGUAGE;
  document.documentElement.lang = interfaceLanguage;
}

/** Draw `render()` with labels in `code` (a page's own language), then back. */
export async function inTextLanguage(code, render) {
  textLanguage = CODES.has(code) ? code : null;
  try {
    return await render();
  } finally {
    textLanguage = null;
  }
}

/** Build a part of a page that speaks to the reader (a form under a Korean page) in the
 * reader's language. */
export function asReader(build) {
  const drawing = textLanguage;
  textLanguage = null;
  try {
    return build();
  } finally {
    textLanguage = drawing;
  }
}

function languageOfText() {
  return textLanguage ?? interfaceLanguage;
}

/** The BCP 47 locale for Intl (dates, numbers) of the text being drawn. */
export function intlLocale() {
  const code = languageOfText();
  return LANGUAGES.find((language) => language.code === code)?.intl ?? "ko-KR";
}

/**
 * Interface text: the Korean source string, translated into the language being drawn.
 * `{name}` placeholders are filled from `values`: t("‘{q}’ 검색 결과", { q }).
 */
export function t(korean, values = {}) {
  const code = languageOfText();
  const text = code === DEFAULT_LANGUAGE ? korean : (MESSAGES[code]?.[korean] ?? korean);
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/** Translate the static frame of index.html: elements marked data-i18n (text) and
 * data-i18n-<attribute> (an attribute), whose Korean source stays in the data attribute. */
export function translateFrame(root = document) {
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll("*")) {
    for (const name of Object.keys(element.dataset)) {
      if (!name.startsWith("i18n") || name === "i18n") continue;
      const attribute = name.slice(4).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/^-/, "");
      element.setAttribute(attribute, t(element.dataset[name]));
    }
  }
}
