"""Admin registration of the portal's snippets, grouped under 분류 in the menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
