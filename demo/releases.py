"""The demo's release: the report's next edition (all chapters), the notice announcing it and
the home's featured items, approved to go live together a few minutes after loading, so
`make run` shows the whole edition appearing at once (docs/releases.md)."""

import datetime

from django.utils import timezone

from pages.models import (
    HomeFeaturedItem,
    NoticePage,
    ReportEditionPage,
    SectionKind,
)
from releases.models import Release, ReleaseItem
from releases.publishing import approve, submit

from . import reports

GO_LIVE_IN_MINUTES = 3


def release_title(year: int) -> str:
    return f"{year} 희망서울, 행복가족 발간"


def load_next_edition_release(loader) -> None:
    """Draft the next edition with its chapters and notice, point the home's featured items at
    it (a draft of the home), and group them into a release the reviewer has approved."""
    spec = reports.NEXT_EDITION
    year = spec["year"]
    if Release.objects.filter(title=release_title(year)).exists():
        return
    report = loader.sections[SectionKind.REPORT]
    if report.get_children().filter(slug=str(year)).exists():
        # Editors already made that edition on this portal: it is theirs, not the demo's.
        return
    editor, tf_member = loader.users["editor"], loader.users["report_tf"]
    edition, chapters = loader.report_edition(spec)
    pages = [add_draft(report, edition, tf_member)]
    pages += [add_draft(edition, page, tf_member) for page in chapters]
    go_live_at = next_minute(GO_LIVE_IN_MINUTES)
    notice = NoticePage(
        title=f"가족보고서 '희망서울, 행복가족' {year}년판 발간",
        date=timezone.localdate(go_live_at),
        body=f"<p>서울시 가족보고서 '희망서울, 행복가족' {spec['edition_number']} 보고서를 "
        "발간했습니다. 가족보고서 메뉴에서 모든 장을 읽을 수 있습니다.</p>",
    )
    pages.append(add_draft(loader.sections[SectionKind.NOTICE], notice, editor))
    pages.append(feature_on_home(loader.home.specific, edition, editor))

    release = Release.objects.create(
        title=release_title(year),
        description="새 호와 모든 장, 발간 공지, 포털 홈 추천 콘텐츠를 한꺼번에 게시합니다.",
        go_live_at=go_live_at,
        created_by=editor,
    )
    for order, page in enumerate(pages):
        ReleaseItem.objects.create(release=release, page=page, sort_order=order)
    submit(release, editor)
    approve(release, loader.users["reviewer"])
    loader.created["예약된 릴리스"] += 1
    loader.say(
        f"  릴리스 '{release.title}': {timezone.localtime(go_live_at):%H:%M}에 페이지 "
        f"{len(pages)}개가 함께 게시됩니다 (관리자 화면 → 릴리스 (동시 게시))."
    )


def add_draft(parent, page, user):
    page.owner, page.live = user, False
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def feature_on_home(home, edition, user):
    """A draft of the home whose featured items show the new edition instead of the last one."""
    items = [
        HomeFeaturedItem(page=edition)
        if isinstance(item.page.specific, ReportEditionPage)
        else HomeFeaturedItem(page=item.page)
        for item in home.featured_items.all()
    ]
    home.featured_items = items
    home.save_revision(user=user, log_action=True)
    return home


def next_minute(minutes: int) -> datetime.datetime:
    """The start of the minute `minutes` from now: the release goes live on the minute."""
    return (timezone.now() + datetime.timedelta(minutes=minutes)).replace(second=0, microsecond=0)
