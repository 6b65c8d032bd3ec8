"""`setup_portal` creates the tree, groups and workflows once and reports what it did."""

import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from pages.editorial import GROUP_POLICIES


def run() -> str:
    out = io.StringIO()
    call_command("setup_portal", stdout=out)
    return out.getvalue()


def state() -> tuple[int, ...]:
    return (
        Page.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
    )


def test_setup_portal_creates_groups_and_workflows(db):
    output = run()
    assert "새 그룹: 콘텐츠 편집자" in output
    assert "새 워크플로: 보고서 2단계 승인" in output
    names = set(Group.objects.values_list("name", flat=True))
    assert {policy.name for policy in GROUP_POLICIES} <= names
    assert set(Workflow.objects.values_list("name", flat=True)) >= {
        "검토 후 게시",
        "보고서 2단계 승인",
    }


def test_setup_portal_twice_changes_nothing(db):
    run()
    before = state()
    output = run()
    assert state() == before
    assert "이미 준비되어 있습니다" in output
