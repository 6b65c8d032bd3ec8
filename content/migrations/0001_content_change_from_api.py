from django.db import migrations, models


class Migration(migrations.Migration):
    """ContentChange moves from `api` to the public-content core; its table stays."""

    initial = True

    dependencies = [
        ("api", "0001_content_change_log"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentChange",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("page_id", models.IntegerField(blank=True, db_index=True, null=True, verbose_name="페이지 ID")),
                        ("kind", models.CharField(choices=[("published", "게시"), ("unpublished", "게시 취소"), ("deleted", "삭제"), ("moved", "이동"), ("restricted", "공개 제한"), ("unrestricted", "공개 제한 해제"), ("related", "연결된 콘텐츠 변경")], max_length=20, verbose_name="변경 종류")),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="변경 시각")),
                    ],
                    options={
                        "verbose_name": "콘텐츠 변경 기록",
                        "verbose_name_plural": "콘텐츠 변경 기록",
                        "ordering": ["id"],
                        "db_table": "api_contentchange",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
