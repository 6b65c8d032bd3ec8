"""Import family-information articles from JSON Lines as published ArticlePages.

One JSON object a line: {"slug", "title", "intro", "body", "section", "tags"}; `body` is plain
text with paragraphs separated by blank lines, `section` a section as the API's filters name
it (`family-info`, `가족정보`), `tags` topic names. Articles are matched by slug, so running
the import again updates them.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from pages.models import ArticlePage, SectionPage, Topic
from pages.vocabulary import InvalidFilter, resolve_section

PROGRESS_EVERY = 100
REQUIRED = ("slug", "title", "intro", "section")


class BadLine(Exception):
    """A line that cannot be imported; the message says why, in Korean."""


@dataclass
class Article:
    slug: str
    title: str
    intro: str
    paragraphs: list[str]
    section: SectionPage
    tags: list[str]

    @property
    def body(self) -> list[tuple[str, str]]:
        return [("paragraph", f"<p>{escape(text)}</p>") for text in self.paragraphs]


def parse_line(line: str, sections: list[SectionPage]) -> Article:
    """The article a line describes, or BadLine saying what is wrong with it."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadLine(f"JSON 형식이 아닙니다 ({error.msg}, {error.colno}번째 글자)") from error
    if not isinstance(data, dict):
        raise BadLine("JSON 객체({...})가 아닙니다")
    missing = [
        key for key in REQUIRED if not isinstance(data.get(key), str) or not data[key].strip()
    ]
    if missing:
        raise BadLine(f"필수 항목이 없거나 비었습니다: {', '.join(missing)}")
    body = data.get("body") or ""
    tags = data.get("tags") or []
    if not isinstance(body, str):
        raise BadLine("body는 문자열이어야 합니다")
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise BadLine("tags는 문자열 목록이어야 합니다")
    if not all(isinstance(data[key], str) for key in REQUIRED):
        raise BadLine(f"{', '.join(REQUIRED)}는 문자열이어야 합니다")
    try:
        section = resolve_section(data["section"], sections)
    except InvalidFilter as error:
        raise BadLine(f"가족정보 글을 둘 수 있는 섹션이 아닙니다: {data['section']}") from error
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", body) if part.strip()]
    return Article(
        slug=data["slug"].strip(),
        title=data["title"].strip(),
        intro=data["intro"].strip(),
        paragraphs=paragraphs,
        section=section,
        tags=[tag.strip() for tag in tags if tag.strip()],
    )


def _topics(names: list[str]) -> list[Topic]:
    topics = []
    for name in dict.fromkeys(names):
        topic = Topic.objects.filter(name=name).first()
        if topic is None:
            topic = Topic.objects.create(name=name, slug=slugify(name, allow_unicode=True))
        topics.append(topic)
    return topics


def _unchanged(page: ArticlePage, article: Article, topics: list[Topic]) -> bool:
    current_body = [(block.block_type, block.value.source) for block in page.body]
    return (
        page.live
        and not page.has_unpublished_changes
        and page.title == article.title
        and page.intro == article.intro
        and current_body == article.body
        and {topic.pk for topic in page.topics.all()} == {topic.pk for topic in topics}
    )


def save_article(article: Article) -> str:
    """Create or update the article's page and publish it; returns "created", "updated" or
    "unchanged"."""
    page = ArticlePage.objects.filter(slug=article.slug).first()
    if page and page.get_parent().pk != article.section.pk:
        raise BadLine(f"슬러그 {article.slug}인 글이 이미 다른 섹션에 있습니다")
    topics = _topics(article.tags)
    if page and _unchanged(page, article, topics):
        return "unchanged"
    outcome = "updated" if page else "created"
    if page is None:
        page = ArticlePage(slug=article.slug)
    page.title, page.intro, page.body = article.title, article.intro, article.body
    page.topics.set(topics)
    try:
        if outcome == "created":
            article.section.add_child(instance=page)
        else:
            page.full_clean()
    except ValidationError as error:
        messages = "; ".join(
            f"{field}: {', '.join(errs)}" for field, errs in error.message_dict.items()
        )
        raise BadLine(f"저장할 수 없습니다 ({messages})") from error
    page.save_revision().publish()
    return outcome


class Command(BaseCommand):
    help = "JSON Lines 파일의 가족정보 글을 게시된 페이지로 가져옵니다 (슬러그 기준으로 갱신)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="한 줄에 JSON 객체 하나인 .jsonl 파일")

    def handle(self, *args, file: Path, **options):
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"파일을 읽을 수 없습니다: {file} ({error})") from error
        sections = [
            section for section in SectionPage.objects.all() if ArticlePage.can_create_at(section)
        ]
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        errors = 0
        numbered = [(number, line) for number, line in enumerate(lines, 1) if line.strip()]
        for done, (number, line) in enumerate(numbered, 1):
            try:
                with transaction.atomic():
                    counts[save_article(parse_line(line, sections))] += 1
            except BadLine as error:
                errors += 1
                self.stderr.write(f"{file.name}:{number}: {error}")
            if done % PROGRESS_EVERY == 0 or done == len(numbered):
                self.stdout.write(f"  {done}/{len(numbered)}줄 처리")
        summary = (
            f"새로 만듦 {counts['created']}개, 갱신 {counts['updated']}개, "
            f"변경 없음 {counts['unchanged']}개, 오류 {errors}줄"
        )
        if errors:
            raise CommandError(f"일부 줄을 가져오지 못했습니다. {summary}")
        self.stdout.write(self.style.SUCCESS(summary))
