"""Translating the portal with wagtail-localize: the content languages' locales, the Korean
home's translations that translators' permissions and the review workflow attach to, and PO
files in and out (docs/languages.md).

Translations start as drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off): Korean
text copied into a new tree is never published under another language's name. Translators
fill the segments in the admin or in a PO file, then submit for moderation like any page.
"""

import polib
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from content.locales import content_languages, default_language


class IncompleteTranslation(ValueError):
    """A PO import left source segments untranslated; the message names them."""


def ensure_locales() -> list[str]:
    """A `Locale` for every content language; the codes created."""
    created = []
    for code in content_languages():
        _, made = Locale.objects.get_or_create(language_code=code)
        if made:
            created.append(code)
    return created


def other_languages() -> list[str]:
    return [code for code in content_languages() if code != default_language()]


@transaction.atomic
def start_translations(page: Page, languages, user=None, with_subtree: bool = False) -> None:
    """Start `page` (and with `with_subtree` its descendants) into `languages`, as the
    admin's "번역" action does: draft pages in each language's tree, parents copied as drafts."""
    locales = list(Locale.objects.filter(language_code__in=languages))
    creator = TranslationCreator(user, locales)
    pages = page.get_descendants(inclusive=True) if with_subtree else [page]
    for each in pages:
        creator.create_translations(each.specific)


def translation_of(page: Page, language: str) -> Translation:
    """wagtail-localize's record of `page`'s translation into `language` (started before)."""
    source = TranslationSource.objects.get_for_instance(page)
    return Translation.objects.get(source=source, target_locale__language_code=language)


def export_po(page: Page, language: str) -> polib.POFile:
    """The PO file outside translators work in: `msgid` Korean, `msgstr` their text."""
    return translation_of(page, language).export_po()


@transaction.atomic
def import_po(
    page: Page, language: str, po: polib.POFile, user=None, publish=False, publisher=None
) -> Page:
    """Take a translator's (`user`'s) PO file for `page` and save the translated page: a draft
    for review, or published by `publisher` (who needs the right) with `publish`. Refuses a
    file that leaves any segment untranslated."""
    translation = translation_of(page, language)
    translation.import_po(po, user=user, tool_name="PO")
    progress = translation.get_progress()
    if progress[1] < progress[0]:
        missing = [entry.msgid for entry in translation.export_po() if not entry.msgstr]
        raise IncompleteTranslation(
            f"번역되지 않은 문장이 {progress[0] - progress[1]}개 있습니다: "
            + " / ".join(text[:40] for text in missing[:3])
        )
    # Saved as a draft, then published here and now (wagtail-localize would publish only once
    # the surrogate transaction commits, after callers have looked at the page).
    translation.save_target(user=user, publish=False)
    target = translation.get_target_instance()
    if publish:
        target.get_latest_revision().publish(user=publisher or user)
        target.refresh_from_db()
    return target


def translate_with(
    page: Page,
    language: str,
    strings: dict[str, str],
    slug: str = "",
    user=None,
    publish=False,
    publisher=None,
):
    """Fill `page`'s PO file for `language` from `strings` (Korean → translation) and import
    it: the demo and tests translate exactly as an outside translator's file would. The slug
    is its own (a Korean title and slug are often the same text)."""
    po = export_po(page, language)
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgstr)
        if entry.msgctxt == "slug" and slug:
            entry.msgstr = slug
    return import_po(page, language, po, user=user, publish=publish, publisher=publisher)
