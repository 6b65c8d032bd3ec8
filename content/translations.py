"""A page's versions in the other content languages, and whether each still says what the
Korean source says.

wagtail-localize records, per source page, when its text was last extracted for translators
(`TranslationSource.last_updated_at`). A translation is up to date when the source was extracted
after the Korean page's latest publish, and the translation was published after that
extraction. A Korean edit published since makes every translation out of date until a translator
syncs it, sees the changed segments, and publishes again.
"""

import datetime
from dataclasses import dataclass
from uuid import UUID

from wagtail.models import Page

from .locales import default_language


@dataclass(frozen=True)
class PageVersion:
    id: int
    language: str
    live: bool
    last_published_at: datetime.datetime | None


def language_versions(pages) -> dict[UUID, list[PageVersion]]:
    """For each translation key of `pages`, every page sharing it (theirs included), default
    language first; one query however many pages."""
    keys = {page.translation_key for page in pages}
    rows = Page.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "pk", "locale__language_code", "live", "last_published_at"
    )
    versions: dict[UUID, list[PageVersion]] = {key: [] for key in keys}
    for key, *row in rows:
        versions[key].append(PageVersion(*row))
    for found in versions.values():
        found.sort(key=lambda version: (version.language != default_language(), version.id))
    return versions


def sources_extracted_at(translation_keys) -> dict[UUID, datetime.datetime]:
    """When wagtail-localize last extracted each Korean source for its translators."""
    from wagtail_localize.models import TranslationSource

    rows = TranslationSource.objects.filter(
        object__translation_key__in=list(translation_keys),
        locale__language_code=default_language(),
    ).values_list("object__translation_key", "last_updated_at")
    return dict(rows)


def up_to_date(
    source: PageVersion | None, translation: PageVersion, extracted_at: datetime.datetime | None
) -> bool:
    """Whether `translation` was published after the Korean `source`'s current text."""
    if source is None or translation.language == default_language():
        return True
    if source.last_published_at is None or translation.last_published_at is None:
        return False
    if extracted_at is None:  # translated by hand, outside wagtail-localize
        return translation.last_published_at >= source.last_published_at
    return extracted_at >= source.last_published_at and (
        translation.last_published_at >= extracted_at
    )
