"""Parent/child rules: each page type lives only where the portal tree says it does."""

import pytest
from django.core.exceptions import ValidationError

from pages.models import (
    ArticlePage,
    BlogPostPage,
    CounselingFAQPage,
    EducationProgramPage,
    EducationResourcePage,
    HomePage,
    NoticePage,
    ReportChapterPage,
    ReportEditionPage,
    SectionKind,
    SectionPage,
)
from tests.factories import ArticlePageFactory, ReportEditionPageFactory

HOME_OF = {
    ArticlePage: SectionKind.FAMILY_INFO,
    EducationProgramPage: SectionKind.FAMILY_SCHOOL,
    EducationResourcePage: SectionKind.FAMILY_SCHOOL,
    ReportEditionPage: SectionKind.REPORT,
    BlogPostPage: SectionKind.BLOG,
    CounselingFAQPage: SectionKind.COUNSELING,
    NoticePage: SectionKind.NOTICE,
}


@pytest.mark.parametrize("model", list(HOME_OF), ids=lambda model: model.__name__)
def test_section_pages_go_only_under_their_own_section(portal, model):
    allowed = {kind for kind in SectionKind if model.can_create_at(portal.section(kind))}
    assert allowed == {HOME_OF[model]}


def test_article_goes_under_family_info_but_not_under_notices(portal):
    assert ArticlePage.can_create_at(portal.section(SectionKind.FAMILY_INFO))
    assert not ArticlePage.can_create_at(portal.section(SectionKind.NOTICE))


def test_section_pages_cannot_go_under_home_or_articles(portal):
    article = ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO))
    for model in HOME_OF:
        assert not model.can_create_at(portal.home)
        assert not model.can_create_at(article)


def test_chapters_go_only_under_editions(portal):
    reports = portal.section(SectionKind.REPORT)
    edition = ReportEditionPageFactory(parent=reports)
    assert ReportChapterPage.can_create_at(edition)
    assert not ReportChapterPage.can_create_at(reports)
    assert not ReportChapterPage.can_create_at(portal.home)


def test_sections_go_only_under_the_home_page(portal):
    assert SectionPage.can_create_at(portal.home)
    assert not SectionPage.can_create_at(portal.section(SectionKind.FAMILY_INFO))


def test_there_is_only_one_home_page(portal):
    assert not HomePage.can_create_at(portal.home.get_parent())


def test_second_section_of_the_same_kind_is_rejected_in_korean(portal):
    duplicate = SectionPage(title="가족정보 2", slug="family-2", kind=SectionKind.FAMILY_INFO)
    with pytest.raises(ValidationError) as caught:
        duplicate.clean()
    assert caught.value.message_dict["kind"] == ["'가족정보' 섹션은 이미 있습니다."]
