"""Admin (Korean): webhook subscriptions, and deliveries with their attempts and a replay button.

A subscription's signing secret is generated when it is created and shown on the page that
follows, once; no form or page shows it again (a lost secret means a new subscription).
"""

from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from . import views
from .models import Delivery, Subscription


class SubscriptionCreateView(CreateView):
    def form_valid(self, form):
        response = super().form_valid(form)
        if self.expects_json_response or response.status_code != 302:
            return response
        return TemplateResponse(
            self.request,
            "webhooks/secret_once.html",
            {"subscription": self.object, "next_url": response.url},
        )


class SubscriptionViewSet(SnippetViewSet):
    model = Subscription
    add_view_class = SubscriptionCreateView
    icon = "link-external"
    menu_label = "구독"
    list_display = ["url", "events", "is_active", "consecutive_failures", "disabled_at"]
    list_filter = ["is_active"]
    panels = [
        FieldPanel("url"),
        FieldPanel("events"),
        FieldPanel("owner"),
        FieldPanel("owner_email"),
        FieldPanel("is_active"),
    ]


class DeliveryIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        return [
            ListingButton(
                "다시 보내기",
                url=reverse("webhooks_replay", args=[instance.pk]),
                icon_name="redirect",
                priority=5,
            ),
            *super().get_list_more_buttons(instance),
        ]


class DeliveryViewSet(SnippetViewSet):
    model = Delivery
    icon = "mail"
    menu_label = "전송 기록"
    index_view_class = DeliveryIndexView
    list_display = [
        "event_type",
        "event_id",
        "subscription",
        "status",
        "attempt_count",
        "created_at",
    ]
    list_filter = ["status", "event_type"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "subscription",
        "event_id",
        "event_type",
        "status",
        "attempt_count",
        "next_attempt_at",
        "delivered_at",
        "payload",
        "attempt_log",
    ]


class WebhookViewSetGroup(SnippetViewSetGroup):
    items = (SubscriptionViewSet, DeliveryViewSet)
    menu_icon = "link-external"
    menu_label = "웹훅"
    menu_name = "webhooks"


register_snippet(WebhookViewSetGroup)


@hooks.register("register_admin_urls")
def register_replay_url():
    return [path("webhooks/replay/<int:pk>/", views.replay, name="webhooks_replay")]
