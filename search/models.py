"""What editors steer search with (synonyms) and what citizens asked (the query log)."""

from datetime import date
from functools import lru_cache

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Max, Sum
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from search import korean


def _language_choices() -> list[tuple[str, str]]:
    """The content languages (no choices on the column: adding a language needs no migration)."""
    from content.locales import content_languages, language_name

    return [(code, f"{language_name(code)} ({code})") for code in content_languages()]


class SearchSynonym(models.Model):
    """Words citizens use for the same thing (워킹맘, 직장맘): a search for one finds all.

    A one-way rule (`targets` filled in) widens only the search for its terms: 미혼모 → 한부모
    finds single-parent pages for 미혼모, but 한부모 does not find every page on 미혼모.
    """

    terms = models.CharField(
        "검색어",
        max_length=300,
        help_text="쉼표로 구분합니다. 예: 워킹맘, 직장맘 (서로 같은 뜻으로 찾습니다)",
    )
    targets = models.CharField(
        "함께 찾을 말 (한쪽 방향)",
        max_length=300,
        blank=True,
        help_text=(
            "채우면 한쪽 방향 규칙입니다: 검색어로 찾을 때만 이 말들도 함께 찾습니다. "
            "예: 검색어 '미혼모', 함께 찾을 말 '한부모'"
        ),
    )

    language = models.CharField(
        "언어",
        max_length=16,
        default="ko",
        help_text="이 규칙을 적용할 검색 언어 코드 (ko, zh-hans, vi, en …)",
    )

    panels = [
        # Choices read when the form is built (a callable; django-stubs expects a list).
        FieldPanel("language", widget=forms.Select(choices=_language_choices)),  # type: ignore[arg-type]
        FieldPanel("terms"),
        FieldPanel("targets"),
    ]

    class Meta:
        verbose_name = "검색 동의어"
        verbose_name_plural = "검색 동의어"
        ordering = ["terms"]

    def __str__(self) -> str:
        return f"{self.terms} → {self.targets}" if self.targets else self.terms

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        _announce(self)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        _announce(self)
        return result

    @property
    def rule(self) -> str:
        return "한쪽 방향" if self.targets.strip() else "양방향"

    def clean(self) -> None:
        from content.locales import content_languages

        if self.language not in content_languages():
            raise ValidationError(
                {"language": f"가능한 언어 코드: {', '.join(content_languages())}"}
            )
        if not _split(self.terms):
            raise ValidationError({"terms": "검색어를 하나 이상 입력해 주세요."})
        if not self.targets.strip() and len(_split(self.terms)) < 2:
            raise ValidationError(
                {"terms": "양방향 동의어는 쉼표로 구분한 말이 둘 이상이어야 합니다."}
            )

    def term_list(self) -> list[str]:
        """Each term as search units (spaces removed: 한부모 가정 → 한부모가정)."""
        return [compact(term) for term in self.terms.split(",") if compact(term)]

    @classmethod
    def expansions(cls) -> dict[str, set[str]]:
        """Each known term mapped to all terms of its groups, itself included (the API
        listing's `search` reads the two-way rules this way)."""
        mapping: dict[str, set[str]] = {}
        for synonym in cls.objects.filter(targets="", language="ko"):
            group = set(synonym.term_list())
            for term in group:
                mapping.setdefault(term, set()).update(group)
        return mapping


def _split(terms: str) -> list[str]:
    return [term.strip() for term in terms.split(",") if term.strip()]


def _announce(synonym: SearchSynonym) -> None:
    """Synonyms change what searches find: move the content version (search caches follow)."""
    from content.events import ChangeKind, announce

    announce(ChangeKind.RELATED, subject=synonym)


class PageTerm(models.Model):
    """One term of a live public page, in one part of it, in the page's language: the
    database backend's index for citizens' search (the same terms the engines index)."""

    class Part(models.IntegerChoices):
        BODY = 1, "본문"
        SUMMARY = 2, "요약·태그"
        TITLE = 3, "제목"

    page_id = models.IntegerField("페이지 ID")
    # The page's language: a term means something in one language only (search.languages).
    language = models.CharField("언어", max_length=16, default="ko")
    term = models.CharField("말", max_length=64)
    part = models.PositiveSmallIntegerField("부분", choices=Part.choices)
    count = models.PositiveSmallIntegerField("횟수", default=1)

    class Meta:
        verbose_name = "검색 색인 낱말"
        verbose_name_plural = "검색 색인 낱말"
        indexes = [
            # Covers the ranking's reads (search.postings): a term's pages from the index alone.
            models.Index(
                fields=["language", "term", "page_id", "part", "count"],
                name="search_pageterm_language",
            ),
            models.Index(fields=["page_id"], name="search_pageterm_page"),
        ]

    def __str__(self) -> str:
        return f"{self.page_id}: {self.term}"


class PageTermState(models.Model):
    """How far the task worker has brought citizens' search (page terms and engine documents)
    up to date (one row; none until the first build starts). The worker running a catch-up
    holds the task lease `search-catch-up`; see `search.catchup`."""

    # Every content change up to this id is indexed.
    last_change_id = models.BigIntegerField(default=0)
    built_at = models.DateTimeField(auto_now=True)
    # While a full build runs: the pages up to this id are done (a killed worker resumes here).
    build_cursor = models.BigIntegerField(null=True, blank=True)
    # When a catch-up task was queued and has not started yet (one at a time).
    queued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"page terms up to change {self.last_change_id}"


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
    def asked_between(cls, since: date, until: date | None = None):
        """Each query asked from `since` to `until` (today), both included: `total_hits`
        and `best_result_count` (0 when no ask found anything). Read by the search reports
        and the admin dashboard."""
        return (
            cls.objects.filter(day__range=(since, until or timezone.localdate()))
            .values("query")
            .annotate(total_hits=Sum("hits"), best_result_count=Max("result_count"))
        )

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
