"""Builds the Korean demo portal from the data modules, idempotently.

Everything is looked up by a stable key (slug under its parent, title, username) and
only created when missing, so a second run finds everything and changes nothing.
Pages are published through revisions, as editors would, so history and comparison work.
"""

import datetime
import hashlib
import os
import secrets
from collections import Counter
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from pages.editorial import BLOG_COLLECTION, REPORT_COLLECTION, setup_portal
from pages.licences import KoglType
from pages.models import (
    Agency,
    ArticlePage,
    Audience,
    BloggerProfile,
    BlogPostPage,
    CounselingFAQPage,
    District,
    DocumentLicence,
    EducationProgramPage,
    EducationResourcePage,
    HomeFeaturedItem,
    ImageLicence,
    NoticeAttachment,
    NoticePage,
    ProgramSession,
    ReportChapterPage,
    ReportEditionPage,
    ResourceDownload,
    SectionKind,
    Topic,
)
from pages.translation import start_translations, translate_with

from . import articles, community, languages, releases, reports, school, taxonomy
from .media import make_pdf, make_picture

# Demo pictures and files are the city's own (drawn and typeset by the loader).
DEMO_SOURCE = "서울시 가족담당관"

SECTION_INTROS = {
    SectionKind.FAMILY_INFO: "가정생활, 보육, 돌봄, 경제 지원까지 서울 가족에게 필요한 정보를 "
    "모았습니다.",
    SectionKind.FAMILY_SCHOOL: "부모 교육, 예비부부 교육, 조부모 교육 프로그램을 소개하고 교육 "
    "자료를 나눕니다.",
    SectionKind.REPORT: "서울시 가족보고서 '희망서울, 행복가족'을 해마다 500부 발간해 시 "
    "부서와 25개 자치구에 배포합니다.",
    SectionKind.BLOG: "시민 가족 블로그단이 직접 쓴 서울 가족의 이야기입니다.",
    SectionKind.COUNSELING: "가족 고민을 상담사에게 남기고, 자주 묻는 질문의 답을 찾아보세요.",
    SectionKind.NOTICE: "서울시 패밀리 포털과 서울가족학교의 새 소식입니다.",
}

PALETTES = [
    ("#ffd3a5", "#fd6585"),
    ("#c2e9fb", "#a1c4fd"),
    ("#d4fc79", "#96e6a1"),
    ("#fbc2eb", "#a6c1ee"),
    ("#fdfcfb", "#e2d1c3"),
]


def _digest(text: str) -> str:
    """A short stable file name part for a Korean title."""
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def has_child(parent: Page, title: str) -> bool:
    """Whether `parent` already has the page whose slug this title gives."""
    return parent.get_children().filter(slug=slugify(title, allow_unicode=True)).exists()


def stream(lines: list[str]) -> list[dict]:
    """Raw StreamField data from data-module lines ("## " starts a heading)."""
    blocks = []
    for line in lines:
        if line.startswith("## "):
            blocks.append({"type": "heading", "value": {"text": line[3:], "level": "h2"}})
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{escape(line)}</p>"})
    return blocks


class DemoLoader:
    """Loads the demo portal; `created` counts what this run added, by kind."""

    def __init__(self, say: Callable[[str], None]):
        self.say = say
        self.created: Counter[str] = Counter()
        self.new_passwords: dict[str, str] = {}
        self.today = timezone.localdate()

    @transaction.atomic
    def run(self) -> None:
        steps = [
            ("포털 구조, 편집 그룹, 워크플로", self.load_portal),
            ("데모 사용자", self.load_users),
            ("분류 (주제, 대상, 자치구, 기관)", self.load_taxonomy),
            ("섹션 소개", self.load_section_intros),
            ("가족정보 글", self.load_articles),
            ("서울가족학교 프로그램과 교육 자료", self.load_school),
            ("가족보고서 '희망서울, 행복가족'", self.load_reports),
            ("가족 블로그단", self.load_blog),
            ("공지사항", self.load_notices),
            ("상담 FAQ", self.load_faqs),
            ("검토 대기 글과 예약 게시 공지", self.load_pending_work),
            ("포털 홈 대표 영역과 추천 콘텐츠", self.load_home),
            ("옛 주소 리디렉션", self.load_redirects),
            ("다국어 정착 안내 (简体中文, Tiếng Việt, English)", self.load_languages),
            ("다음 호 가족보고서 릴리스 (몇 분 뒤 동시 게시)", self.load_release),
        ]
        # Demo users have made-up addresses: the workflow notifications the pending blog post
        # triggers go nowhere instead of onto the console.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            for number, (label, step) in enumerate(steps, start=1):
                self.say(f"[{number}/{len(steps)}] {label}")
                step()

    # Structure and people

    def load_portal(self) -> None:
        self.home, self.sections, log = setup_portal()
        for change in log.changes:
            self.say(f"    {change}")
        self.created["편집 설정 변경"] += len(log.changes)

    def load_users(self) -> None:
        User = get_user_model()
        shared_password = os.environ.get("DEMO_PASSWORD")
        self.users = {}
        for spec in community.DEMO_USERS:
            username = spec["username"]
            user = User.objects.filter(username=username).first()
            if user is None:
                password = shared_password or secrets.token_urlsafe(12)
                first_name, last_name = spec["name"]
                user = User.objects.create_user(
                    username=username,
                    email=f"{username}@family-portal.example",
                    password=password,
                    first_name=first_name,
                    last_name=last_name,
                    is_staff=spec.get("superuser", False),
                    is_superuser=spec.get("superuser", False),
                )
                if spec["group"]:
                    user.groups.add(Group.objects.get(name=spec["group"]))
                self.new_passwords[username] = (
                    "(DEMO_PASSWORD 환경 변수 값)" if shared_password else password
                )
                self.created["사용자"] += 1
            self.users[username] = user

    def load_taxonomy(self) -> None:
        for model, terms in (
            (Topic, taxonomy.TOPICS),
            (Audience, taxonomy.AUDIENCES),
            (District, taxonomy.DISTRICTS),
        ):
            for name, slug in terms:
                _, created = model.objects.get_or_create(slug=slug, defaults={"name": name})
                self.created[model._meta.verbose_name] += created
        for spec in taxonomy.AGENCIES:
            _, created = Agency.objects.get_or_create(
                name=spec["name"],
                defaults={key: value for key, value in spec.items() if key != "name"},
            )
            self.created["기관"] += created

    # Media

    def collection(self, name: str | None) -> Collection:
        root = Collection.get_first_root_node()
        return root if name is None else root.get_children().get(name=name)

    def image(self, title: str, alt: str, size=(960, 540), collection: str | None = None):
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        palette = PALETTES[sum(map(ord, title)) % len(PALETTES)]
        content = make_picture(title, size, palette)
        image = Image(
            title=title,
            description=alt,
            collection=self.collection(collection),
            file=ImageFile(ContentFile(content), name=f"demo-{_digest(title)}.jpg"),
        )
        image.save()
        ImageLicence.objects.create(image=image, licence=KoglType.TYPE1, source=DEMO_SOURCE)
        self.created["이미지"] += 1
        return image

    def document(self, title: str, lines: list[str], collection: str | None = None):
        Document = get_document_model()
        existing = Document.objects.filter(title=title).first()
        if existing:
            return existing
        document = Document(
            title=title,
            collection=self.collection(collection),
            file=ContentFile(make_pdf(title, lines), name=f"demo-{_digest(title)}.pdf"),
        )
        document.save()
        DocumentLicence.objects.create(
            document=document, licence=KoglType.TYPE1, source=DEMO_SOURCE
        )
        self.created["문서"] += 1
        return document

    # Pages

    def publish_child(self, parent: Page, page: Page, owner=None, publisher=None) -> Page:
        """Add `page` under `parent` and publish it through a revision, unless it exists."""
        page.slug = page.slug or slugify(page.title, allow_unicode=True)
        existing = parent.get_children().filter(slug=page.slug).first()
        if existing:
            return existing.specific
        page.owner = owner
        page.live = False
        parent.add_child(instance=page)
        revision = page.save_revision(user=owner, log_action=True)
        revision.publish(user=publisher or self.users["reviewer"])
        self.created[page._meta.verbose_name] += 1
        return page

    def taxonomy_of(self, spec: dict) -> dict:
        return {
            "topics": list(Topic.objects.filter(slug__in=spec.get("topics", []))),
            "audiences": list(Audience.objects.filter(slug__in=spec.get("audiences", []))),
            "districts": list(District.objects.filter(slug__in=spec.get("districts", []))),
        }

    def republish(self, page: Page, user) -> None:
        page.save_revision(user=user, log_action=True).publish(user=user)
        self.created["다시 게시한 페이지"] += 1

    def load_languages(self) -> None:
        """Settling-in pages for multicultural families, translated through PO files as an
        outside translator's would be; one left Korean only to show the fallback."""
        family_info = self.sections[SectionKind.FAMILY_INFO]
        pages = []
        for spec in languages.PAGES:
            korean = spec["ko"]
            page = ArticlePage(
                title=korean["title"],
                slug=korean["slug"],
                intro=korean["intro"],
                body=stream(korean["body"]),
                contact=korean["contact"],
                search_description=korean["intro"][:160],
                **self.taxonomy_of({**spec, "audiences": ["multicultural-families"]}),
            )
            pages.append((self.publish_child(family_info, page, owner=self.users["editor"]), spec))
        for language in languages.TRANSLATED_LANGUAGES:
            self.translate(self.home, languages.HOME, language)
            self.translate(family_info, languages.FAMILY_INFO, language)
            for page, spec in pages:
                if language in spec:
                    self.translate(page, spec, language)

    def translate(self, page: Page, spec: dict, language: str) -> None:
        """`page` in `language` from the texts of `spec`, published unless it already is."""
        if page.get_translations().filter(locale__language_code=language, live=True).exists():
            return
        korean, translated = spec["ko"], spec[language]
        strings = {
            korean[name]: translated[name] for name in korean if name not in ("body", "slug")
        }
        for source, target in zip(korean.get("body", []), translated.get("body", []), strict=True):
            strings[source.removeprefix("## ")] = target.removeprefix("## ")
        start_translations(page.specific, [language])
        translate_with(
            page,
            language,
            strings,
            slug=translated["slug"],
            user=self.users["translator"],
            publish=True,
            publisher=self.users["reviewer"],
        )
        self.created[f"번역 ({language})"] += 1

    def load_section_intros(self) -> None:
        for kind, intro in SECTION_INTROS.items():
            section = self.sections[kind]
            if section.intro:
                continue
            section.intro = f"<p>{escape(intro)}</p>"
            self.republish(section, self.users["admin"])

    def load_articles(self) -> None:
        parent = self.sections[SectionKind.FAMILY_INFO]
        for number, spec in enumerate(articles.ARTICLES):
            body = stream(spec["body"])
            if number % 4 == 0:
                picture = self.image(
                    f"가족정보 삽화: {spec['title']}",
                    alt=f"'{spec['title']}'을 표현한 따뜻한 색감의 추상 그림",
                )
                body.insert(
                    1,
                    {
                        "type": "image",
                        "value": {
                            "image": picture.pk,
                            "alt_text": picture.description,
                            "caption": "서울시 패밀리 포털",
                        },
                    },
                )
            page = ArticlePage(
                title=spec["title"],
                intro=spec["intro"],
                body=body,
                related_links=[
                    {"type": "link", "value": {"title": title, "page": None, "external_url": url}}
                    for title, url in spec["links"]
                ],
                agency=Agency.objects.filter(name=spec["agency"]).first(),
                contact=spec["contact"],
                search_description=spec["intro"][:160],
                **self.taxonomy_of(spec),
            )
            self.publish_child(parent, page, owner=self.users["editor"])

    def load_school(self) -> None:
        parent = self.sections[SectionKind.FAMILY_SCHOOL]
        programs = {}
        for spec in school.PROGRAMS:
            application_start, application_end = spec["application"]
            course_start, course_end = spec["course"]
            page = EducationProgramPage(
                title=spec["title"],
                intro=spec["intro"],
                body=stream(spec["body"]),
                start_date=self.today + datetime.timedelta(days=course_start),
                end_date=self.today + datetime.timedelta(days=course_end),
                application_start=self.today + datetime.timedelta(days=application_start),
                application_end=self.today + datetime.timedelta(days=application_end),
                sessions=spec["sessions"],
                schedule_note=spec["schedule_note"],
                is_online=spec["is_online"],
                venue=spec["venue"],
                capacity=spec["capacity"],
                fee=spec["fee"],
                organizer=Agency.objects.filter(name=spec["organizer"]).first(),
                application_url="https://family.seoul.go.kr/apply",
                **spec.get("online_application", {}),
                **self.taxonomy_of(spec),
            )
            page.program_sessions = [
                ProgramSession(
                    title=title,
                    date=self.today + datetime.timedelta(days=offset),
                    time_note=time_note,
                    capacity=seats,
                )
                for title, offset, time_note, seats in spec.get("program_sessions", [])
            ]
            programs[spec["title"]] = self.publish_child(parent, page, owner=self.users["editor"])

        for spec in school.RESOURCES:
            document = self.document(spec["title"], spec["pdf"])
            page = EducationResourcePage(
                title=spec["title"],
                resource_type=spec["resource_type"],
                age_range=spec["age_range"],
                description=f"<p>{escape(spec['description'])}</p>",
                video_url=spec.get("video_url", ""),
                program=programs.get(spec["program"]),
                downloads=[
                    ResourceDownload(
                        document=document,
                        title=spec.get("download_title", f"{spec['title']} (PDF)"),
                    )
                ],
                **self.taxonomy_of(spec),
            )
            self.publish_child(parent, page, owner=self.users["editor"])

    def load_reports(self) -> None:
        parent = self.sections[SectionKind.REPORT]
        tf_member = self.users["report_tf"]
        for spec in reports.EDITIONS:
            edition, chapters = self.report_edition(spec)
            edition = self.publish_child(parent, edition, owner=tf_member)
            for page in chapters:
                self.publish_child(edition, page, owner=tf_member)

    def report_edition(self, spec: dict):
        """An edition of the family report and its chapters, not saved yet (the published
        editions and the next one, drafted into a release, are built alike)."""
        year = spec["year"]
        cover = self.image(
            f"희망서울, 행복가족 {year} 표지",
            alt=f"{year}년 가족보고서 '희망서울, 행복가족' {spec['edition_number']} 표지",
            size=(600, 840),
            collection=REPORT_COLLECTION,
        )
        edition = ReportEditionPage(
            title=f"{year} 희망서울, 행복가족",
            slug=str(year),
            year=year,
            edition_number=spec["edition_number"],
            publication_date=datetime.date.fromisoformat(spec["publication_date"]),
            print_run=500,
            cover_image=cover,
            summary=f"<p>{escape(spec['summary'])}</p>",
            contributing_agencies=list(Agency.objects.filter(name__in=spec["agencies"])),
        )
        chapters = [
            ReportChapterPage(
                title=f"제{chapter['number']}장 {chapter['title']}",
                slug=f"제{chapter['number']}장",
                chapter_number=chapter["number"],
                summary=chapter["summary"],
                body=self.chapter_body(chapter, cover),
                data_sources=[
                    {"type": "source", "value": {**source, "year": year}}
                    for source in reports.DATA_SOURCES
                ],
            )
            for chapter in reports.chapter_specs(year)
        ]
        return edition, chapters

    def chapter_body(self, chapter: dict, cover) -> list[dict]:
        blocks = []
        for kind, value in chapter["body"]:
            if kind == "heading":
                blocks.append({"type": "heading", "value": {"text": value, "level": "h2"}})
            elif kind == "paragraph":
                blocks.append({"type": "paragraph", "value": f"<p>{escape(value)}</p>"})
            elif kind == "table":
                blocks.append({"type": "statistics_table", "value": value})
            elif kind == "findings":
                blocks.append(
                    {"type": "key_findings", "value": {"title": "주요 결과", "findings": value}}
                )
        if chapter["number"] == 1:
            blocks.insert(
                2,
                {
                    "type": "image",
                    "value": {
                        "image": cover.pk,
                        "alt_text": cover.description,
                        "caption": "보고서 표지",
                    },
                },
            )
        return blocks

    def load_blog(self) -> None:
        parent = self.sections[SectionKind.BLOG]
        profiles = {}
        for spec in community.BLOGGERS:
            profile, created = BloggerProfile.objects.get_or_create(
                display_name=spec["display_name"],
                defaults={
                    "bio": spec["bio"],
                    "district": District.objects.filter(slug=spec["district"]).first(),
                    "user": self.users.get(spec["user"]) if spec["user"] else None,
                },
            )
            self.created["블로거 프로필"] += created
            profiles[profile.display_name] = profile

        for spec in community.BLOG_POSTS:
            profile = profiles[spec["blogger"]]
            hero = self.image(
                f"블로그 대표 이미지: {spec['title']}",
                alt=f"'{spec['title']}' 글의 분위기를 담은 그림",
                collection=BLOG_COLLECTION,
            )
            page = BlogPostPage(
                title=spec["title"],
                blogger=profile,
                date=self.today - datetime.timedelta(days=spec["days_ago"]),
                intro=spec["intro"],
                hero_image=hero,
                body=stream(spec["body"]),
            )
            page.tags.add(*spec["tags"])
            self.publish_child(parent, page, owner=profile.user)

    def load_notices(self) -> None:
        parent = self.sections[SectionKind.NOTICE]
        for spec in community.NOTICES:
            attachments = []
            if spec["attachment"]:
                document = self.document(spec["attachment"]["title"], spec["attachment"]["pdf"])
                attachments.append(NoticeAttachment(document=document))
            page = NoticePage(
                title=spec["title"],
                date=self.today - datetime.timedelta(days=spec["days_ago"]),
                pinned=spec["pinned"],
                body=spec["body"],
                attachments=attachments,
            )
            self.publish_child(parent, page, owner=self.users["editor"])

    def load_faqs(self) -> None:
        parent = self.sections[SectionKind.COUNSELING]
        for spec in community.FAQS:
            page = CounselingFAQPage(
                title=spec["title"],
                category=spec["category"],
                question=spec["question"],
                answer=spec["answer"],
            )
            self.publish_child(parent, page, owner=self.users["editor"])

    def load_pending_work(self) -> None:
        """One blog post awaiting review and one notice scheduled for tomorrow."""
        blog = self.sections[SectionKind.BLOG]
        spec = community.PENDING_BLOG_POST
        if not has_child(blog, spec["title"]):
            blogger = self.users["blogger"]
            post = BlogPostPage(
                title=spec["title"],
                blogger=BloggerProfile.objects.get(display_name=spec["blogger"]),
                date=self.today - datetime.timedelta(days=spec["days_ago"]),
                intro=spec["intro"],
                body=stream(spec["body"]),
                owner=blogger,
                live=False,
            )
            post.tags.add(*spec["tags"])
            blog.add_child(instance=post)
            post.save_revision(user=blogger, log_action=True)
            post.get_workflow().start(post, blogger)
            self.created["검토 대기 글"] += 1

        notices = self.sections[SectionKind.NOTICE]
        spec = community.SCHEDULED_NOTICE
        if not has_child(notices, spec["title"]):
            go_live_at = timezone.now() + datetime.timedelta(days=spec["go_live_in_days"])
            notice = NoticePage(
                title=spec["title"],
                date=go_live_at.date(),
                pinned=spec["pinned"],
                body=spec["body"],
                go_live_at=go_live_at,
                owner=self.users["editor"],
                live=False,
            )
            notices.add_child(instance=notice)
            # Publishing a revision whose go-live time is ahead schedules it instead.
            notice.save_revision(user=self.users["editor"], log_action=True).publish(
                user=self.users["reviewer"]
            )
            self.created["예약 게시 공지"] += 1

    def load_release(self) -> None:
        releases.load_next_edition_release(self)

    def load_redirects(self) -> None:
        """The single-parent article's address before the portal's reorganisation."""
        article = ArticlePage.objects.get(title="한부모가족 아동양육비 지원")
        Redirect.objects.get_or_create(
            old_path=Redirect.normalise_path("/가족정보/한부모-지원/"),
            site=None,
            defaults={"redirect_page": article, "is_permanent": True},
        )

    def load_home(self) -> None:
        home = self.home.specific
        if home.hero_image_id and home.featured_items.exists():
            return
        home.hero_image = self.image(
            "포털 홈 대표 이미지",
            alt="햇살 아래 손을 맞잡은 가족을 떠올리게 하는 따뜻한 색의 그림",
            size=(1280, 640),
        )
        featured = [
            ArticlePage.objects.get(title="한부모가족 아동양육비 지원"),
            EducationProgramPage.objects.get(title="영유아 부모 놀이 코칭"),
            ReportEditionPage.objects.get(year=2017),
            EducationResourcePage.objects.get(title="우리 가족 감정 카드 활동지"),
            BlogPostPage.objects.get(title="다문화가정 이웃과 함께 만든 추석 음식"),
        ]
        home.featured_items = [HomeFeaturedItem(page=page) for page in featured]
        self.republish(home, self.users["admin"])
