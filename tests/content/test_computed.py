"""Every page API field that is not a plain column declares what it depends on."""

from django.apps import apps
from wagtail.models import get_page_models

from content.computed import SELF, TODAY, computed_api_fields, declared_dependencies
from pages.models import HomePage, ReportEditionPage


def test_every_computed_api_field_of_every_page_type_declares_its_dependencies():
    undeclared, unknown = [], []
    for model in get_page_models():
        declared = declared_dependencies(model)
        for name in computed_api_fields(model):
            if name not in declared:
                undeclared.append(f"{model.__name__}.{name}")
        for name, labels in declared.items():
            for label in labels:
                if label in (SELF, TODAY):
                    continue
                try:
                    apps.get_model(label)
                except LookupError:
                    unknown.append(f"{model.__name__}.{name}: {label}")
    assert undeclared == []
    assert unknown == []


def test_the_query_and_many_to_many_fields_are_found_as_computed():
    assert "pinned_notices" in computed_api_fields(HomePage)
    assert "contributing_agencies" in computed_api_fields(ReportEditionPage)
    assert declared_dependencies(HomePage)["pinned_notices"] == ("pages.noticepage",)
