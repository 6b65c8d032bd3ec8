"""The 서울가족학교 담당자 group: the applicants of programs, and nothing else of the admin."""

from django.db import migrations

STAFF_GROUP = "서울가족학교 담당자"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("applications", "view_applications"),
    ("applications", "manage_applications"),
    ("applications", "export_applications"),
]


def create_staff_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; this app's are needed now.
    app_config = apps.get_app_config("applications")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("applications", "0001_applications_seats_and_access_log"),
    ]

    operations = [migrations.RunPython(create_staff_group, migrations.RunPython.noop)]
