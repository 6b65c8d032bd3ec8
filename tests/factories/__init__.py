from .pages import (
    ArticlePageFactory,
    BlogPostPageFactory,
    CounselingFAQPageFactory,
    EducationProgramPageFactory,
    EducationResourcePageFactory,
    NoticePageFactory,
    ReportChapterPageFactory,
    ReportEditionPageFactory,
)
from .snippets import (
    AgencyFactory,
    AudienceFactory,
    BloggerProfileFactory,
    DistrictFactory,
    TopicFactory,
)
from .users import UserFactory

__all__ = [
    "AgencyFactory",
    "ArticlePageFactory",
    "AudienceFactory",
    "BlogPostPageFactory",
    "BloggerProfileFactory",
    "CounselingFAQPageFactory",
    "DistrictFactory",
    "EducationProgramPageFactory",
    "EducationResourcePageFactory",
    "NoticePageFactory",
    "ReportChapterPageFactory",
    "ReportEditionPageFactory",
    "TopicFactory",
    "UserFactory",
]
