"""The 서울가족학교 담당자 group (applications/migrations/0002): the only people, with
superusers, who see applicants' personal data."""

STAFF_GROUP = "서울가족학교 담당자"


def can_view(user) -> bool:
    return user.is_active and user.has_perm("applications.view_applications")


def can_manage(user) -> bool:
    return user.is_active and user.has_perm("applications.manage_applications")


def can_export(user) -> bool:
    return user.is_active and user.has_perm("applications.export_applications")
