"""Subscriber lists from the one filter vocabulary (pages/vocabulary.py), and which lists a
page matches.

Criteria are kept canonical — `{"type": "pages.educationprogrampage", "section":
"family-school", "topic": ["parenting"], "district": ["jongno-gu"]}` — so "한부모, 종로" and
"single-parent, jongno-gu" are one list. Within a taxonomy any listed term matches (as the
API's filters do); across criteria all must match.
"""

import hashlib
import json
from collections.abc import Mapping

from wagtail.models import Page

from pages.models import SectionKind, SectionPage
from pages.vocabulary import TAXONOMIES, ContentFilter, InvalidFilter

from .models import Subscriber, SubscriberList, Subscription

CRITERIA = ("type", "section", *TAXONOMIES)


def canonical_criteria(params: Mapping[str, str]) -> dict:
    """Parse filters as the API does (Korean `InvalidFilter` on a bad value) and normalise."""
    unknown = [name for name in params if name not in CRITERIA]
    if unknown:
        raise InvalidFilter(
            f"구독할 수 없는 조건입니다: {', '.join(unknown)}. 가능한 값: {', '.join(CRITERIA)}"
        )
    parsed = ContentFilter.from_params(
        {name: str(value) for name, value in params.items()}, names=frozenset(CRITERIA)
    )
    criteria: dict = {}
    if parsed.page_type is not None:
        criteria["type"] = parsed.page_type._meta.label_lower
    if parsed.section is not None:
        criteria["section"] = parsed.section.kind
    for name, terms in parsed.terms.items():
        criteria[name] = sorted({term.slug for term in terms})
    return criteria


def list_key(criteria: dict) -> str:
    return hashlib.sha256(json.dumps(criteria, sort_keys=True).encode()).hexdigest()


def list_title(criteria: dict) -> str:
    """A Korean name people recognise: "주제: 육아 · 지역: 종로구"."""
    from django.apps import apps

    parts = []
    if "section" in criteria:
        parts.append(f"섹션: {SectionKind(criteria['section']).label}")
    if "type" in criteria:
        model = apps.get_model(criteria["type"])
        parts.append(f"유형: {model._meta.verbose_name}")
    for name, (_, model) in TAXONOMIES.items():
        if name in criteria:
            names = model.objects.filter(slug__in=criteria[name]).values_list("name", flat=True)
            parts.append(f"{model._meta.verbose_name}: {', '.join(sorted(names))}")
    return " · ".join(parts) or "모든 새 소식"


def list_for(params: Mapping[str, str]) -> SubscriberList:
    """The shared list for this combination of filters, created on first use."""
    criteria = canonical_criteria(params)
    subscriber_list, _ = SubscriberList.objects.get_or_create(
        key=list_key(criteria), defaults={"criteria": criteria, "title": list_title(criteria)}
    )
    return subscriber_list


# Which lists a page matches -----------------------------------------------------------------


def page_facets(page: Page) -> dict:
    """The page's values for each criterion (type, section kind, term slugs)."""
    page = page.specific_deferred if type(page) is Page else page
    facets: dict = {"type": type(page)._meta.label_lower, "section": ""}
    section = SectionPage.objects.ancestor_of(page, inclusive=True).first()
    if section is not None:
        facets["section"] = section.kind
    for name, (field_name, _) in TAXONOMIES.items():
        related = getattr(page, field_name, None)
        # .all(), not a query: an unsaved draft's terms live on the object (modelcluster).
        facets[name] = {term.slug for term in related.all()} if related is not None else set()
    return facets


def matches(criteria: dict, facets: dict) -> bool:
    for name in ("type", "section"):
        if name in criteria and criteria[name] != facets[name]:
            return False
    return all(set(criteria[name]) & facets[name] for name in TAXONOMIES if name in criteria)


def lists_matching(page: Page) -> list[int]:
    facets = page_facets(page)
    return [
        pk
        for pk, criteria in SubscriberList.objects.values_list("pk", "criteria")
        if matches(criteria, facets)
    ]


def subscribers_of(list_ids: list[int]):
    """Distinct confirmed subscribers of any of these lists, by id."""
    return (
        Subscriber.objects.filter(
            subscriptions__subscriber_list_id__in=list_ids,
            subscriptions__confirmed_at__isnull=False,
            confirmed_at__isnull=False,
        )
        .values_list("pk", flat=True)
        .distinct()
        .order_by("pk")
    )


def reach(page: Page) -> int:
    """How many subscribers a message about `page` would reach now (shown to editors)."""
    list_ids = lists_matching(page)
    if not list_ids:
        return 0
    return subscribers_of(list_ids).count()


def confirmed_subscriptions(subscriber: Subscriber):
    return Subscription.objects.filter(
        subscriber=subscriber, confirmed_at__isnull=False
    ).select_related("subscriber_list")
