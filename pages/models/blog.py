"""Posts by the family bloggers' group (가족 블로그단)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from content.computed import SELF
from pages.blocks import BaseStreamBlock
from pages.forms import PortalPageForm
from pages.snippets import BloggerProfile

from .base import BasePage, SectionChildMixin, SectionKind


class BlogPostTag(TaggedItemBase):
    content_object = ParentalKey(
        "pages.BlogPostPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BlogPostForm(PortalPageForm):
    """Citizen bloggers sign posts with their own profile only.

    Staff who may change any page in the blog section (editors, reviewers) still choose
    freely, e.g. to correct a post on a blogger's behalf.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user, parent = self.for_user, self.parent_page
        if user is None or parent is None or user.is_superuser or "blogger" not in self.fields:
            return
        if "change" in parent.permissions_for_user(user).permissions:
            return
        own_profiles = BloggerProfile.objects.filter(user=user)
        field = self.fields["blogger"]
        field.queryset = own_profiles
        field.required = True
        field.error_messages["required"] = (
            "블로거 프로필이 필요합니다. 관리자에게 계정과 프로필 연결을 요청하세요."
        )
        if self.instance.pk is None and (profile := own_profiles.first()):
            self.initial["blogger"] = profile.pk


class BlogPostPage(SectionChildMixin, BasePage):
    """A citizen blogger's post about family life, published after moderation."""

    section_kind = SectionKind.BLOG

    blogger = models.ForeignKey(
        "pages.BloggerProfile",
        verbose_name="블로거",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
    )
    date = models.DateField("작성일", default=timezone.localdate)
    intro = models.TextField("요약", max_length=500, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="대표 이미지",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="본문")
    tags = ClusterTaggableManager("태그", through=BlogPostTag, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("blogger"),
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_field_dependencies = {"tags": (SELF,)}  # saved with each revision

    subpage_types = []
    base_form_class = BlogPostForm

    class Meta:
        verbose_name = "블로그 글"
        verbose_name_plural = "블로그 글"

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": "작성일은 미래 날짜일 수 없습니다."})
