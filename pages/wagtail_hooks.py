"""Admin registration: the portal's snippets (grouped under 분류), the table grid's endpoints."""

from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pages import views
from pages.snippets import Agency, Audience, BloggerProfile, District, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "home"
    list_display = ["name", "phone", "url"]
    search_fields = ["name"]


class BloggerProfileViewSet(SnippetViewSet):
    model = BloggerProfile
    icon = "user"
    list_display = ["display_name", "district"]
    search_fields = ["display_name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = "분류"
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (TopicViewSet, AudienceViewSet, DistrictViewSet, AgencyViewSet, BloggerProfileViewSet)


register_snippet(TaxonomyViewSetGroup)


@hooks.register("register_admin_urls")
def register_report_table_urls():
    return [
        path("report-tables/import/", views.import_table, name="report_table_import"),
        path("report-tables/preview/", views.preview_table, name="report_table_preview"),
    ]
