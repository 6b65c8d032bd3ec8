"""Editorial groups, their least-privilege permissions and the approval workflows.

One place describes who may do what in the admin; `setup_editorial()` (run by the
`setup_portal` command) applies it idempotently. It only ever grants what is missing,
so permissions other areas add to these groups (e.g. counseling for 상담사) survive.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from pages.models import HomePage, SectionKind, SectionPage
from pages.portal_tree import ensure_portal_tree
from pages.translation import ensure_locales, other_languages, start_translations

EDITORS = "콘텐츠 편집자"
REVIEWERS = "콘텐츠 검토자"
REPORT_TF = "보고서 TF"
BLOGGERS = "가족 블로그단"
COUNSELORS = "상담사"
TRANSLATORS = "번역자"

REVIEW_WORKFLOW = "검토 후 게시"
REPORT_WORKFLOW = "보고서 2단계 승인"
REVIEW_TASK = "콘텐츠 검토"
REPORT_TF_TASK = "보고서 TF 검토"
REPORT_OFFICE_TASK = "가족담당관 승인"

# Image/document collections; bloggers and the report TF only see their own.
BLOG_COLLECTION = "가족 블로그단"
REPORT_COLLECTION = "가족보고서"

HOME = "home"  # page-permission scope: the portal home and everything under it
# Page-permission scope: the home's translations (zh-hans, vi, en …) and their trees.
TRANSLATION_HOMES = "translation-homes"
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"

ADMIN_ACCESS = "wagtailadmin.access_admin"
TAXONOMY_MODELS = ("topic", "audience", "district", "agency")
MEDIA_ADD_AND_CHOOSE = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)
MEDIA_CHOOSE = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
# Citizens' "이 정보가 도움이 되었나요?" answers (feedback/): editors and reviewers read them.
READ_FEEDBACK = "feedback.view_pagefeedback"
# The dashboard's page views and citizens' search queries (counts only, docs/analytics.md).
READ_PAGE_VIEWS = "analytics.view_pageviewday"
READ_SEARCH_QUERIES = "portal_search.view_searchquerylog"
# Releases (releases/, docs/releases.md): editors group pages into one and submit it;
# reviewers approve and schedule it, or cancel it.
RELEASE_EDITING = ("releases.add_release", "releases.change_release", "releases.view_release")
RELEASE_APPROVAL = "releases.approve_release"


@dataclass(frozen=True)
class GroupPolicy:
    """What one editorial group may do.

    `pages` maps a scope (HOME or a SectionKind) to Wagtail page permissions;
    `collections` maps a collection name (None = root) to image/document permissions.
    """

    name: str
    model_permissions: tuple[str, ...] = (ADMIN_ACCESS,)
    pages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    collections: dict[str | None, tuple[str, ...]] = field(default_factory=dict)


GROUP_POLICIES = (
    # Staff write and update portal content and submit it; publishing is the reviewers' job.
    GroupPolicy(
        name=EDITORS,
        model_permissions=(
            ADMIN_ACCESS,
            READ_FEEDBACK,
            READ_PAGE_VIEWS,
            READ_SEARCH_QUERIES,
            *RELEASE_EDITING,
            *(f"pages.view_{model}" for model in TAXONOMY_MODELS),
            SUBMIT_TRANSLATION,
        ),
        pages={
            HOME: ("add_page", "change_page"),
            TRANSLATION_HOMES: ("add_page", "change_page"),
        },
        collections={None: MEDIA_ADD_AND_CHOOSE},
    ),
    # Approve workflow tasks, publish, schedule, lock and unlock; keep the taxonomies.
    GroupPolicy(
        name=REVIEWERS,
        model_permissions=(
            ADMIN_ACCESS,
            READ_FEEDBACK,
            READ_PAGE_VIEWS,
            READ_SEARCH_QUERIES,
            *RELEASE_EDITING,
            RELEASE_APPROVAL,
            *(f"pages.add_{model}" for model in TAXONOMY_MODELS),
            *(f"pages.change_{model}" for model in TAXONOMY_MODELS),
            SUBMIT_TRANSLATION,
        ),
        pages=dict.fromkeys(
            (HOME, TRANSLATION_HOMES),
            ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        ),
        collections={None: MEDIA_CHOOSE},
    ),
    # The advisory TF writes and reviews report editions and chapters, nothing else.
    GroupPolicy(
        name=REPORT_TF,
        pages={SectionKind.REPORT: ("add_page", "change_page")},
        collections={REPORT_COLLECTION: MEDIA_ADD_AND_CHOOSE},
    ),
    # Citizens: Wagtail's "add" alone lets them create pages and edit only the ones they own.
    GroupPolicy(
        name=BLOGGERS,
        pages={SectionKind.BLOG: ("add_page",)},
        collections={BLOG_COLLECTION: ("wagtailimages.add_image", "wagtailimages.choose_image")},
    ),
    # Counselors only sign in here; the counseling app grants what they work with.
    GroupPolicy(name=COUNSELORS),
    # Translators edit the other languages' pages segment by segment and submit them for
    # review; they neither publish nor touch the Korean tree.
    GroupPolicy(name=TRANSLATORS, pages={TRANSLATION_HOMES: ("change_page",)}),
)


@dataclass
class SetupLog:
    """What a setup run changed, in sentences an operator can read."""

    changes: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        self.changes.append(message)


@transaction.atomic
def setup_portal() -> tuple[HomePage, dict[SectionKind, SectionPage], SetupLog]:
    """The portal tree, editorial groups and workflows: everything content attaches to."""

    def portal_page_count() -> int:
        return HomePage.objects.count() + SectionPage.objects.count()

    pages_before = portal_page_count()
    home, sections = ensure_portal_tree()
    log = SetupLog()
    if created := portal_page_count() - pages_before:
        log.add(f"포털 홈과 섹션 페이지 {created}개를 만들었습니다.")
    log.changes += setup_editorial(home, sections).changes
    return home, sections, log


@transaction.atomic
def setup_editorial(home: HomePage, sections: dict[SectionKind, SectionPage]) -> SetupLog:
    """Create the editorial groups, collections and workflows that are missing."""
    log = SetupLog()
    _rename_wagtail_defaults(log)
    collections = _ensure_collections(log)
    translation_homes = _ensure_translation_homes(home, log)
    scopes: dict[str, Page | list[Page]] = {
        HOME: home,
        TRANSLATION_HOMES: translation_homes,
        **sections,
    }
    groups = {}
    for policy in GROUP_POLICIES:
        groups[policy.name] = _ensure_group(policy, scopes, collections, log)
    _ensure_workflow(REVIEW_WORKFLOW, [(REVIEW_TASK, groups[REVIEWERS])], attach_to=home, log=log)
    # Translations go through the same review: every language's home takes the workflow.
    for translated_home in translation_homes:
        _ensure_workflow(
            REVIEW_WORKFLOW,
            [(REVIEW_TASK, groups[REVIEWERS])],
            attach_to=translated_home,
            log=log,
        )
    _ensure_workflow(
        REPORT_WORKFLOW,
        [(REPORT_TF_TASK, groups[REPORT_TF]), (REPORT_OFFICE_TASK, groups[REVIEWERS])],
        attach_to=sections[SectionKind.REPORT],
        log=log,
    )
    return log


def _ensure_translation_homes(home: HomePage, log: SetupLog) -> list[Page]:
    """The home page in every other content language (a draft until translated), so
    translators' permissions and the review workflow have a tree to attach to."""
    for code in ensure_locales():
        log.add(f"새 콘텐츠 언어: {code}")
    translated = set(home.get_translations().values_list("locale__language_code", flat=True))
    missing = [code for code in other_languages() if code not in translated]
    if missing:
        start_translations(home, missing)
        log.add("포털 홈 번역 시작 (초안): " + ", ".join(missing))
    return list(home.get_translations().order_by("locale__language_code"))


def _ensure_collections(log: SetupLog) -> dict[str | None, Collection]:
    root = Collection.get_first_root_node()
    collections: dict[str | None, Collection] = {None: root}
    for name in (BLOG_COLLECTION, REPORT_COLLECTION):
        existing = root.get_children().filter(name=name).first()
        if existing is None:
            existing = root.add_child(name=name)
            log.add(f"새 컬렉션: {name}")
        collections[name] = existing
    return collections


def _permissions(dotted_names: Iterable[str]) -> list[Permission]:
    permissions = []
    for dotted in dotted_names:
        app_label, codename = dotted.split(".")
        permissions.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return permissions


def _ensure_group(policy, scopes, collections, log: SetupLog) -> Group:
    group, created = Group.objects.get_or_create(name=policy.name)
    if created:
        log.add(f"새 그룹: {policy.name}")
    granted = []

    missing = set(_permissions(policy.model_permissions)) - set(group.permissions.all())
    if missing:
        group.permissions.add(*missing)
        granted += sorted(permission.codename for permission in missing)

    for scope, codenames in policy.pages.items():
        pages = scopes[scope] if isinstance(scopes[scope], list) else [scopes[scope]]
        for page in pages:
            for permission in _permissions(f"wagtailcore.{name}" for name in codenames):
                _, created = GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=permission
                )
                if created:
                    granted.append(f"{permission.codename}@{page.title}({page.locale})")

    for collection_name, dotted_names in policy.collections.items():
        collection = collections[collection_name]
        for permission in _permissions(dotted_names):
            _, created = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
            if created:
                granted.append(f"{permission.codename}@{collection.name}")

    if granted:
        log.add(f"{policy.name} 권한 추가: " + ", ".join(granted))
    return group


# Wagtail's migrations seed two groups and a one-step workflow in English; the portal uses its
# own (above), so these keep their permissions but read as what they are.
WAGTAIL_DEFAULT_NAMES = {
    Group: {
        "Editors": "Wagtail 기본 편집자 (사용 안 함)",
        "Moderators": "Wagtail 기본 검토자 (사용 안 함)",
    },
    Workflow: {"Moderators approval": "Wagtail 기본 검토 워크플로 (사용 안 함)"},
    GroupApprovalTask: {"Moderators approval": "Wagtail 기본 검토 단계 (사용 안 함)"},
}


def _rename_wagtail_defaults(log: SetupLog) -> None:
    for model, names in WAGTAIL_DEFAULT_NAMES.items():
        for english, korean in names.items():
            if model.objects.filter(name=english).update(name=korean):
                log.add(f"Wagtail 기본 항목 이름 변경: {english} → {korean}")


def _ensure_workflow(name: str, steps, attach_to: Page, log: SetupLog) -> Workflow:
    """A workflow whose tasks are group approvals in the given order, attached to a page."""
    workflow, created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if created:
        log.add(f"새 워크플로: {name}")
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
        log.add(f"워크플로 다시 활성화: {name}")

    tasks = [_ensure_approval_task(task_name, group, log) for task_name, group in steps]
    current = list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True))
    if current != [task.pk for task in tasks]:
        workflow.workflow_tasks.all().delete()
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        log.add(f"워크플로 단계 설정: {name} = " + " → ".join(task.name for task in tasks))

    link, created = WorkflowPage.objects.get_or_create(
        page=attach_to, defaults={"workflow": workflow}
    )
    if created or link.workflow_id != workflow.pk:
        link.workflow = workflow
        link.save()
        log.add(f"워크플로 연결: {name} → {attach_to.title} 이하 페이지")
    return workflow


def _ensure_approval_task(name: str, group: Group, log: SetupLog) -> GroupApprovalTask:
    task, created = GroupApprovalTask.objects.get_or_create(name=name)
    if created:
        log.add(f"새 승인 단계: {name} (승인 그룹: {group.name})")
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    if group not in task.groups.all():
        task.groups.add(group)
    return task
