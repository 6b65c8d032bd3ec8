"""Translation workflow: locales from settings, the 번역자 group, drafts first, PO in and out,
out-of-date marking when the Korean source changes."""

import pytest
from django.conf import settings
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowPage
from wagtail_localize.models import TranslationSource

from pages.editorial import REVIEW_WORKFLOW, TRANSLATORS, setup_portal
from pages.models import SectionKind
from pages.translation import (
    IncompleteTranslation,
    export_po,
    import_po,
    start_translations,
)
from tests.factories import ArticlePageFactory
from tests.factories.translations import translated


def test_content_languages_come_from_one_list_and_the_admin_stays_korean():
    codes = [code for code, _ in settings.PORTAL_LANGUAGES]
    assert codes == ["ko", "zh-hans", "vi", "en"]
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.PORTAL_LANGUAGES
    assert settings.LANGUAGES == settings.PORTAL_LANGUAGES
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == [("ko", "한국어")]
    assert settings.WAGTAIL_I18N_ENABLED
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None


@pytest.fixture
def editorial(db):
    home, sections, _ = setup_portal()
    return home, sections


def test_setup_creates_locales_and_draft_home_translations(editorial):
    home, _ = editorial
    assert set(Locale.objects.values_list("language_code", flat=True)) == {
        "ko",
        "zh-hans",
        "vi",
        "en",
    }
    assert home.locale.language_code == "ko"
    translations = home.get_translations()
    assert set(translations.values_list("locale__language_code", flat=True)) == {
        "zh-hans",
        "vi",
        "en",
    }
    # Korean text copied into another tree is not published under that language's name.
    assert not translations.filter(live=True).exists()
    # Running setup again changes nothing.
    _, _, log = setup_portal()
    assert not [change for change in log.changes if "번역" in change]


def test_translators_edit_other_languages_without_publishing_or_touching_korean(editorial):
    home, _ = editorial
    permissions = GroupPagePermission.objects.filter(group__name=TRANSLATORS)
    codenames = set(permissions.values_list("permission__codename", flat=True))
    assert codenames == {"change_page"}
    pages = set(permissions.values_list("page__locale__language_code", flat=True))
    assert pages == {"zh-hans", "vi", "en"}
    for translated_home in home.get_translations():
        link = WorkflowPage.objects.get(page=translated_home)
        assert link.workflow.name == REVIEW_WORKFLOW


def test_a_translator_in_the_group_may_edit_but_not_publish_a_vietnamese_page(editorial):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    home, sections = editorial
    article = ArticlePageFactory(parent=sections[SectionKind.FAMILY_INFO], title="통역 지원")
    article.save_revision().publish()
    vi_article = translated(article, "vi", publish=False)
    translator = UserFactory()
    translator.groups.add(Group.objects.get(name=TRANSLATORS))
    vi_permissions = vi_article.permissions_for_user(translator)
    assert vi_permissions.can_edit()
    assert not vi_permissions.can_publish()
    assert not article.permissions_for_user(translator).can_edit()


def test_po_round_trip_makes_a_draft_and_refuses_missing_segments(editorial):
    _, sections = editorial
    article = ArticlePageFactory(
        parent=sections[SectionKind.FAMILY_INFO], title="한국어 교실", intro="무료 한국어 수업"
    )
    article.save_revision().publish()
    start_translations(article, ["en"])
    po = export_po(article, "en")
    assert {entry.msgid for entry in po} >= {"한국어 교실", "무료 한국어 수업"}
    with pytest.raises(IncompleteTranslation):
        import_po(article, "en", po)  # nothing translated yet
    for entry in po:
        entry.msgstr = {
            "한국어 교실": "Korean classes",
            "무료 한국어 수업": "Free Korean lessons",
        }.get(entry.msgid, "korean-classes" if entry.msgctxt == "slug" else f"EN {entry.msgid}")
    english = import_po(article, "en", po).specific
    assert english.locale.language_code == "en"
    assert english.title == "Korean classes"
    assert english.intro == "Free Korean lessons"
    assert not english.live  # a draft, for the same review as any page


def test_translator_sees_what_changed_after_the_korean_source_changed(editorial):
    _, sections = editorial
    article = ArticlePageFactory(
        parent=sections[SectionKind.FAMILY_INFO], title="가족센터", intro="가족센터 안내"
    )
    article.save_revision().publish()
    translated(article, "vi")
    article.intro = "가족센터 전화번호 안내"
    article.save_revision().publish()
    # wagtail-localize's "sync translated pages" re-extracts the source for translators.
    TranslationSource.objects.get_for_instance(article).update_from_db()
    untranslated = [entry.msgid for entry in export_po(article, "vi") if not entry.msgstr]
    assert untranslated == ["가족센터 전화번호 안내"]
    assert Page.objects.filter(translation_key=article.translation_key).count() == 2
