from django.db import migrations


class Migration(migrations.Migration):
    """ContentChange now belongs to the public-content core (`content`); the table stays."""

    dependencies = [
        ("api", "0001_content_change_log"),
        ("content", "0001_content_change_from_api"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ContentChange")],
            database_operations=[],
        ),
    ]
