"""What editors steer search with (synonyms) and what citizens asked (the query log)."""

from datetime import date
from functools import lru_cache

from django.db import models
from django.db.models import F
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from search import korean


class SearchSynonym(models.Model):
    """Words citizens use for the same thing (워킹맘, 직장맘): a search for one finds all."""

    terms = models.CharField(
        "같은 뜻의 검색어",
        max_length=300,
        help_text="쉼표로 구분합니다. 예: 워킹맘, 직장맘",
    )

    panels = [FieldPanel("terms")]

    class Meta:
        verbose_name = "검색 동의어"
        verbose_name_plural = "검색 동의어"
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms

    def term_list(self) -> list[str]:
        """Each term as search units (spaces removed: 한부모 가정 → 한부모가정)."""
        return [compact(term) for term in self.terms.split(",") if compact(term)]

    @classmethod
    def expansions(cls) -> dict[str, set[str]]:
        """Each known term mapped to all terms of its groups, itself included."""
        mapping: dict[str, set[str]] = {}
        for synonym in cls.objects.all():
            group = set(synonym.term_list())
            for term in group:
                mapping.setdefault(term, set()).update(group)
        return mapping


@lru_cache(maxsize=1024)
def compact(term: str) -> str:
    """A term the way queries see it: its Korean units written as one (cached: every search
    reads the synonyms, and their analysis never changes)."""
    terms = korean.query_terms(term)
    return "".join(terms.units)


class SearchQueryLog(models.Model):
    """How often a query was asked on a day and how many pages the last ask found."""

    query = models.CharField("검색어", max_length=100)
    day = models.DateField("날짜", default=timezone.localdate)
    hits = models.PositiveIntegerField("검색 횟수", default=0)
    result_count = models.PositiveIntegerField("결과 수", default=0)

    class Meta:
        verbose_name = "검색 기록"
        verbose_name_plural = "검색 기록"
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="unique_search_query_per_day")
        ]
        indexes = [models.Index(fields=["day", "query"])]

    def __str__(self) -> str:
        return f"{self.day} {self.query} ({self.hits})"

    @staticmethod
    def normalise(query: str) -> str:
        return " ".join(query.split())[:100]

    @classmethod
    def record(cls, query: str, result_count: int, hits: int = 1, day: date | None = None) -> None:
        """Count `hits` asks of `query` on `day` (today by default)."""
        query = cls.normalise(query)
        day = day or timezone.localdate()
        updated = cls.objects.filter(query=query, day=day).update(
            hits=F("hits") + hits, result_count=result_count
        )
        if updated:
            return
        _, created = cls.objects.get_or_create(
            query=query, day=day, defaults={"hits": hits, "result_count": result_count}
        )
        if not created:  # another process wrote the row in between
            cls.objects.filter(query=query, day=day).update(hits=F("hits") + hits)
