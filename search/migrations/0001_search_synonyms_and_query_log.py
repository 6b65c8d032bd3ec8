import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchQueryLog",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("query", models.CharField(max_length=100, verbose_name="검색어")),
                ("day", models.DateField(default=django.utils.timezone.localdate, verbose_name="날짜")),
                ("hits", models.PositiveIntegerField(default=0, verbose_name="검색 횟수")),
                ("result_count", models.PositiveIntegerField(default=0, verbose_name="결과 수")),
            ],
            options={
                "verbose_name": "검색 기록",
                "verbose_name_plural": "검색 기록",
                "indexes": [models.Index(fields=["day", "query"], name="portal_sear_day_9321d9_idx")],
                "constraints": [models.UniqueConstraint(fields=("query", "day"), name="unique_search_query_per_day")],
            },
        ),
        migrations.CreateModel(
            name="SearchSynonym",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("terms", models.CharField(help_text="쉼표로 구분합니다. 예: 워킹맘, 직장맘", max_length=300, verbose_name="같은 뜻의 검색어")),
            ],
            options={
                "verbose_name": "검색 동의어",
                "verbose_name_plural": "검색 동의어",
                "ordering": ["terms"],
            },
        ),
    ]
