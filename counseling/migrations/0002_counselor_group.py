"""The 상담사 group and its permissions, present from the first `migrate`.

A data migration rather than a post_migrate handler: post_migrate also runs after every
test-database flush, and re-creating the group there would collide with the rows a
serialized rollback restores.
"""

from django.db import migrations

COUNSELOR_GROUP = "상담사"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("counseling", "view_case"),
    ("counseling", "answer_case"),
    ("counseling", "export_case"),
]


def create_counselor_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; this app's are needed now.
    app_config = apps.get_app_config("counseling")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=COUNSELOR_GROUP)
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("counseling", "0001_counseling_cases_and_access_log"),
    ]

    operations = [migrations.RunPython(create_counselor_group, migrations.RunPython.noop)]
