"""The distribution plan form: one row per recipient, adding up to the print run."""

from django import forms
from django.core.exceptions import ValidationError

from .distribution import check_total
from .models import DistributionRecipient


class RecipientForm(forms.ModelForm):
    class Meta:
        model = DistributionRecipient
        fields = ["kind", "name", "district", "copies", "address", "contact"]


class BaseRecipientFormSet(forms.BaseModelFormSet):
    def __init__(self, *args, edition, **kwargs):
        self.edition = edition
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            # Django's own test for a ticked DELETE box; private, so absent from the stubs.
            if form.cleaned_data and not self._should_delete_form(form)  # type: ignore[attr-defined]
        ]
        names = [form.cleaned_data["name"].strip() for form in kept]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValidationError(f"받는 곳이 두 번 들어 있습니다: {', '.join(duplicates)}")
        check_total(sum(form.cleaned_data["copies"] for form in kept), self.edition.print_run)

    def save(self, commit=True):
        for number, form in enumerate(self.forms, start=1):
            form.instance.sort_order = number
            form.instance.edition = self.edition
        return super().save(commit=commit)


RecipientFormSet = forms.modelformset_factory(
    DistributionRecipient,
    form=RecipientForm,
    formset=BaseRecipientFormSet,
    extra=1,
    can_delete=True,
)
