"""Which fields each page type shows in the content API, and how they are serialized.

This is Wagtail's `api_fields`, declared here by page model rather than on the models, so that
pages/ never imports the API: `ApiConfig.ready()` sets each model's `api_fields` from
`PAGE_API_FIELDS`, and Wagtail's API, the headless preview and the schema read them as usual.
A new page type or field is declared here, next to its serializer.
"""

from wagtail.api import APIField
from wagtail.models import Page

from pages.models import (
    ApplicationStatus,
    ArticlePage,
    BlogPostPage,
    CounselingCategory,
    CounselingFAQPage,
    EducationProgramPage,
    EducationResourcePage,
    HomePage,
    NoticePage,
    ReportChapterPage,
    ReportEditionPage,
    ResourceType,
    SectionKind,
    SectionPage,
)

from .serializers import (
    ChoiceLabelField,
    DocumentListField,
    PageLinkField,
    PageLinkListField,
    PrintPdfField,
    ProgramApplicationField,
    RelatedObjectField,
    RelatedObjectListField,
    TagNamesField,
)

# The taxonomy every section child is tagged with (pages.models.base.TaxonomyMixin).
TAXONOMY = [
    APIField("topics", serializer=RelatedObjectListField()),
    APIField("audiences", serializer=RelatedObjectListField()),
    APIField("districts", serializer=RelatedObjectListField()),
]

PAGE_API_FIELDS: dict[type[Page], list[APIField]] = {
    HomePage: [
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("hero_image", serializer=RelatedObjectField()),
        APIField("featured_items", serializer=PageLinkListField()),
        APIField("pinned_notices", serializer=PageLinkListField(page_attribute="pk")),
    ],
    SectionPage: [
        APIField("kind", serializer=ChoiceLabelField(SectionKind.choices)),
        APIField("intro"),
    ],
    ArticlePage: [
        APIField("intro"),
        APIField("body"),
        *TAXONOMY,
        APIField("related_links"),
        APIField("agency", serializer=RelatedObjectField()),
        APIField("contact"),
    ],
    EducationProgramPage: [
        APIField("intro"),
        APIField("body"),
        *TAXONOMY,
        APIField("start_date"),
        APIField("end_date"),
        APIField("sessions"),
        APIField("schedule_note"),
        APIField("is_online"),
        APIField("venue"),
        APIField("capacity"),
        APIField("fee"),
        APIField("application_start"),
        APIField("application_end"),
        APIField("application_status", serializer=ChoiceLabelField(ApplicationStatus.choices)),
        APIField("application_url"),
        APIField("application", serializer=ProgramApplicationField()),
        APIField("organizer", serializer=RelatedObjectField()),
    ],
    EducationResourcePage: [
        APIField("resource_type", serializer=ChoiceLabelField(ResourceType.choices)),
        APIField("description"),
        APIField("age_range"),
        *TAXONOMY,
        APIField("downloads", serializer=DocumentListField()),
        APIField("video_url"),
        APIField("program", serializer=PageLinkField(source="program_id")),
    ],
    ReportEditionPage: [
        APIField("year"),
        APIField("edition_number"),
        APIField("publication_date"),
        APIField("print_run"),
        APIField("cover_image", serializer=RelatedObjectField()),
        APIField("summary"),
        APIField("contributing_agencies", serializer=RelatedObjectListField()),
        APIField("print_pdf", serializer=PrintPdfField()),
    ],
    ReportChapterPage: [
        APIField("chapter_number"),
        APIField("summary"),
        APIField("body"),
        APIField("data_sources"),
    ],
    BlogPostPage: [
        APIField("blogger", serializer=RelatedObjectField()),
        APIField("date"),
        APIField("intro"),
        APIField("hero_image", serializer=RelatedObjectField()),
        APIField("body"),
        APIField("tags", serializer=TagNamesField()),
    ],
    CounselingFAQPage: [
        APIField("category", serializer=ChoiceLabelField(CounselingCategory.choices)),
        APIField("question"),
        APIField("answer"),
    ],
    NoticePage: [
        APIField("date"),
        APIField("pinned"),
        APIField("urgent"),
        APIField("body"),
        APIField("attachments", serializer=DocumentListField()),
    ],
}


def declare_page_api_fields() -> None:
    """Give each page model its `api_fields` (from `ApiConfig.ready()`)."""
    for model, fields in PAGE_API_FIELDS.items():
        model.api_fields = fields
