"""The database backend's ranking orders pages exactly as `search.ranking` defines it, and its
in-memory arrays follow content changes.

The definition is written out here in plain Python (the oracle) and compared with the array
ranking over random page terms read from whichever database the suite runs on.
"""

import math
import random

import pytest

from content.models import ContentChange
from pages.models import SectionKind
from search import postings, termindex
from search.models import PageTerm, PageTermState
from search.ranking import Concept, query_concepts
from search.thesaurus import Thesaurus
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def terms_written_directly(db):
    """These tests write page terms themselves: the terms count as current (no rebuild from
    pages), and the arrays are read afresh (no content change moves the version)."""
    newest = ContentChange.objects.order_by("-id").values_list("id", flat=True).first() or 0
    PageTermState.objects.update_or_create(pk=1, defaults={"last_change_id": newest})
    postings.forget()
    yield
    postings.forget()


TERMS = ["한부모", "가족", "양육비", "지원", "아이", "자녀", "돌봄", "상담"]
CONCEPTS = [
    Concept("한부모가족", (("한부모가족",), ("한부모", "가족"))),
    Concept("양육비", (("양육비",),)),
    Concept("아이", (("아이",), ("자녀",), ("아동",))),
    Concept("돌봄 상담", (("돌봄", "상담"),)),
]


def oracle(rows: list[tuple[int, str, int, int]], concepts, minimum_covered: int) -> list[int]:
    """`search.ranking`'s order, computed page by page."""
    places: dict[int, dict[str, int]] = {}
    counts: dict[int, dict[str, int]] = {}
    for page_id, term, place, count in rows:
        places.setdefault(page_id, {})[term] = place
        counts.setdefault(page_id, {})[term] = count
    scored = []
    for page_id, page_places in places.items():
        covered = weight = 0
        frequency = 0
        for concept in concepts:
            best = (0, 0)
            for alternative in concept.alternatives:
                if all(term in page_places for term in alternative):
                    place = min(page_places[term] for term in alternative)
                    count = min(counts[page_id][term] for term in alternative)
                    best = max(best, (place, count))
            if best[0]:
                covered += 1
                weight += best[0]
                frequency += math.floor(math.log1p(best[1]) * 1_000_000)
        if covered >= minimum_covered:
            scored.append(((covered, weight, frequency), page_id))
    scored.sort(reverse=True)
    return [page_id for _, page_id in scored]


def random_rows(seed: int, pages: int = 300) -> list[tuple[int, str, int, int]]:
    rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
    rows = []
    for page_id in range(1, pages + 1):
        for term in rng.sample([*TERMS, "한부모가족"], rng.randint(0, 5)):
            rows.append((page_id, term, rng.randint(1, 3), rng.choice([1, 1, 2, 3, 40, 32767])))
    return rows


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("minimum_covered", [1, 2])
def test_the_sql_ranking_is_the_defined_ranking(seed, minimum_covered):
    rows = random_rows(seed)
    PageTerm.objects.bulk_create(
        PageTerm(page_id=page_id, term=term, part=place, count=count)
        for page_id, term, place, count in rows
    )

    ranked = termindex.rank(CONCEPTS, 1000, minimum_covered)

    assert ranked == oracle(rows, CONCEPTS, minimum_covered)
    assert len(ranked) > 50  # the random terms make a real contest


def test_a_limit_keeps_the_best_and_allowed_ids_narrow_before_it():
    rows = random_rows(7)
    PageTerm.objects.bulk_create(
        PageTerm(page_id=page_id, term=term, part=place, count=count)
        for page_id, term, place, count in rows
    )
    expected = oracle(rows, CONCEPTS, 1)
    allowed = set(expected[::3])

    assert termindex.rank(CONCEPTS, 10, 1) == expected[:10]
    assert termindex.rank(CONCEPTS, 10, 1, allowed) == [i for i in expected if i in allowed][:10]


def test_a_term_that_is_only_half_of_an_alternative_covers_nothing():
    PageTerm.objects.bulk_create(
        [
            PageTerm(page_id=1, term="돌봄", part=3, count=5),
            PageTerm(page_id=2, term="돌봄", part=1, count=1),
            PageTerm(page_id=2, term="상담", part=1, count=1),
        ]
    )

    assert termindex.rank([CONCEPTS[3]], 10, 1) == [2]


def test_the_arrays_follow_publishing_and_unpublishing(portal):
    section = portal.section(SectionKind.FAMILY_INFO)
    concepts = query_concepts("양육비", Thesaurus())
    first = ArticlePageFactory(parent=section, title="양육비 지원")
    first.save_revision().publish()
    assert termindex.rank(concepts, 10) == [first.pk]

    second = ArticlePageFactory(parent=section, title="양육비 이행 안내")
    second.save_revision().publish()
    assert set(termindex.rank(concepts, 10)) == {first.pk, second.pk}

    first.title = "한부모 상담"
    first.save_revision().publish()
    assert termindex.rank(concepts, 10) == [second.pk]

    second.unpublish()
    assert termindex.rank(concepts, 10) == []
