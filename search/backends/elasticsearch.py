"""Elasticsearch 8+ (Wagtail's elasticsearch8 backend) with Korean index settings."""

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8Index,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchResults,
)

from .korean import (
    CoverageRankingMixin,
    KoreanBackendMixin,
    KoreanIndexMixin,
    RankedIdsResultsMixin,
)


class KoreanElasticsearchIndex(KoreanIndexMixin, Elasticsearch8Index):
    document_argument = "document"


class KoreanElasticsearchResults(RankedIdsResultsMixin, Elasticsearch8SearchResults):
    pass


class KoreanElasticsearchBackend(
    KoreanBackendMixin, CoverageRankingMixin, Elasticsearch8SearchBackend
):
    index_class = KoreanElasticsearchIndex
    results_class = KoreanElasticsearchResults


SearchBackend = KoreanElasticsearchBackend
