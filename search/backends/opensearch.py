"""OpenSearch 2/3 (Wagtail's opensearch3 backend) with Korean index settings."""

from modelsearch.backends.opensearch3 import (
    OpenSearch3Index,
    OpenSearch3SearchBackend,
    OpenSearch3SearchResults,
)

from .korean import (
    CoverageRankingMixin,
    KoreanBackendMixin,
    KoreanIndexMixin,
    RankedIdsResultsMixin,
)


class KoreanOpenSearchIndex(KoreanIndexMixin, OpenSearch3Index):
    pass


class KoreanOpenSearchResults(RankedIdsResultsMixin, OpenSearch3SearchResults):
    pass


class KoreanOpenSearchBackend(KoreanBackendMixin, CoverageRankingMixin, OpenSearch3SearchBackend):
    index_class = KoreanOpenSearchIndex
    results_class = KoreanOpenSearchResults


SearchBackend = KoreanOpenSearchBackend
