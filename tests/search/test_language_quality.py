"""Per-language search quality over the demo's translated pages, on every engine: recall@5
and MRR@10 for zh-hans, vi and en, per half, printed with -s and held above the floors
measured for them (docs/search.md, "Languages").

Two authors' sets: the first (`queries_languages_tuning.py`, `queries_languages_validation.py`)
and the second, harder one (`queries_languages_families_tuning.py`, tuned on; and
`queries_languages_families_validation.py`, committed before anything ran against it and
never tuned on). With -s the tuning queries not ranked first are printed — tuning's only.
"""

import pytest
from wagtail.models import Page

from search.service import SearchRequest, search
from tests.search import (
    queries_languages_families_tuning,
    queries_languages_families_validation,
    queries_languages_tuning,
    queries_languages_validation,
)
from tests.search.conftest import sync_engine
from tests.search.language_corpus import load_language_pages
from tests.search.test_citizen_quality import MRR_AT, RECALL_AT, figures, rank_of

LANGUAGES = ("zh-hans", "vi", "en")
HALVES = {
    "first tuning": queries_languages_tuning.QUERIES,
    "first validation": queries_languages_validation.QUERIES,
    "tuning": queries_languages_families_tuning.QUERIES,
    "validation": queries_languages_families_validation.QUERIES,
}
GOAL = {"recall": 0.95, "mrr": 0.90}
# Floors per half and language: the goal (recall@5 ≥ 0.95, MRR@10 ≥ 0.90) where it is reached,
# else the figure measured on the database backend (SQLite, PostgreSQL) and OpenSearch 3.8,
# docs/search.md "Languages". "validation" (the second author's, never tuned on) is the clean
# measure; "first validation" was seen while the first tuning was built: a regression check.
FLOORS = {
    "first tuning": dict.fromkeys(LANGUAGES, GOAL),
    "first validation": {
        "zh-hans": GOAL,
        "vi": {"recall": 0.95, "mrr": 0.89},
        "en": GOAL,
    },
    "tuning": dict.fromkeys(LANGUAGES, GOAL),
    "validation": {
        "zh-hans": {"recall": 0.87, "mrr": 0.87},
        "vi": GOAL,
        "en": {"recall": 0.87, "mrr": 0.82},
    },
}


def _queries(half: str, language: str) -> set[str]:
    return {query for query, _, _ in HALVES[half][language]}


def test_each_language_has_its_queries_in_separate_halves():
    for language in LANGUAGES:
        assert (
            len(_queries("first tuning", language) | _queries("first validation", language)) >= 30
        )
        assert len(_queries("tuning", language)) >= 30, language
        assert len(_queries("validation", language)) >= 20, language
        for half in HALVES:
            others = set().union(*(_queries(other, language) for other in HALVES if other != half))
            assert not _queries(half, language) & others, (language, half)


@pytest.mark.django_db
def test_each_language_finds_its_own_pages(search_backends, capsys):
    pages = load_language_pages()
    sync_engine()
    site = pages["ko"]["overview"].get_site()
    report, failures, below = [], {}, []
    for language in LANGUAGES:
        own_ids = set(
            Page.objects.filter(locale__language_code=language).values_list("pk", flat=True)
        )
        for half, queries in HALVES.items():
            ranks = []
            for query, key, _kind in queries[language]:
                response = search(SearchRequest(q=query, locale=language), site)
                assert response["fallback"] is False
                # Results in the language asked for, labelled so, never Korean pages.
                assert response["meta"] == {"locale": language}, (query, response["meta"])
                assert {item["id"] for item in response["items"]} <= own_ids, query
                rank = rank_of(response, pages[language][key].pk)
                ranks.append(rank)
                if half == "tuning" and rank != 1:
                    top = [item["title"] for item in response["items"][:3]]
                    failures[f"{language}: {query}"] = (rank, top)
            recall, mrr = figures(ranks)
            report.append(
                f"{language} {half} ({len(ranks)} queries): recall@{RECALL_AT}={recall:.3f} "
                f"MRR@{MRR_AT}={mrr:.3f}"
            )
            floor = FLOORS[half][language]
            if recall < floor["recall"] or mrr < floor["mrr"]:
                below.append(report[-1])
    with capsys.disabled():
        print(f"\n[search quality per language] {search_backends}")  # noqa: T201
        for line in report:
            print(f"  {line}")  # noqa: T201
        if failures:
            print("  tuning queries not ranked first (rank, top three):")  # noqa: T201
            for query, (rank, top) in failures.items():
                print(f"    {query}: {rank} {top}")  # noqa: T201
    assert not below, below
