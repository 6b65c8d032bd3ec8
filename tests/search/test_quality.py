"""Korean queries find the pages citizens expect, on every engine; recall@5 and MRR printed."""

import pytest

from search.service import SearchRequest, search
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


def test_korean_queries_find_expected_pages(search_backends, corpus, portal, capsys):
    sync_engine()
    ranks = {}
    for query, key, _why in QUERIES:
        response = search(SearchRequest(q=query), portal.home.get_site())
        assert response["fallback"] is False
        ranks[query] = _rank(response, corpus[key].pk)

    found = [rank for rank in ranks.values() if rank and rank <= RECALL_AT]
    recall = len(found) / len(QUERIES)
    mrr = sum(1 / rank for rank in ranks.values() if rank) / len(QUERIES)
    with capsys.disabled():
        figures = f"recall@{RECALL_AT}={recall:.3f} MRR={mrr:.3f}"
        print(f"\n[search quality] {search_backends}: {figures}")  # noqa: T201 - the figures
    missed = {query: rank for query, rank in ranks.items() if not rank or rank > RECALL_AT}
    assert not missed, f"queries that missed their page (rank): {missed}"
    assert mrr >= 0.9
