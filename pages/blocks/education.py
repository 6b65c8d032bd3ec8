"""Blocks of a Family School program's application form: the questions an editor adds."""

from django.core.exceptions import ValidationError
from wagtail import blocks


class QuestionKind:
    TEXT = "text"
    NUMBER = "number"
    CHOICE = "choice"
    CHOICES = [(TEXT, "짧은 글"), (NUMBER, "숫자"), (CHOICE, "선택")]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionStructValue(blocks.StructValue):
    def choice_list(self) -> list[str]:
        return _lines(self.get("choices", ""))

    def eligible_list(self) -> list[str]:
        return _lines(self.get("eligible_choices", ""))

    def limits_eligibility(self) -> bool:
        """Whether some answers make an applicant ineligible (the server refuses them)."""
        return bool(
            self.eligible_list()
            or self.get("eligible_min") is not None
            or self.get("eligible_max") is not None
        )


class ApplicationQuestionBlock(blocks.StructBlock):
    """One question every applicant to the program answers (a child's age, a district …)."""

    key = blocks.RegexBlock(
        label="식별자",
        regex=r"^[a-z][a-z0-9_]{0,29}$",
        error_messages={"invalid": "영문 소문자, 숫자, 밑줄로 30자 이내(예: child_age)"},
        help_text="앱과 명단에서 이 질문을 가리키는 이름 (예: child_age)",
    )
    label = blocks.CharBlock(label="질문", max_length=100)
    kind = blocks.ChoiceBlock(label="답 형식", choices=QuestionKind.CHOICES, default="text")
    choices = blocks.TextBlock(
        label="선택지", required=False, help_text="'선택' 형식일 때 한 줄에 하나씩"
    )
    required = blocks.BooleanBlock(label="필수", required=False, default=True)
    # Audience eligibility (예비부부만, 초등 자녀를 둔 부모 …), checked on the server.
    eligible_choices = blocks.TextBlock(
        label="신청할 수 있는 답",
        required=False,
        help_text="'선택' 질문에서 신청 대상이 되는 선택지, 한 줄에 하나 (비우면 모두 가능)",
    )
    eligible_min = blocks.IntegerBlock(
        label="신청 가능 최솟값", required=False, help_text="'숫자' 질문에서 (예: 자녀 나이 7)"
    )
    eligible_max = blocks.IntegerBlock(
        label="신청 가능 최댓값", required=False, help_text="'숫자' 질문에서 (예: 자녀 나이 12)"
    )
    ineligible_message = blocks.CharBlock(
        label="대상이 아닐 때 안내",
        max_length=150,
        required=False,
        help_text="예: 이 프로그램은 예비부부만 신청할 수 있습니다.",
    )

    class Meta:
        icon = "help"
        label = "신청 질문"
        description = "신청서에 묻는 질문 하나"
        value_class = QuestionStructValue
        preview_value = {"key": "child_age", "label": "자녀 나이(만)", "kind": "number"}

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["kind"] == QuestionKind.CHOICE and not value.choice_list():
            errors["choices"] = ValidationError("선택지를 한 줄에 하나씩 입력해 주세요.")
        unknown = set(value.eligible_list()) - set(value.choice_list())
        if value.eligible_list() and value["kind"] != QuestionKind.CHOICE:
            errors["eligible_choices"] = ValidationError("'선택' 질문에만 쓸 수 있습니다.")
        elif unknown:
            errors["eligible_choices"] = ValidationError(
                f"선택지에 없는 답입니다: {', '.join(sorted(unknown))}"
            )
        bounds = (value.get("eligible_min"), value.get("eligible_max"))
        if any(bound is not None for bound in bounds) and value["kind"] != QuestionKind.NUMBER:
            errors["eligible_min"] = ValidationError("'숫자' 질문에만 쓸 수 있습니다.")
        elif None not in bounds and bounds[0] > bounds[1]:
            errors["eligible_max"] = ValidationError("최댓값은 최솟값보다 작을 수 없습니다.")
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class ApplicationQuestionsBlock(blocks.StreamBlock):
    """The program's own questions, asked after name, phone and participants."""

    question = ApplicationQuestionBlock()

    def clean(self, value):
        value = super().clean(value)
        keys = [child.value["key"] for child in value]
        if len(keys) != len(set(keys)):
            raise blocks.StreamBlockValidationError(
                non_block_errors=[ValidationError("질문 식별자가 겹치지 않게 해 주세요.")]
            )
        return value
