"""Walks the admin screens each editorial role meets and reports the English left on them.

Shared by the browser test (tests/e2e/test_admin_korean.py) and by whoever extends the
Korean catalog (locale/ko/LC_MESSAGES/): `english_on_screens` says which words remain where.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "admin"

# Visible text and the names screen readers announce (aria-label, title, placeholder).
VISIBLE_TEXT_JS = """
() => {
  const skip = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "CODE", "PRE"]);
  const visible = (el) =>
    el && el.checkVisibility && el.checkVisibility({checkVisibilityCSS: true});
  // Content the editor wrote is not interface text.
  const content = "[data-crawl-ignore], .ProseMirror, .Draftail-Editor__root";
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || skip.has(parent.tagName) || parent.closest(content)) continue;
    const text = node.textContent.trim();
    if (text && visible(parent)) texts.push(text);
  }
  for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
    if (!visible(el)) continue;
    for (const name of ["aria-label", "title", "placeholder"]) {
      const value = el.getAttribute(name);
      if (value) texts.push(value.trim());
    }
  }
  for (const el of document.querySelectorAll("input[type=submit], input[type=button]")) {
    if (visible(el) && el.value) texts.push(el.value.trim());
  }
  return texts;
}
"""

# Names, not English: brands, formats, keys, and the demo accounts' user names.
ALLOWED_GROUPS = (
    "wagtail seoul youtube",  # brands and names
    "api url urls id pdf csv xlsx json html svg jpg jpeg png gif webp avif hwp docx mp4",
    "kb mb gb px mm http https www rss ip utc kst h2 h3 h4",  # units, protocols, headings
    "tf faq sns ctrl cmd",  # the portal's abbreviations (보고서 TF, 상담 FAQ), shortcut keys
    "admin editor reviewer report_tf blogger counselor translator",  # the demo accounts' user names
)
ALLOWED_WORDS = {word for group in ALLOWED_GROUPS for word in group.split()}
NOT_WORDS = re.compile(
    r"https?://\S+|\S+@\S+|\S+\.(?:jpe?g|png|gif|webp|avif|pdf|docx?|hwpx?|xlsx|csv|txt|zip)\b"
    r"|/\S*|[\w.-]+_[\w.-]+|\b\w+\.\w+\b|<[^>]*>",
    re.IGNORECASE,
)
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")


def english_words(text: str) -> list[str]:
    """English words in a piece of screen text, after URLs, file names and paths are removed."""
    text = NOT_WORDS.sub(" ", text)
    return [
        word
        for word in WORD.findall(text)
        if len(word) > 1 and word.lower() not in ALLOWED_WORDS | _data_words()
    ]


def _data_words() -> set[str]:
    """Words that are content, not interface: the taxonomies' slugs (shown in their lists)."""
    global _DATA_WORDS
    if _DATA_WORDS is None:
        from pages.snippets import Audience, District, Topic

        _DATA_WORDS = {"localhost"}
        for model in (Topic, Audience, District):
            for slug in model.objects.values_list("slug", flat=True):
                _DATA_WORDS.update(slug.lower().split("-"))
    return _DATA_WORDS


_DATA_WORDS: set[str] | None = None


def _other_language_content() -> set[str]:
    """Texts that are content in another language, each only as the whole text: the titles of
    the other language trees' pages and the languages' own names (English, Tiếng Việt)."""
    from django.conf import settings
    from wagtail.models import Locale, Page

    titles = Page.objects.exclude(locale=Locale.get_default()).values_list("title", flat=True)
    return set(titles) | {name for _, name in settings.WAGTAIL_CONTENT_LANGUAGES}


@dataclass
class Screen:
    """One admin screen: where it is and what to open on it (menus, panels, dialogs)."""

    name: str
    url: str
    openers: list[Callable[[Page], None]] = field(default_factory=list)


@dataclass
class Findings:
    """English found, by screen: {screen name: {text: [words]}}."""

    by_screen: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def add(self, screen: str, texts: list[str]) -> None:
        for text in texts:
            if text.strip() in _other_language_content():
                continue  # a whole title or language name in its own language, not interface
            if words := english_words(text):
                self.by_screen.setdefault(screen, {})[text[:160]] = words

    @property
    def word_count(self) -> int:
        return sum(len(words) for texts in self.by_screen.values() for words in texts.values())

    def report(self) -> str:
        lines = []
        for screen, texts in self.by_screen.items():
            lines.append(f"{screen}:")
            lines += [f"    {text!r}" for text in texts]
        return "\n".join(lines)


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("form button[type=submit], form input[type=submit]").first.click()


def _collect(page: Page) -> list[str]:
    return page.evaluate(VISIBLE_TEXT_JS)


def crawl(page: Page, role: str, screens: list[Screen], findings: Findings) -> None:
    """Visit each screen, then open each of its menus/panels/dialogs, collecting text."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for screen in screens:
        page.goto(screen.url)
        page.wait_for_load_state("load")
        findings.add(f"{role} {screen.name}", _collect(page))
        page.screenshot(path=str(ARTIFACTS / f"{role}-{screen.name}.png"))
        for opener in screen.openers:
            try:
                opener(page)
            except PlaywrightError:
                continue  # not offered to this role on this screen
            page.wait_for_timeout(250)
            findings.add(f"{role} {screen.name} +{opener.__name__}", _collect(page))
            page.screenshot(path=str(ARTIFACTS / f"{role}-{screen.name}-{opener.__name__}.png"))


# What can be opened on a page's edit screen.


def _toggle_side_panel(name: str) -> Callable[[Page], None]:
    def opener(page: Page) -> None:
        page.locator(f"[data-side-panel-toggle='{name}']").first.click(timeout=2_000)

    opener.__name__ = f"panel_{name}"
    return opener


def more_actions(page: Page) -> None:
    """The footer's dropdown: save draft, submit, workflow actions, unpublish…"""
    page.locator("footer [data-w-dropdown-target='toggle']").first.click(timeout=2_000)


def schedule_dialog(page: Page) -> None:
    """The publishing-schedule dialog, opened from the status side panel."""
    page.keyboard.press("Escape")
    page.locator("[data-side-panel-toggle='status']").first.click(timeout=2_000)
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.click(timeout=2_000)


def header_more(page: Page) -> None:
    """The header's more-actions menu (history, copy, move, lock…)."""
    page.keyboard.press("Escape")
    page.locator("header [data-w-dropdown-target='toggle']").first.click(timeout=2_000)


EDIT_OPENERS = [
    _toggle_side_panel("status"),
    _toggle_side_panel("comments"),
    _toggle_side_panel("checks"),
    _toggle_side_panel("preview"),
    more_actions,
    schedule_dialog,
    header_more,
]


# The screens of each role, from the demo portal (demo/loader.py).


def role_screens() -> dict[str, list[Screen]]:
    """{username: screens}, for the six demo accounts."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page, Revision

    from counseling.models import CounselingCase
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

    home = HomePage.objects.get(locale__language_code="ko")
    sections = {section.kind: section for section in SectionPage.objects.child_of(home)}
    blogger = get_user_model().objects.get(username="blogger")

    def edit(page: Page, name: str, open_menus: bool = False) -> list[Screen]:
        """The edit screen (with its menus, panels and dialogs opened if asked), history, and
        the comparison of its first and last versions."""
        screens = [
            Screen(f"edit-{name}", f"/admin/pages/{page.pk}/edit/", EDIT_OPENERS * open_menus),
            Screen(f"history-{name}", f"/admin/pages/{page.pk}/history/"),
        ]
        revisions = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk")
        if revisions.count() > 1:
            first, last = revisions.first(), revisions.last()
            screens.append(
                Screen(
                    f"compare-{name}",
                    f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{last.pk}/",
                )
            )
        return screens

    def add(model, parent: Page) -> Screen:
        meta = model._meta
        return Screen(
            f"add-{meta.model_name}",
            f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/",
            [more_actions],
        )

    def first(model):
        return model.objects.order_by("pk").first()

    def release_screens() -> list[Screen]:
        """The demo's release (docs/releases.md): the list, its screen, history and the form."""
        from releases.models import Release

        release = first(Release)
        return [
            Screen("releases", "/admin/releases/"),
            Screen("release", f"/admin/releases/inspect/{release.pk}/"),
            Screen("release-preview", f"/admin/releases/preview/{release.pk}/"),
            Screen("release-history", f"/admin/releases/history/{release.pk}/"),
            Screen("release-add", "/admin/releases/new/"),
        ]

    # Screens every role shares are visited by the roles that see them differently.
    common = [
        Screen("dashboard", "/admin/"),
        Screen("explorer-home", f"/admin/pages/{home.pk}/"),
        Screen("search", "/admin/pages/search/?q=가족"),
    ]
    media = [
        Screen("images", "/admin/images/"),
        Screen("image-add", "/admin/images/multiple/add/"),
        Screen("documents", "/admin/documents/"),
    ]
    reports = [
        Screen("report-locked", "/admin/reports/locked/"),
        Screen("report-workflows", "/admin/reports/workflow/"),
        Screen("report-tasks", "/admin/reports/workflow_tasks/"),
        Screen("report-site-history", "/admin/reports/site-history/"),
        Screen("report-aging", "/admin/reports/aging-pages/"),
        Screen("report-page-types", "/admin/reports/page-types-usage/"),
        Screen("report-stale-content", "/admin/stale-content/"),
    ]
    snippets = [
        Screen("snippets", "/admin/snippets/"),
        Screen("snippet-topics", "/admin/snippets/pages/topic/"),
        Screen("snippet-topic-add", "/admin/snippets/pages/topic/add/"),
    ]
    article = first(ArticlePage)
    pending_post = BlogPostPage.objects.filter(owner=blogger, live=False).first()
    editor_screens = [
        *common,
        Screen("account", "/admin/account/"),
        Screen("explorer-info", f"/admin/pages/{sections[SectionKind.FAMILY_INFO].pk}/"),
        add(ArticlePage, sections[SectionKind.FAMILY_INFO]),
        add(NoticePage, sections[SectionKind.NOTICE]),
        add(EducationProgramPage, sections[SectionKind.FAMILY_SCHOOL]),
        add(EducationResourcePage, sections[SectionKind.FAMILY_SCHOOL]),
        add(CounselingFAQPage, sections[SectionKind.COUNSELING]),
        *edit(article, "article", open_menus=True),
        *edit(first(NoticePage), "notice"),
        *edit(first(EducationProgramPage), "program"),
        *media,
        *snippets[:2],
        *release_screens(),
    ]
    reviewer_screens = [
        *common,
        *edit(pending_post, "pending-blog", open_menus=True),
        *edit(article, "article"),
        *edit(sections[SectionKind.FAMILY_INFO], "section"),
        *edit(home, "home"),
        *reports,
        *snippets,
    ]
    report_section = sections[SectionKind.REPORT]
    edition = first(ReportEditionPage)
    report_screens = [
        *common,
        Screen("explorer-report", f"/admin/pages/{report_section.pk}/"),
        add(ReportEditionPage, report_section),
        add(ReportChapterPage, edition),
        *edit(edition, "edition"),
        *edit(first(ReportChapterPage), "chapter", open_menus=True),
        *media,
    ]
    blog = sections[SectionKind.BLOG]
    blogger_screens = [
        *common,
        Screen("explorer-blog", f"/admin/pages/{blog.pk}/"),
        add(BlogPostPage, blog),
        *edit(pending_post, "own-blog", open_menus=True),
        Screen("images", "/admin/images/"),
        Screen("choose-page", "/admin/choose-page/"),
        Screen("choose-page-search", "/admin/choose-page/search/?q=가족"),
    ]
    case = CounselingCase.objects.order_by("pk").first()
    counselor_screens = [
        Screen("dashboard", "/admin/"),
        Screen("counseling-inbox", "/admin/counseling/"),
        Screen("counseling-access-log", "/admin/counseling/access-log/"),
    ]
    if case:
        counselor_screens.append(Screen("counseling-case", f"/admin/counseling/{case.pk}/"))
    admin_screens = [
        Screen("dashboard", "/admin/"),
        Screen("users", "/admin/users/"),
        Screen("user-add", "/admin/users/add/"),
        Screen("groups", "/admin/groups/"),
        Screen("group-edit", f"/admin/groups/edit/{blogger.groups.first().pk}/"),
        Screen("workflows", "/admin/workflows/list/"),
        Screen("workflow-tasks", "/admin/workflows/tasks/index/"),
        Screen("collections", "/admin/collections/"),
        Screen("redirects", "/admin/redirects/"),
        Screen("search-promotions", "/admin/searchpicks/"),
        Screen("search-promotion-add", "/admin/searchpicks/add/"),
        Screen("search-terms", "/admin/searchpicks/queries/"),
        Screen("counseling-inbox", "/admin/counseling/"),
        *edit(first(EducationResourcePage), "resource", open_menus=True),
        *edit(first(CounselingFAQPage), "faq"),
        Screen("snippet-agencies", "/admin/snippets/pages/agency/"),
        Screen("snippet-bloggers", "/admin/snippets/pages/bloggerprofile/"),
    ]
    return {
        "editor": editor_screens,
        "reviewer": reviewer_screens,
        "report_tf": report_screens,
        "blogger": blogger_screens,
        "counselor": counselor_screens,
        "admin": admin_screens,
    }
