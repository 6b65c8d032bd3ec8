"""The portal's fixed skeleton: the home page and its six sections.

Production and demo alike need this tree before content, permissions and workflows
can attach to it, so it is built idempotently in one place.
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from pages.licences import KoglType
from pages.models import HomePage, SectionKind, SectionPage

HOME_TITLE = "서울시 패밀리 포털"

SECTION_SLUGS = {
    SectionKind.FAMILY_INFO: "가족정보",
    SectionKind.FAMILY_SCHOOL: "서울가족학교",
    SectionKind.REPORT: "가족보고서",
    SectionKind.BLOG: "가족-블로그단",
    SectionKind.COUNSELING: "온라인-상담",
    SectionKind.NOTICE: "알림마당",
}

# 공공누리 defaults, set when the tree is built (editors change them in each page's settings):
# the city opens its own works as 제1유형, and pages inherit it; the bloggers' posts are
# citizens' works, which the city has no right to open.
HOME_LICENCE = KoglType.TYPE1
SECTION_LICENCES = {SectionKind.BLOG: KoglType.NONE}


@transaction.atomic
def ensure_portal_tree() -> tuple[HomePage, dict[SectionKind, SectionPage]]:
    """Create the home page, the default site and the six sections if they are missing."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        home = _create_home()
    sections = {section.kind: section for section in SectionPage.objects.child_of(home)}
    for kind, slug in SECTION_SLUGS.items():
        if kind not in sections:
            section = SectionPage(
                title=kind.label,
                slug=slug,
                kind=kind,
                show_in_menus=True,
                licence=SECTION_LICENCES.get(kind, ""),
            )
            home.add_child(instance=section)
            sections[kind] = section
    return home, sections


def _create_home() -> HomePage:
    root = Page.get_first_root_node()
    # Wagtail's installation leaves a placeholder "Welcome" page under the root.
    Page.objects.filter(depth=2, content_type__model="page").delete()
    home = HomePage(
        title=HOME_TITLE,
        slug="home",
        hero_title="가족이 행복한 서울",
        hero_text="가족생활, 보육, 교육과 상담 정보를 한곳에서 찾아보세요.",
        licence=HOME_LICENCE,
    )
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": HOME_TITLE},
    )
    return home
