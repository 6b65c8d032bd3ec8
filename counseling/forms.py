"""Forms of the counselor admin views."""

from django import forms

from pages.models.counseling import CounselingCategory

from .models import ANSWER_MAX_LENGTH, CaseStatus
from .permissions import counselors


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="처리 상태", required=False, choices=[("", "전체"), *CaseStatus.choices]
    )
    category = forms.ChoiceField(
        label="상담 분야", required=False, choices=[("", "전체"), *CounselingCategory.choices]
    )
    assigned = forms.ChoiceField(
        label="담당",
        required=False,
        choices=[("", "전체"), ("me", "내 담당"), ("none", "미배정")],
    )


class AssignForm(forms.Form):
    counselor = forms.ModelChoiceField(
        label="담당 상담사",
        queryset=counselors(),
        error_messages={"invalid_choice": "상담사 그룹에 속한 사용자만 배정할 수 있습니다."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counselor"].queryset = counselors()
        self.fields["counselor"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="답변",
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={
            "required": "답변을 입력해 주세요.",
            "max_length": f"답변은 {ANSWER_MAX_LENGTH:,}자 이내로 입력해 주세요.",
        },
    )
    notify = forms.BooleanField(
        label="신청인에게 답변 등록 알림 메일 보내기 (답변 내용은 메일에 담기지 않습니다)",
        required=False,
        initial=True,
    )
