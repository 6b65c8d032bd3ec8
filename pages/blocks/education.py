"""Blocks of a Family School program's application form: the questions an editor adds."""

from django.core.exceptions import ValidationError
from wagtail import blocks


class QuestionKind:
    TEXT = "text"
    NUMBER = "number"
    CHOICE = "choice"
    CHOICES = [(TEXT, "짧은 글"), (NUMBER, "숫자"), (CHOICE, "선택")]


class QuestionStructValue(blocks.StructValue):
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.get("choices", "").splitlines() if line.strip()]


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

    class Meta:
        icon = "help"
        label = "신청 질문"
        description = "신청서에 묻는 질문 하나"
        value_class = QuestionStructValue
        preview_value = {"key": "child_age", "label": "자녀 나이(만)", "kind": "number"}

    def clean(self, value):
        value = super().clean(value)
        if value["kind"] == QuestionKind.CHOICE and not value.choice_list():
            raise blocks.StructBlockValidationError(
                block_errors={"choices": ValidationError("선택지를 한 줄에 하나씩 입력해 주세요.")}
            )
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
