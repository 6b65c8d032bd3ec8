from django.db import migrations

SEED = ["워킹맘, 직장맘", "아빠, 아버지", "엄마, 어머니", "손주, 손자녀"]


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("portal_search", "SearchSynonym")
    for terms in SEED:
        SearchSynonym.objects.get_or_create(terms=terms)


def unseed(apps, schema_editor):
    apps.get_model("portal_search", "SearchSynonym").objects.filter(terms__in=SEED).delete()


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_search_synonyms_and_query_log")]

    operations = [migrations.RunPython(seed, unseed)]
