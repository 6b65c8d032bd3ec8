"""Korean index settings shared by the Elasticsearch and OpenSearch backends.

Every text field of the index is analysed by one "default" analyzer. With the nori plugin
that is nori (particles and endings dropped, compounds split as well as kept); without it,
the standard tokenizer with width folding and lower-casing, which splits on spaces like the
database backend does. Either way pages are found through the Korean terms `search.korean`
indexes, so the same queries find the same pages on every engine.
"""

import logging
from copy import deepcopy
from typing import TYPE_CHECKING

from modelsearch.index import class_is_indexed

if TYPE_CHECKING:
    # The mixins below extend modelsearch's engine classes (Elasticsearch 8 and OpenSearch),
    # whose attributes they use; modelsearch has no type information, so these are Any.
    from modelsearch.backends.elasticsearchbase import (
        ElasticsearchBaseIndex as _EngineIndex,
    )
    from modelsearch.backends.elasticsearchbase import (
        ElasticsearchBaseSearchBackend as _EngineBackend,
    )
    from modelsearch.backends.elasticsearchbase import (
        ElasticsearchBaseSearchResults as _EngineResults,
    )
else:
    _EngineIndex = _EngineBackend = _EngineResults = object

logger = logging.getLogger(__name__)

NORI_PLUGIN = "analysis-nori"

# Portal words nori's dictionary lacks; without them 한부모 loses its 한.
PORTAL_WORDS = [
    "한부모",
    "한부모가족",
    "한부모가정",
    "조손가족",
    "다문화가족",
    "직장맘",
    "워킹맘",
    "맞벌이",
    "손자녀",
    "예비부부",
    "예비부모",
    "육아종합지원센터",
    "가족담당관",
    "서울가족학교",
]

NORI_ANALYSIS = {
    "tokenizer": {
        "portal_nori": {
            "type": "nori_tokenizer",
            "decompound_mode": "mixed",
            "user_dictionary_rules": PORTAL_WORDS,
        }
    },
    "analyzer": {
        "default": {
            "type": "custom",
            "tokenizer": "portal_nori",
            "filter": ["nori_part_of_speech", "cjk_width", "lowercase"],
        }
    },
}

FALLBACK_ANALYSIS = {
    "analyzer": {
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["cjk_width", "lowercase"],
        }
    }
}


# The Korean fields hold terms `search.korean` already analysed (the same the database
# backend's page terms hold): the engine only splits them on spaces, so both match alike.
TERMS_ANALYZER = {
    "portal_terms": {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}
}


# The other content languages' analyzers, read by each page's `native_text` sub-field of its
# language ("portal_<code>", pages/models/base.py). Chinese: smartcn's word segmentation when
# every node has the plugin, else the ICU tokenizer, else bigrams. Vietnamese: letters folded
# (ICU folding, else ASCII folding: hỗ trợ → ho tro, đ → d). English: the English stemmer.
SMARTCN_PLUGIN = "analysis-smartcn"
ICU_PLUGIN = "analysis-icu"
LANGUAGE_FILTERS = {
    "portal_english_possessive": {"type": "stemmer", "language": "possessive_english"},
    "portal_english_stemmer": {"type": "stemmer", "language": "english"},
}


def _language_analyzer(code: str, plugins: set[str]) -> dict:
    if code == "zh-hans":
        if SMARTCN_PLUGIN in plugins:
            tokenizer, filters = "smartcn_tokenizer", ["cjk_width", "lowercase"]
        elif ICU_PLUGIN in plugins:
            tokenizer, filters = "icu_tokenizer", ["cjk_width", "lowercase"]
        else:
            tokenizer, filters = "standard", ["cjk_width", "lowercase", "cjk_bigram"]
    elif code == "en":
        tokenizer = "standard"
        filters = ["portal_english_possessive", "lowercase", "portal_english_stemmer"]
    else:  # Vietnamese, and any language added later: folded words
        tokenizer = "standard"
        filters = ["icu_folding"] if ICU_PLUGIN in plugins else ["lowercase", "asciifolding"]
    return {"type": "custom", "tokenizer": tokenizer, "filter": filters}


def language_analysis(plugins: set[str]) -> dict:
    """The analyzers of the content languages other than Korean, for `plugins`."""
    from content.locales import content_languages, default_language, field_key

    return {
        "filter": deepcopy(LANGUAGE_FILTERS),
        "analyzer": {
            f"portal_{field_key(code)}": _language_analyzer(code, plugins)
            for code in content_languages()
            if code != default_language()
        },
    }


def korean_index_settings(base: dict, has_nori: bool, plugins: set[str] | None = None) -> dict:
    """`base` (the backend's index settings) with the Korean default analyzer added, and the
    other languages' analyzers for the cluster's `plugins`."""
    settings = deepcopy(base)
    analysis = settings.setdefault("settings", {}).setdefault("analysis", {})
    for section, entries in (NORI_ANALYSIS if has_nori else FALLBACK_ANALYSIS).items():
        analysis.setdefault(section, {}).update(deepcopy(entries))
    analysis.setdefault("analyzer", {}).update(deepcopy(TERMS_ANALYZER))
    for section, entries in language_analysis(plugins or set()).items():
        analysis.setdefault(section, {}).update(entries)
    return settings


_PLUGIN_CLASSES = {
    NORI_PLUGIN: "NoriPlugin",
    SMARTCN_PLUGIN: "SmartChinesePlugin",
    ICU_PLUGIN: "AnalysisICUPlugin",
}


def cluster_plugins(client) -> set[str]:
    """The analysis plugins every node of the cluster has (an index may use only those)."""
    nodes = list(client.nodes.info(metric="plugins")["nodes"].values())
    found = {
        name
        for name, classname in _PLUGIN_CLASSES.items()
        if nodes
        and all(
            any(
                plugin.get("name") == name or plugin.get("classname", "").endswith(classname)
                for plugin in node.get("plugins", [])
            )
            for node in nodes
        )
    }
    logger.info("Analysis plugins for new search indexes: %s", sorted(found) or "none")
    return found


def nodes_have_nori(client) -> bool:
    """Whether every node of the cluster has the nori plugin (it must, for the index to work)."""
    return NORI_PLUGIN in cluster_plugins(client)


class KoreanIndexMixin(_EngineIndex):
    """Creates indexes with the Korean analyzer that suits the cluster it talks to, and writes
    single pages only through the alias `search.indexing.ensure_page_index` creates."""

    # The index API's keyword for the document: "body" for OpenSearch, "document" for ES 8.
    document_argument = "body"

    def put(self):
        backend = self.backend
        plugins = cluster_plugins(self.es)
        backend.settings = korean_index_settings(
            backend.base_settings, NORI_PLUGIN in plugins, plugins
        )
        super().put()

    def add_item(self, item):
        if not class_is_indexed(item.__class__):
            return
        mapping = self.mapping_class(item.__class__)
        # require_alias: a write to a missing index must fail (and be logged), not create an
        # index with guessed mappings that the Korean mappings can no longer be put on.
        self.es.index(
            index=self.name,
            id=mapping.get_document_id(item),
            require_alias=True,
            **{self.document_argument: mapping.get_document(item)},
        )


class RankedIdsResultsMixin(_EngineResults):
    """Results that can give the ids of their first hits in one request, loading no objects
    (the search service ranks up to a thousand hits but shows ten)."""

    def pks(self, limit: int) -> list:
        params = {
            "index": self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            "_source": False,
            self.fields_param_name: "pk",
            "from_": self.start,
            "size": limit,
        }
        hits = self._backend_do_search(self._get_es_body(), **params)["hits"]["hits"]
        to_pk = self.query_compiler.queryset.model._meta.pk.to_python
        return [to_pk(hit["fields"]["pk"][0]) for hit in hits]


class KoreanBackendMixin(_EngineBackend):
    """Keeps the backend's own index settings apart from the Korean ones added per cluster."""

    def __init__(self, params):
        super().__init__(params)
        self.base_settings = deepcopy(self.settings)


# Coverage ranking in the engine ------------------------------------------------------------

# A concept found anywhere scores COVERAGE plus its part's weight (title 3, summary 2, body 1),
# so covering one more concept always outweighs finding the others in better places.
COVERAGE = 10
# BM25 over the same terms, scaled to break ties only (well below one part's weight).
TIE_BREAK_BOOST = 0.005
PART_WEIGHTS = (("korean_title", 3), ("korean_summary", 2), ("korean_body", 1))


def _field(name: str) -> str:
    # Page types define the Korean fields on their own models, prefixed per model.
    return f"*{name}"


def _concept_clause(concept) -> dict:
    per_part = []
    for field, weight in PART_WEIGHTS:
        alternatives = [
            {"multi_match": {"query": " ".join(alt), "fields": [_field(field)], "operator": "and"}}
            for alt in concept.alternatives
        ]
        per_part.append(
            {
                "constant_score": {
                    "filter": {"bool": {"should": alternatives, "minimum_should_match": 1}},
                    "boost": COVERAGE + weight,
                }
            }
        )
    return {"dis_max": {"queries": per_part}}


def _native_tie_break(concepts, language: str) -> dict | None:
    """BM25 over the page text as the engine's own analyzer of `language` reads it (smartcn,
    folding, stemming): breaks ties among pages that cover the same concepts alike."""
    from content.locales import default_language, field_key

    if language == default_language():
        return None
    words = " ".join(dict.fromkeys(concept.text for concept in concepts))
    return {
        "multi_match": {
            "query": words,
            "fields": [_field(f"native_text.{field_key(language)}")],
            "boost": TIE_BREAK_BOOST,
        }
    }


def coverage_query(
    concepts, minimum_covered: int, allowed_ids=None, locale_id=None, language: str = "ko"
) -> dict:
    """The engine query ranking pages by the concepts they cover (see search.ranking), among
    the pages of one locale if `locale_id` is given (a term means something in one language
    only: "ban" is a Vietnamese word and an English one)."""
    terms = " ".join(sorted({term for concept in concepts for term in concept.terms}))
    tie_break = {
        "multi_match": {
            "query": terms,
            "fields": [f"{_field(field)}^{weight}" for field, weight in PART_WEIGHTS],
            "type": "most_fields",
            "boost": TIE_BREAK_BOOST,
        }
    }
    query = {
        "bool": {
            "must": [
                {
                    "bool": {
                        "should": [_concept_clause(concept) for concept in concepts],
                        "minimum_should_match": minimum_covered,
                    }
                }
            ],
            "should": [tie_break],
        }
    }
    native = _native_tie_break(concepts, language)
    if native:
        query["bool"]["should"].append(native)
    filters: list[dict] = []
    if allowed_ids is not None:
        filters.append({"terms": {"pk": [str(page_id) for page_id in allowed_ids]}})
    if locale_id is not None:
        filters.append({"term": {LOCALE_FIELD: locale_id}})
    if filters:
        query["bool"]["filter"] = filters
    return query


# Wagtail's Page.search_fields has FilterField("locale"), indexed under its column name.
LOCALE_FIELD = "locale_id_filter"


class CoverageRankingMixin(_EngineBackend):
    """Citizens' search in one request: ids ranked by coverage, and hit counts per page type
    from the engine's aggregation."""

    def rank_concepts(
        self, concepts, minimum_covered: int, limit: int, allowed_ids=None, language: str = "ko"
    ):
        from wagtail.models import Locale, Page

        locale_id = (
            Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
        )
        if locale_id is None:
            return [], {}
        body = {
            "query": coverage_query(concepts, minimum_covered, allowed_ids, locale_id, language),
            "size": limit,
            # Ids from doc values: no stored-field reads for up to a thousand hits.
            "_source": False,
            "stored_fields": "_none_",
            "docvalue_fields": ["pk"],
            "aggs": {"types": {"terms": {"field": "content_type_filter", "size": 100}}},
            "sort": ["_score", {"pk": "desc"}],
        }
        index = self.get_index_for_model(Page).name
        # Only what is read back: a thousand hits' index names, scores and sort values would
        # be most of the response to parse.
        only = ["hits.hits.fields.pk", "aggregations.types.buckets"]
        if getattr(self, "use_new_elasticsearch_api", False):
            response = self.es.search(index=index, filter_path=only, **body)
        else:
            response = self.es.search(index=index, body=body, filter_path=only)
        hits = response.get("hits", {}).get("hits", [])
        ids = [int(hit["fields"]["pk"][0]) for hit in hits]
        buckets = response.get("aggregations", {}).get("types", {}).get("buckets", [])
        type_counts = {int(bucket["key"]): bucket["doc_count"] for bucket in buckets}
        return ids, type_counts
