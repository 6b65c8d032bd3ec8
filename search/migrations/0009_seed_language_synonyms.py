"""Seed synonyms for the portal's other languages (zh-hans, vi, en), changed in the admin
afterwards, and have the task worker analyse every page once more: Chinese pages are now read
in simplified characters (search.languages.simplified)."""

from django.db import migrations

# Per language, one rule a line: "a, b, c" two-way, "a, b > c" one-way (as in 0004). Each is
# the everyday word families type for a word the pages use.
THESAURI = {
    "zh-hans": """
翻译 > 口译, 笔译
避难所, 庇护所, 庇护设施, 收容所
婚姻咨询 > 夫妻咨询
外国人登记, 外国人登录
多语言, 多语种
热线, 咨询电话
""",
    "vi": """
visa, thị thực
giúp đỡ > hỗ trợ
""",
    "en": """
class, course, lesson
paperwork > document, form
husband, wife > spouse
argue, arguing, fight, quarrel > conflict
kid, child
talk > speak, speech
helpline, help line, hotline
immigrant, migrant
help, support
""",
}


def rules():
    for language, thesaurus in THESAURI.items():
        for line in thesaurus.splitlines():
            line = line.strip()
            if line:
                terms, _, targets = line.partition(">")
                yield language, terms.strip(), targets.strip()


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("portal_search", "SearchSynonym")
    for language, terms, targets in rules():
        SearchSynonym.objects.get_or_create(language=language, terms=terms, targets=targets)
    apps.get_model("portal_search", "PageTermState").objects.filter(pk=1).update(build_cursor=0)


def unseed(apps, schema_editor):
    SearchSynonym = apps.get_model("portal_search", "SearchSynonym")
    for language, terms, targets in rules():
        SearchSynonym.objects.filter(language=language, terms=terms, targets=targets).delete()


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0008_search_per_language")]

    operations = [migrations.RunPython(seed, unseed)]
