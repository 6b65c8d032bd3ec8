"""`manage.py build_representations`: every public page's JSON stored ahead of the first read."""

from io import StringIO

from django.core.management import call_command

from api.models import StoredRepresentation


def test_the_command_stores_every_public_page_and_only_those(api, content):
    StoredRepresentation.objects.all().delete()
    out = StringIO()

    call_command("build_representations", "--clear", stdout=out)

    public = {item["id"] for item in api.get("/api/v2/pages/?limit=100").json()["items"]}
    stored = set(StoredRepresentation.objects.values_list("page_id", flat=True))
    assert stored == public
    assert content.draft.pk not in stored
    assert not {page.pk for page in content.private_pages.values()} & stored
    assert f"{len(public)}개" in out.getvalue()


def test_clear_only_leaves_nothing_stored(api, content):
    api.get(f"/api/v2/pages/{content.article.pk}/")

    call_command("build_representations", "--clear-only", stdout=StringIO())

    assert not StoredRepresentation.objects.exists()
