"""The 상담사 (counselor) group: the only people who see counseling personal data."""

from django.contrib.auth.models import Group, Permission

COUNSELOR_GROUP = "상담사"
COUNSELOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("counseling", "view_case"),
    ("counseling", "answer_case"),
    ("counseling", "export_case"),
]
# Counselors draft FAQ pages under the 온라인 상담 section; editors publish them.
COUNSELOR_PAGE_PERMISSIONS = ["add_page"]


def can_view_cases(user) -> bool:
    return user.is_active and user.has_perm("counseling.view_case")


def can_answer_cases(user) -> bool:
    return user.is_active and user.has_perm("counseling.answer_case")


def can_export_cases(user) -> bool:
    return user.is_active and user.has_perm("counseling.export_case")


def can_view_access_log(user) -> bool:
    return user.is_active and user.has_perm("counseling.view_accesslog")


def grant_counseling_section(section) -> None:
    """Let an existing 상담사 group draft FAQ pages in a newly created counseling section."""
    group = Group.objects.filter(name=COUNSELOR_GROUP).first()
    if group is not None:
        _grant_section(group, section)


def _grant_section(group: Group, section) -> None:
    from wagtail.models import GroupPagePermission

    for codename in COUNSELOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=section, permission=permission)


def counselors():
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=COUNSELOR_GROUP)
        .distinct()
        .order_by("username")
    )
