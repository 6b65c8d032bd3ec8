"""The admin dashboard's 이용 통계 panel (cms/dashboard.py)."""

from wagtail import hooks

from cms.dashboard import AnalyticsPanel


@hooks.register("construct_homepage_panels")
def add_analytics_panel(request, panels):
    panel = AnalyticsPanel(request.user)
    if panel.is_shown():
        panels.append(panel)
