// Tiny DOM helpers: build elements without innerHTML, and admit API HTML safely.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === "") continue;
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

function setAttributes(element, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  return element;
}

/** An HTML element: h("a", {href: "/"}, "홈"). */
export function h(tag, attrs, ...children) {
  return append(setAttributes(document.createElement(tag), attrs), children);
}

/** An SVG element, for the chart renderer. */
export function svg(tag, attrs, ...children) {
  return append(setAttributes(document.createElementNS(SVG_NS, tag), attrs), children);
}

let idCounter = 0;
/** A document-unique id for aria-labelledby and friends. */
export function uid(prefix = "id") {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

const DROP_ELEMENTS = "script, style, object, embed, link, meta, base, form, input, button";

/**
 * Rich text from the API as a fragment. Editors write it in Wagtail, but the client
 * still drops scripts, event handlers and javascript: URLs before it reaches the page.
 */
export function richText(html, { rewriteLink } = {}) {
  const template = document.createElement("template");
  template.innerHTML = html || "";
  const content = template.content;
  content.querySelectorAll(DROP_ELEMENTS).forEach((node) => node.remove());
  content.querySelectorAll("*").forEach((node) => {
    for (const attr of [...node.attributes]) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith("on") || value.startsWith("javascript:")) {
        node.removeAttribute(attr.name);
      }
    }
    if (node.tagName === "IFRAME" && !String(node.getAttribute("src")).startsWith("https:")) {
      node.remove();
    }
  });
  if (rewriteLink) content.querySelectorAll("a[href]").forEach(rewriteLink);
  return content;
}

/** Search snippets: plain text where only <mark> survives. */
export function markedText(html) {
  const template = document.createElement("template");
  template.innerHTML = html || "";
  const fragment = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "MARK") {
      fragment.append(h("mark", {}, node.textContent));
    } else {
      fragment.append(node.textContent);
    }
  }
  return fragment;
}
