"""Korean names for permissions: the group screens list `Permission.name`, which Django and
Wagtail store in English ("Can add 주제", "Publish any page") when migrations create them."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Permission
from django.db import DEFAULT_DB_ALIAS
from django.utils import translation

DEFAULT_ACTIONS = {"add": "추가", "change": "변경", "delete": "삭제", "view": "보기"}
# Wagtail's own permissions beyond add/change/delete/view, by (app label, codename).
WAGTAIL_NAMES = {
    ("wagtailadmin", "admin"): "관리자 화면 접근",
    ("wagtailadmin", "access_admin"): "관리자 화면 접근",
    ("wagtailcore", "publish_page"): "모든 페이지 게시",
    ("wagtailcore", "bulk_delete_page"): "하위 페이지가 있는 페이지 삭제",
    ("wagtailcore", "lock_page"): "내가 잠근 페이지 잠금/해제",
    ("wagtailcore", "unlock_page"): "모든 페이지 잠금 해제",
    ("wagtailcore", "choose_collection"): "컬렉션 선택",
    ("wagtailimages", "choose_image"): "이미지 선택",
    ("wagtaildocs", "choose_document"): "문서 선택",
    # wagtail-localize (docs/languages.md): start translations of pages into other languages.
    ("wagtail_localize", "submit_translation"): "번역 시작",
}


def korean_name(permission: Permission) -> str | None:
    content_type = permission.content_type
    if name := WAGTAIL_NAMES.get((content_type.app_label, permission.codename)):
        return name
    action, _, model_name = permission.codename.partition("_")
    model = content_type.model_class()
    if action not in DEFAULT_ACTIONS or model is None or model_name != model._meta.model_name:
        return None
    return f"{model._meta.verbose_name} {DEFAULT_ACTIONS[action]}"[:255]


def name_permissions_in_korean(
    app_config=None, using=DEFAULT_DB_ALIAS, **_signal_arguments
) -> None:
    """post_migrate: rename the permissions whose Korean name differs (idempotent).

    This receiver is connected before django.contrib.auth's, so it first creates the
    sender's permissions itself (auth's create_permissions only adds what is missing).
    """
    if app_config is not None:
        create_permissions(app_config, verbosity=0, using=using)
    with translation.override("ko"):
        for permission in Permission.objects.using(using).select_related("content_type"):
            name = korean_name(permission)
            if name and permission.name != name:
                permission.name = name
                permission.save(update_fields=["name"], using=using)
