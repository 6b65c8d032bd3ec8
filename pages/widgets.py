"""Admin widgets for page forms."""

from django import forms


class SearchableCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes with a filter box, for taxonomies (25 districts, a dozen topics) that a
    Ctrl-click multi-select made easy to get wrong: one stray click cleared every choice."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-checkbox-picker": "", **(attrs or {})}, choices)

    class Media:
        js = ["pages/js/checkbox-picker.js"]
        css = {"all": ["pages/css/checkbox-picker.css"]}
