"""Taxonomies and people that portal pages refer to, edited as Wagtail snippets."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class TaxonomyTerm(index.Indexed, models.Model):
    """A named term with a Unicode slug, shared shape of Topic, Audience and District."""

    name = models.CharField("이름", max_length=100, unique=True)
    slug = models.SlugField("슬러그", max_length=100, unique=True, allow_unicode=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Topic(TaxonomyTerm):
    """A family-life subject (가정생활, 보육, 돌봄 …) used to group and filter content."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "주제"
        verbose_name_plural = "주제"


class Audience(TaxonomyTerm):
    """A group of citizens content is written for (한부모, 다문화가족, 직장맘 …)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "대상"
        verbose_name_plural = "대상"


class District(TaxonomyTerm):
    """One of Seoul's 25 autonomous districts (자치구), for local services and programs."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "자치구"
        verbose_name_plural = "자치구"


class Agency(index.Indexed, models.Model):
    """A partner organisation that provides data, runs programs or answers enquiries."""

    name = models.CharField("기관명", max_length=150, unique=True)
    url = models.URLField("홈페이지", blank=True)
    phone = models.CharField("대표 전화", max_length=30, blank=True)
    description = models.TextField("소개", blank=True)

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("phone"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "기관"
        verbose_name_plural = "기관"

    def __str__(self) -> str:
        return self.name


class BloggerProfile(index.Indexed, models.Model):
    """The public face of a 가족 블로그단 member: a display name and short bio, no personal data."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="계정",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="blogger_profile",
    )
    display_name = models.CharField("활동명", max_length=50, unique=True)
    bio = models.TextField("소개", blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="프로필 사진",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    district = models.ForeignKey(
        District,
        verbose_name="활동 지역",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("display_name"),
        FieldPanel("user"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("district"),
    ]
    search_fields = [index.SearchField("display_name")]

    class Meta:
        ordering = ["display_name"]
        verbose_name = "블로거 프로필"
        verbose_name_plural = "블로거 프로필"

    def __str__(self) -> str:
        return self.display_name
