"""OpenSearch 2/3 (Wagtail's opensearch3 backend) with Korean index settings."""

from modelsearch.backends.opensearch3 import OpenSearch3Index, OpenSearch3SearchBackend

from .korean import KoreanBackendMixin, KoreanIndexMixin


class KoreanOpenSearchIndex(KoreanIndexMixin, OpenSearch3Index):
    pass


class KoreanOpenSearchBackend(KoreanBackendMixin, OpenSearch3SearchBackend):
    index_class = KoreanOpenSearchIndex


SearchBackend = KoreanOpenSearchBackend
