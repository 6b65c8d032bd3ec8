"""What page API fields that are not plain columns depend on, so changes reach them.

A page's public JSON changes with its own columns and with what Wagtail's reference index knows
it shows (chosen pages, snippets, images, rich-text links). Some fields are neither: a query
(the home page's pinned notices), a many-to-many relation the reference index does not follow
(an edition's contributing agencies, a page's topics), rows saved with the page, or the date.
Each page model declares these in `api_field_dependencies`, `{field: (label, ...)}`:

- a model label ("pages.noticepage", "pages.agency"): a change to any object of that model
  changes the field (for a many-to-many field to that model, only on the pages linked to it);
- `SELF`: stored with the page itself (inline rows saved with each revision, or announced as a
  change of the page, like a built print PDF);
- `TODAY`: the date ("open for application now"): cached answers are kept per day.

`content.events` adds the pages depending on a change to the pages it affects, so their stored
JSON is rebuilt, their ETags change and sync resends them. A test walks every page type's API
fields: a new computed field without a declaration fails it.
"""

from django.core.exceptions import FieldDoesNotExist
from wagtail.models import get_page_models

SELF = "self"
TODAY = "today"
DEPENDENCIES_ATTRIBUTE = "api_field_dependencies"


def declared_dependencies(model) -> dict[str, tuple[str, ...]]:
    """The model's declarations, its mixins' included (a subclass adds to them)."""
    merged: dict[str, tuple[str, ...]] = {}
    for klass in reversed(model.__mro__):
        merged.update(vars(klass).get(DEPENDENCIES_ATTRIBUTE, {}))
    return merged


def computed_api_fields(model) -> list[str]:
    """The model's API fields that are not its own plain columns (so need a declaration)."""
    names = []
    for api_field in getattr(model, "api_fields", None) or []:
        try:
            field = model._meta.get_field(api_field.name)
        except FieldDoesNotExist:
            names.append(api_field.name)  # a property or method: computed by a query
            continue
        if field.many_to_many or field.one_to_many or (field.one_to_one and not field.concrete):
            names.append(api_field.name)
    return names


def _linking_field(model, field_name: str, label: str) -> bool:
    """Whether `field_name` is a many-to-many field to the model `label`."""
    try:
        field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        return False
    related = getattr(field, "related_model", None)
    return bool(field.many_to_many and related and related._meta.label_lower == label)


def dependent_page_ids(labels, subject_id: int | None = None) -> list[int]:
    """Live pages with a computed field depending on any model among `labels`.

    `subject_id` narrows a many-to-many field to the pages linked to that object.
    """
    labels = set(labels)
    page_ids: list[int] = []
    for model in get_page_models():
        for field_name, depends_on in declared_dependencies(model).items():
            for label in labels.intersection(depends_on):
                pages = model.objects.live()
                if subject_id is not None and _linking_field(model, field_name, label):
                    pages = pages.filter(**{field_name: subject_id})
                page_ids.extend(pages.values_list("pk", flat=True))
    return list(dict.fromkeys(page_ids))
