"""Page models declare no API fields; api/page_fields.py does, and every page type has them."""

import pytest
from wagtail.models import get_page_models

from api.page_fields import PAGE_API_FIELDS
from pages import extensions
from pages.models import BasePage


def test_every_portal_page_type_has_its_api_fields_from_the_registry():
    portal_types = {model for model in get_page_models() if issubclass(model, BasePage)}
    assert set(PAGE_API_FIELDS) == portal_types
    for model, fields in PAGE_API_FIELDS.items():
        assert model.api_fields is fields, model


def test_an_extension_nobody_plugged_in_names_the_missing_app(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setattr(extensions, "_plugged", {})
    with pytest.raises(ImproperlyConfigured, match="korean_text"):
        extensions.korean_text(object(), "title")
