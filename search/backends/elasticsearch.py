"""Elasticsearch 8+ (Wagtail's elasticsearch8 backend) with Korean index settings."""

from modelsearch.backends.elasticsearch8 import Elasticsearch8Index, Elasticsearch8SearchBackend

from .korean import KoreanBackendMixin, KoreanIndexMixin


class KoreanElasticsearchIndex(KoreanIndexMixin, Elasticsearch8Index):
    document_argument = "document"


class KoreanElasticsearchBackend(KoreanBackendMixin, Elasticsearch8SearchBackend):
    index_class = KoreanElasticsearchIndex


SearchBackend = KoreanElasticsearchBackend
