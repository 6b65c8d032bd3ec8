"""공공누리 (KOGL, Korea Open Government License): the licence every page, image and document
of the portal carries, and how a page inherits it from its section.

The one vocabulary of licence types: the API, the feeds, the frontend, the print colophon and
the open-data files all describe a licence with `licence_data()`.
"""

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db import models
from django.templatetags.static import static
from wagtail.models import Page


class KoglType(models.TextChoices):
    """The four 공공누리 types, plus "none" for works the city may not open (citizens' posts)."""

    TYPE1 = "kogl-1", "공공누리 제1유형: 출처표시"
    TYPE2 = "kogl-2", "공공누리 제2유형: 출처표시, 상업적 이용금지"
    TYPE3 = "kogl-3", "공공누리 제3유형: 출처표시, 변경금지"
    TYPE4 = "kogl-4", "공공누리 제4유형: 출처표시, 상업적 이용금지, 변경금지"
    NONE = "none", "공공누리 미적용"


# A page's own choice: blank means "as the page above" (a section sets it for its pages).
INHERIT = ""
PAGE_LICENCE_CHOICES = [(INHERIT, "상위 페이지를 따름"), *KoglType.choices]
# A page whose ancestors set nothing is not opened: the city must choose to open a work.
DEFAULT = KoglType.NONE

_TYPE_NUMBER = {KoglType.TYPE1: 1, KoglType.TYPE2: 2, KoglType.TYPE3: 3, KoglType.TYPE4: 4}
KOGL_TERMS_URL = "https://www.kogl.or.kr/info/licenseType{number}.do"
# The marks are drawn in pages/static/kogl/ and served from the portal itself (no hotlinking).
MARK_STATIC_PATH = "kogl/kogl-type{number}.svg"


def mark_static_path(code: str) -> str | None:
    """The static file of a licence's official mark (None for "none")."""
    number = _TYPE_NUMBER.get(KoglType(code or DEFAULT))
    return MARK_STATIC_PATH.format(number=number) if number else None


def licence_data(code: str) -> dict[str, Any]:
    """`{"code", "name", "url", "mark"}` of a licence: url is the licence's terms at
    kogl.or.kr, mark the site path of its official mark (both null for "none")."""
    kogl_type = KoglType(code or DEFAULT)
    number = _TYPE_NUMBER.get(kogl_type)
    return {
        "code": kogl_type.value,
        "name": kogl_type.label,
        "url": KOGL_TERMS_URL.format(number=number) if number else None,
        "mark": static(mark_static_path(code)) if number else None,
    }


def explicit_licences(tree_paths: Iterable[str] | None = None) -> dict[str, str]:
    """`{tree path: code}` of the pages that choose a licence themselves (most inherit), in one
    query over every page type; only those at `tree_paths` when given."""
    from pages.models import BasePage

    models_ = [model for model in apps.get_models() if issubclass(model, BasePage)]
    queries = []
    for model in models_:
        query = model.objects.exclude(licence=INHERIT)
        if tree_paths is not None:
            query = query.filter(path__in=tree_paths)
        queries.append(query.order_by().values_list("path", "licence"))
    return dict(queries[0].union(*queries[1:], all=True)) if queries else {}


def resolve_licence(tree_path: str, chosen: dict[str, str]) -> str:
    """The licence of the page at `tree_path`, given the explicit choices `chosen`."""
    for end in range(len(tree_path), 0, -Page.steplen):
        if code := chosen.get(tree_path[:end]):
            return code
    return DEFAULT


def licences_by_tree_path(tree_paths: Iterable[str], own: dict[str, str] | None = None):
    """The licence code of the page at each tree path: its own, or that of the nearest
    ancestor that sets one. `own` overrides stored choices (a page being previewed)."""
    tree_paths = list(tree_paths)
    wanted = {path[:end] for path in tree_paths for end in range(len(path), 0, -Page.steplen)}
    chosen = {**explicit_licences(wanted), **(own or {})}
    return {path: resolve_licence(path, chosen) for path in tree_paths}


def page_licences(pages: Iterable[Page]) -> dict[int, str]:
    """Each page's licence code (see `licences_by_tree_path`), by page id; the pages' own
    choices as they are in memory (a preview shows the editor's unsaved choice)."""
    pages = list(pages)
    own = {page.path: getattr(page, "licence", INHERIT) for page in pages}
    by_path = licences_by_tree_path(own, own=own)
    return {page.pk: by_path[page.path] for page in pages}


def page_licence(page: Page) -> str:
    """The licence code that applies to one page (see `page_licences`)."""
    return page_licences([page])[page.pk]
