"""Page models of the family portal, one module per page type."""

from pages.snippets import Agency, Audience, BloggerProfile, District, Topic

from .article import ArticlePage
from .base import BasePage, SectionKind
from .blog import BlogPostPage, BlogPostTag
from .counseling import CounselingCategory, CounselingFAQPage
from .education import (
    ApplicationStatus,
    EducationProgramPage,
    EducationResourcePage,
    ProgramSession,
    ResourceDownload,
    ResourceType,
)
from .home import HomeFeaturedItem, HomePage
from .licence import DocumentLicence, ImageLicence
from .notice import NoticeAttachment, NoticePage
from .report import ReportChapterPage, ReportEditionPage
from .section import SectionPage

__all__ = [
    "Agency",
    "ApplicationStatus",
    "ArticlePage",
    "Audience",
    "BasePage",
    "BloggerProfile",
    "BlogPostPage",
    "BlogPostTag",
    "CounselingCategory",
    "CounselingFAQPage",
    "District",
    "DocumentLicence",
    "EducationProgramPage",
    "EducationResourcePage",
    "HomeFeaturedItem",
    "HomePage",
    "ImageLicence",
    "NoticeAttachment",
    "NoticePage",
    "ProgramSession",
    "ReportChapterPage",
    "ReportEditionPage",
    "ResourceDownload",
    "ResourceType",
    "SectionKind",
    "SectionPage",
    "Topic",
]
