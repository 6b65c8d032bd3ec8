// Responsive images from the API's renditions (320, 640, 1280 pixels wide).

import { h } from "./dom.js";

function renditionsOf(image) {
  const list = Array.isArray(image?.renditions) ? image.renditions : [];
  return list.filter((rendition) => rendition?.url && rendition.width).sort((a, b) => a.width - b.width);
}

/**
 * An <img> with srcset. `alt` overrides the image's own alt text (a block's alt_text);
 * decorative images pass alt: "".
 */
export function responsiveImage(image, { alt, sizes = "(max-width: 48rem) 100vw, 48rem", className } = {}) {
  if (!image) return null;
  const renditions = renditionsOf(image);
  const fallback = renditions.find((r) => r.width >= 640) ?? renditions.at(-1);
  const src = fallback?.url ?? image.url ?? image.meta?.download_url;
  if (!src) return null;
  return h("img", {
    src,
    srcset: renditions.length ? renditions.map((r) => `${r.url} ${r.width}w`).join(", ") : null,
    sizes: renditions.length ? sizes : null,
    width: fallback?.width ?? image.width,
    height: fallback?.height ?? image.height,
    alt: alt ?? image.alt ?? image.alt_text ?? image.title ?? "",
    loading: "lazy",
    decoding: "async",
    class: className,
  });
}

/** A figure with an optional caption. */
export function figure(image, { alt, caption, className } = {}) {
  const img = responsiveImage(image, { alt });
  if (!img) return null;
  return h("figure", { class: className ?? "figure" }, img, caption ? h("figcaption", {}, caption) : null);
}
