"""Translating test pages the way translators do: start the translation, import a PO file."""

from wagtail.models import Page

from pages.translation import export_po, start_translations, translate_with

LABELS = {"zh-hans": "中文", "vi": "Tiếng Việt", "en": "English"}


def translated(page: Page, language: str, publish: bool = True) -> Page:
    """`page` translated into `language` (its parents too, published unless `publish` is
    False): every text segment becomes "<Korean> (<language>)", every slug "<code>-<id>"."""
    for ancestor in [*page.get_ancestors().filter(depth__gt=1), page]:
        existing = ancestor.get_translations().filter(locale__language_code=language).first()
        if existing is not None and existing.live and ancestor.pk != page.pk:
            continue
        start_translations(ancestor.specific, [language])
        strings = {}
        for entry in export_po(ancestor, language):
            strings[entry.msgid] = (
                f"{language}-{ancestor.pk}"
                if entry.msgctxt == "slug"
                else f"{entry.msgid} ({LABELS[language]})"
            )
        result = translate_with(
            ancestor, language, strings, publish=publish or ancestor.pk != page.pk
        )
    return Page.objects.get(pk=result.pk).specific
