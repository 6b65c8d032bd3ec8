"""Editorial groups and workflows, exercised through Wagtail's permission policy and the admin.

Each class builds the portal once (setUpTestData) with `setup_portal()`, the same code the
`setup_portal` and `load_demo_content` commands run.
"""

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from pages.editorial import (
    BLOGGERS,
    COUNSELORS,
    EDITORS,
    REPORT_TF,
    REPORT_WORKFLOW,
    REVIEW_WORKFLOW,
    REVIEWERS,
    setup_portal,
)
from pages.models import ArticlePage, BlogPostPage, ReportChapterPage, SectionKind
from tests.factories import (
    ArticlePageFactory,
    BloggerProfileFactory,
    BlogPostPageFactory,
    ReportChapterPageFactory,
    ReportEditionPageFactory,
    UserFactory,
)


def stream_form_data(page: Page) -> dict:
    """Form data for the page's StreamFields; test pages hold only rich-text paragraphs."""
    data = {}
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            value = getattr(page, field.name)
            data[field.name] = streamfield(
                [(child.block_type, rich_text(child.value.source)) for child in value]
            )
    return data


class PortalTestCase(TestCase):
    """The portal tree, groups and workflows plus one user per group."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.sections, _ = setup_portal()
        group = Group.objects.get
        cls.editor = UserFactory(username="editor", groups=[group(name=EDITORS)])
        cls.reviewer = UserFactory(username="reviewer", groups=[group(name=REVIEWERS)])
        cls.tf_member = UserFactory(username="tf", groups=[group(name=REPORT_TF)])
        cls.blogger = UserFactory(username="blogger", groups=[group(name=BLOGGERS)])
        cls.other_blogger = UserFactory(username="blogger2", groups=[group(name=BLOGGERS)])

    def section(self, kind: SectionKind) -> Page:
        return self.sections[kind]

    def edit_form(self, user, page: Page, **changes):
        """The admin edit form of `page` as `user` sees it, with `changes` applied."""
        self.client.force_login(user)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        self.assertEqual(response.status_code, 200)
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        # StreamFields are drawn by JavaScript, so their fields are not in the HTML.
        data.update(nested_form_data(stream_form_data(page.specific)))
        for name, value in changes.items():
            data[name] = value
        return data

    def post_edit(self, user, page: Page, action: str, **changes):
        data = self.edit_form(user, page, **changes)
        data[action] = action
        return self.client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)

    def workflow_action(self, user, page: Page, action: str = "approve"):
        page.refresh_from_db()
        task_state = page.current_workflow_task_state
        self.client.force_login(user)
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
        return self.client.post(url, {"comment": ""})


class GroupPolicyTests(PortalTestCase):
    """Each group holds exactly the page permissions its job needs, where it needs them."""

    def page_permissions(self, group_name: str) -> set[tuple[str, str]]:
        return {
            (permission.permission.codename, permission.page.specific.title)
            for permission in GroupPagePermission.objects.filter(group__name=group_name)
        }

    def test_editors_add_and_change_everywhere_but_never_publish(self):
        home = self.home.title
        self.assertEqual(
            self.page_permissions(EDITORS), {("add_page", home), ("change_page", home)}
        )

    def test_reviewers_publish_and_lock(self):
        codenames = {codename for codename, _ in self.page_permissions(REVIEWERS)}
        self.assertEqual(
            codenames, {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
        )

    def test_report_tf_works_only_on_the_report_section(self):
        self.assertEqual(
            self.page_permissions(REPORT_TF),
            {("add_page", "가족보고서"), ("change_page", "가족보고서")},
        )

    def test_bloggers_may_only_add_under_the_blog_section(self):
        self.assertEqual(self.page_permissions(BLOGGERS), {("add_page", "가족 블로그단")})

    def test_counselors_get_nothing_but_admin_access_from_the_portal(self):
        # The counseling app adds its own permissions to the group; the portal adds none.
        group = Group.objects.get(name=COUNSELORS)
        outside_counseling = {
            (codename, title)
            for codename, title in self.page_permissions(COUNSELORS)
            if title != "온라인 상담"
        }
        self.assertEqual(outside_counseling, set())
        portal_permissions = group.permissions.exclude(content_type__app_label="counseling")
        self.assertEqual(
            list(portal_permissions.values_list("codename", flat=True)), ["access_admin"]
        )

    def test_rerun_keeps_permissions_other_areas_granted(self):
        counselors = Group.objects.get(name=COUNSELORS)
        extra = Group.objects.get(name=REVIEWERS).permissions.get(codename="change_topic")
        counselors.permissions.add(extra)
        _, _, log = setup_portal()
        self.assertEqual(log.changes, [])
        self.assertIn(extra, counselors.permissions.all())

    def test_workflows_are_attached_where_they_apply(self):
        family_info = self.section(SectionKind.FAMILY_INFO)
        edition = ReportEditionPageFactory(parent=self.section(SectionKind.REPORT))
        self.assertEqual(family_info.get_workflow().name, REVIEW_WORKFLOW)
        self.assertEqual(edition.get_workflow().name, REPORT_WORKFLOW)
        steps = [task.name for task in edition.get_workflow().tasks]
        self.assertEqual(steps, ["보고서 TF 검토", "가족담당관 승인"])


class BloggerTests(PortalTestCase):
    """A blogger writes in the blog section only, edits only their own posts, never publishes."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        blog = cls.sections[SectionKind.BLOG]
        cls.profile = BloggerProfileFactory(user=cls.blogger, display_name="성북 아빠")
        cls.other_profile = BloggerProfileFactory(user=cls.other_blogger, display_name="송파 엄마")
        cls.own_post = BlogPostPageFactory(
            parent=blog, owner=cls.blogger, blogger=cls.profile, live=False
        )
        cls.others_post = BlogPostPageFactory(
            parent=blog, owner=cls.other_blogger, blogger=cls.other_profile
        )
        cls.article = ArticlePageFactory(parent=cls.sections[SectionKind.FAMILY_INFO])

    def test_blogger_edits_own_post_but_cannot_publish_it(self):
        permissions = self.own_post.permissions_for_user(self.blogger)
        self.assertTrue(permissions.can_edit())
        self.assertFalse(permissions.can_publish())

    def test_blogger_cannot_add_pages_outside_the_blog_section(self):
        for kind, section in self.sections.items():
            can_add = section.permissions_for_user(self.blogger).can_add_subpage()
            self.assertEqual(can_add, kind == SectionKind.BLOG, kind)
        self.assertFalse(self.home.permissions_for_user(self.blogger).can_add_subpage())

    def test_blogger_cannot_open_the_add_form_outside_the_blog_section(self):
        self.client.force_login(self.blogger)
        family_info = self.section(SectionKind.FAMILY_INFO)
        url = reverse("wagtailadmin_pages:add", args=("pages", "articlepage", family_info.pk))
        response = self.client.get(url)
        self.assertNotEqual(response.status_code, 200)

    def test_blogger_cannot_edit_pages_outside_the_blog_section(self):
        self.assertFalse(self.article.permissions_for_user(self.blogger).can_edit())
        self.client.force_login(self.blogger)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.article.pk,)))
        self.assertNotEqual(response.status_code, 200)

    def test_blogger_cannot_edit_another_bloggers_post(self):
        self.assertFalse(self.others_post.permissions_for_user(self.blogger).can_edit())
        self.client.force_login(self.blogger)
        url = reverse("wagtailadmin_pages:edit", args=(self.others_post.pk,))
        self.assertNotEqual(self.client.get(url).status_code, 200)

        self.client.post(url, {"title": "남의 글 고치기", "action-publish": "action-publish"})
        self.others_post.refresh_from_db()
        self.assertNotEqual(self.others_post.title, "남의 글 고치기")
        self.assertFalse(self.others_post.revisions.exists())

    def test_publish_button_from_a_blogger_only_saves_a_draft(self):
        response = self.post_edit(
            self.blogger, self.own_post, "action-publish", title="발행하고 싶은 글"
        )
        self.assertEqual(response.status_code, 302)
        self.own_post.refresh_from_db()
        self.assertFalse(self.own_post.live)
        self.assertEqual(self.own_post.get_latest_revision().content["title"], "발행하고 싶은 글")

    def test_blogger_can_only_sign_with_their_own_profile(self):
        form = self.edit_form(self.blogger, self.own_post, blogger=self.other_profile.pk)
        form["action-submit"] = "action-submit"
        url = reverse("wagtailadmin_pages:edit", args=(self.own_post.pk,))
        response = self.client.post(url, form)
        self.assertEqual(response.status_code, 200)  # the form comes back with an error
        self.own_post.refresh_from_db()
        self.assertEqual(self.own_post.blogger, self.profile)
        self.assertFalse(self.own_post.workflow_in_progress)

    def test_editors_may_still_choose_any_blogger(self):
        self.post_edit(self.editor, self.own_post, "action-submit", blogger=self.other_profile.pk)
        self.own_post.refresh_from_db()
        revision = self.own_post.get_latest_revision()
        self.assertEqual(revision.content["blogger"], self.other_profile.pk)

    def test_blogger_writes_a_new_post_and_submits_it_for_review(self):
        blog = self.section(SectionKind.BLOG)
        self.client.force_login(self.blogger)
        url = reverse("wagtailadmin_pages:add", args=("pages", "blogpostpage", blog.pk))
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        data.update(
            nested_form_data(
                {
                    "title": "주말 한강 나들이",
                    "slug": "weekend-hangang",
                    "body": streamfield([("paragraph", rich_text("<p>즐거웠어요.</p>"))]),
                }
            )
        )
        data["action-submit"] = "action-submit"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content[:2000])

        post = BlogPostPage.objects.get(slug="weekend-hangang")
        self.assertEqual(post.owner, self.blogger)
        self.assertEqual(post.blogger, self.profile)  # signed with their profile by default
        self.assertFalse(post.live)
        self.assertTrue(post.workflow_in_progress)
        self.assertEqual(post.current_workflow_state.workflow.name, REVIEW_WORKFLOW)

        self.workflow_action(self.reviewer, post)
        post.refresh_from_db()
        self.assertTrue(post.live)


class ReportApprovalTests(PortalTestCase):
    """A report chapter goes live only after the TF review and then the office's approval."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        edition = ReportEditionPageFactory(parent=cls.sections[SectionKind.REPORT], year=2017)
        cls.chapter = ReportChapterPageFactory(
            parent=edition, chapter_number=1, live=False, owner=cls.tf_member
        )

    def submit_chapter(self):
        response = self.post_edit(
            self.tf_member, self.chapter, "action-submit", title="제1장 서울 가족의 모습"
        )
        self.assertEqual(response.status_code, 302)
        self.chapter.refresh_from_db()
        self.assertTrue(self.chapter.workflow_in_progress)

    def current_step(self) -> str:
        self.chapter.refresh_from_db()
        return self.chapter.current_workflow_task.name

    def test_tf_member_cannot_publish_a_chapter(self):
        self.assertTrue(self.chapter.permissions_for_user(self.tf_member).can_edit())
        self.assertFalse(self.chapter.permissions_for_user(self.tf_member).can_publish())

    def test_chapter_goes_live_only_after_tf_review_then_office_approval(self):
        self.submit_chapter()
        self.assertEqual(self.current_step(), "보고서 TF 검토")

        # The office cannot skip the TF's review.
        self.workflow_action(self.reviewer, self.chapter)
        self.assertEqual(self.current_step(), "보고서 TF 검토")

        self.workflow_action(self.tf_member, self.chapter)
        self.assertEqual(self.current_step(), "가족담당관 승인")
        self.assertFalse(self.chapter.live)

        # The TF cannot give the office's approval itself.
        self.workflow_action(self.tf_member, self.chapter)
        self.assertEqual(self.current_step(), "가족담당관 승인")
        self.assertFalse(self.chapter.live)

        self.workflow_action(self.reviewer, self.chapter)
        chapter = ReportChapterPage.objects.get(pk=self.chapter.pk)
        self.assertTrue(chapter.live)
        self.assertEqual(chapter.title, "제1장 서울 가족의 모습")
        self.assertFalse(chapter.workflow_in_progress)

    def test_changes_requested_by_the_tf_keep_the_chapter_offline(self):
        self.submit_chapter()
        self.workflow_action(self.tf_member, self.chapter, action="reject")
        self.chapter.refresh_from_db()
        self.assertFalse(self.chapter.live)
        self.assertEqual(self.chapter.current_workflow_state.status, "needs_changes")


class PendingEditTests(PortalTestCase):
    """A live page whose edit awaits approval keeps serving its last published revision."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        family_info = cls.sections[SectionKind.FAMILY_INFO]
        cls.article = ArticlePageFactory(
            parent=family_info, title="한부모가족 지원", intro="원래 요약", live=False
        )
        cls.article.save_revision(user=cls.editor).publish(user=cls.reviewer)
        cls.article.refresh_from_db()
        cls.published_revision_id = cls.article.live_revision_id

    def test_editor_cannot_publish(self):
        self.post_edit(self.editor, self.article, "action-publish", title="바로 게시?")
        article = ArticlePage.objects.get(pk=self.article.pk)
        self.assertEqual(article.title, "한부모가족 지원")
        self.assertTrue(article.has_unpublished_changes)

    def test_submitted_edit_does_not_replace_the_live_version(self):
        response = self.post_edit(
            self.editor,
            self.article,
            "action-submit",
            title="한부모가족 지원 (개정)",
            intro="새 요약",
        )
        self.assertEqual(response.status_code, 302)

        article = ArticlePage.objects.get(pk=self.article.pk)
        self.assertTrue(article.workflow_in_progress)
        self.assertTrue(article.live)
        self.assertEqual(article.live_revision_id, self.published_revision_id)
        self.assertEqual((article.title, article.intro), ("한부모가족 지원", "원래 요약"))
        self.assertEqual(article.get_latest_revision_as_object().title, "한부모가족 지원 (개정)")

        served = self.client.get(f"/api/v2/pages/{article.pk}/").json()
        self.assertEqual((served["title"], served["intro"]), ("한부모가족 지원", "원래 요약"))

    def test_approval_publishes_the_submitted_edit(self):
        self.post_edit(self.editor, self.article, "action-submit", title="한부모가족 지원 (개정)")
        self.workflow_action(self.reviewer, self.article)
        article = ArticlePage.objects.get(pk=self.article.pk)
        self.assertEqual(article.title, "한부모가족 지원 (개정)")
        self.assertNotEqual(article.live_revision_id, self.published_revision_id)
