"""Korean queries find the pages citizens expect, on every engine; recall@5 and MRR printed."""

import pytest
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from search.service import SearchRequest, citizen_backend_name, search
from tests.search.conftest import sync_engine
from tests.search.corpus import PAGES, QUERIES

RECALL_AT = 5


@pytest.fixture
def corpus(portal):
    pages = {}
    for key, spec in PAGES.items():
        spec = dict(spec)
        factory = spec.pop("factory")
        section = portal.section(spec.pop("section"))
        pages[key] = factory(parent=section, **spec)
    return pages


def _rank(response, page_id):
    ids = [item["id"] for item in response["items"]]
    return ids.index(page_id) + 1 if page_id in ids else None


def _recall_and_mrr(ranks: dict) -> tuple[float, float]:
    found = [rank for rank in ranks.values() if rank and rank <= RECALL_AT]
    mrr = sum(1 / rank for rank in ranks.values() if rank) / len(ranks)
    return len(found) / len(ranks), mrr


def _raw_query_rank(query: str, page_id: int) -> int | None:
    """The baseline: the typed text handed to Wagtail as it is, on the same index."""
    backend = get_search_backend(citizen_backend_name())
    ids = [page.pk for page in backend.search(query, Page.objects.live())[:RECALL_AT]]
    return ids.index(page_id) + 1 if page_id in ids else None


def test_korean_queries_find_expected_pages(search_backends, corpus, portal, capsys):
    sync_engine()
    ranks, baseline_ranks = {}, {}
    for query, key, _why in QUERIES:
        response = search(SearchRequest(q=query), portal.home.get_site())
        assert response["fallback"] is False
        ranks[query] = _rank(response, corpus[key].pk)
        baseline_ranks[query] = _raw_query_rank(query, corpus[key].pk)

    recall, mrr = _recall_and_mrr(ranks)
    baseline_recall, baseline_mrr = _recall_and_mrr(baseline_ranks)
    with capsys.disabled():
        figures = (
            f"recall@{RECALL_AT}={recall:.3f} MRR={mrr:.3f}; raw query on the same index "
            f"(baseline) recall@{RECALL_AT}={baseline_recall:.3f} MRR={baseline_mrr:.3f}"
        )
        print(f"\n[search quality] {search_backends}: {figures}")  # noqa: T201 - the figures
    missed = {query: rank for query, rank in ranks.items() if not rank or rank > RECALL_AT}
    assert not missed, f"queries that missed their page (rank): {missed}"
    assert mrr >= 0.9
