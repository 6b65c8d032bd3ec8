"""Admin screens of releases: the list, the add/edit form, the release's own screen (its
pages, previews, actions and history) and the actions, each a POST that takes one step."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ModelLogEntry

from . import publishing
from .models import ACTIVE, EDITABLE, Release, ReleaseStatus

APPROVE_PERMISSION = "releases.approve_release"


class ReleaseForm(WagtailAdminModelForm):
    """The release's name, time and pages; a page is named once, the time is ahead."""

    def clean_go_live_at(self):
        go_live_at = self.cleaned_data.get("go_live_at")
        if go_live_at is not None and go_live_at <= timezone.now():
            raise ValidationError("게시 예정 일시는 지금보다 뒤여야 합니다.")
        return go_live_at

    def clean(self):
        cleaned = super().clean()
        seen: set[int] = set()
        for form in self.formsets["items"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            page = form.cleaned_data.get("page")
            if page is None:
                continue
            if page.pk in seen:
                form.add_error("page", f"'{page.title}' 페이지는 이미 이 릴리스에 있습니다.")
            seen.add(page.pk)
        return cleaned


Release.base_form_class = ReleaseForm


def may_approve(user) -> bool:
    return user.has_perm(APPROVE_PERMISSION)


def may_cancel(user, release: Release) -> bool:
    if release.status == ReleaseStatus.SCHEDULED:
        return may_approve(user)
    return release.status in (*EDITABLE, ReleaseStatus.IN_REVIEW) and user.has_perm(
        "releases.change_release"
    )


class ReleaseIndexView(generic.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("created_by")
        return queryset.annotate(page_count=Count("items"))

    def get_edit_url(self, instance):
        return None  # the title opens the release's own screen, where its actions are


class ReleaseEditView(generic.EditView):
    def dispatch(self, request, *args, **kwargs):
        release = self.get_object()
        if not release.is_editable:
            messages.error(
                request,
                f"'{release.get_status_display()}' 상태의 릴리스는 고칠 수 없습니다. "
                "반려되면 고칠 수 있고, 필요 없으면 취소하세요.",
            )
            return redirect(release_viewset.get_url_name("inspect"), release.pk)
        return super().dispatch(request, *args, **kwargs)


class ReleaseCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def get_success_url(self):
        return reverse(release_viewset.get_url_name("inspect"), args=[self.object.pk])


class ReleaseDetailView(generic.InspectView):
    """The release's own screen: its pages as they will go live, its actions, who did what."""

    template_name = "releases/release_detail.html"
    page_title = "릴리스"

    def get_page_subtitle(self):
        return str(self.object)

    def get_edit_url(self):
        if self.object.is_editable:
            return super().get_edit_url()
        return None

    def get_delete_url(self):
        return None  # releases are cancelled, not deleted: their history stays

    @cached_property
    def items(self):
        return list(
            self.object.items.select_related("page", "revision", "revision__user").order_by(
                "page__path"
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release: Release = self.object
        user = self.request.user
        context.update(
            release=release,
            items=self.items,
            rows=[self.row(item) for item in self.items],
            may_submit=release.is_editable and user.has_perm("releases.change_release"),
            may_review=release.status == ReleaseStatus.IN_REVIEW and may_approve(user),
            may_cancel=may_cancel(user, release),
            preview_url=reverse(release_viewset.get_url_name("preview"), args=[release.pk]),
            history_url=reverse(release_viewset.get_url_name("history"), args=[release.pk]),
            log_entries=ModelLogEntry.objects.for_instance(release)
            .select_related("user")
            .order_by("-timestamp", "-pk")[:20],
            action_urls={
                name: reverse(release_viewset.get_url_name(name), args=[release.pk])
                for name in ("submit", "approve", "reject", "cancel")
            },
        )
        return context

    def row(self, item) -> dict:
        page = item.page
        latest = page.latest_revision_id
        changed = item.revision_id is not None and latest != item.revision_id
        return {
            "item": item,
            "page": page,
            "type": page.specific_class._meta.verbose_name if page.specific_class else "",
            "state": "게시 중" if page.live else "초안 (게시 전)",
            "changed_since_pin": changed and self.object.status in ACTIVE,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        }


class ReleasePreviewView(ReleaseDetailView):
    """Every page of the release as it will go live: the frontend's preview of each page's
    revision (pinned, or the latest while a draft) and the API JSON headless clients get."""

    template_name = "releases/release_preview.html"
    page_title = "릴리스 미리보기"

    def get_context_data(self, **kwargs):
        from .previews import preview_links

        context = super().get_context_data(**kwargs)
        context["previews"] = preview_links(self.request, self.items)
        return context


class ReleaseViewSet(ModelViewSet):
    model = Release
    icon = "calendar-check"
    menu_label = "릴리스 (동시 게시)"
    add_to_admin_menu = True
    menu_order = 250
    list_display = [
        "title",
        StatusTagColumn(
            "status",
            label="상태",
            accessor="get_status_display",
            primary=lambda release: release.status in ACTIVE,
            classname="release-status-cell",
        ),
        "go_live_at",
        Column("pages", label="페이지 수", accessor="page_count"),
        "created_by",
    ]
    list_filter = ["status"]
    search_fields = ["title", "description"]
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = ReleaseIndexView
    add_view_class = ReleaseCreateView
    edit_view_class = ReleaseEditView
    inspect_view_class = ReleaseDetailView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("preview/<int:pk>/", self.preview_view, name="preview"),
            path("submit/<int:pk>/", step_view(submit_step), name="submit"),
            path("approve/<int:pk>/", step_view(approve_step), name="approve"),
            path("reject/<int:pk>/", step_view(reject_step), name="reject"),
            path("cancel/<int:pk>/", step_view(cancel_step), name="cancel"),
        ]

    @property
    def preview_view(self):
        return self.construct_view(
            ReleasePreviewView,
            **self.get_inspect_view_kwargs(template_name=ReleasePreviewView.template_name),
        )


release_viewset = ReleaseViewSet("releases")


# Steps ----------------------------------------------------------------------------------------


def submit_step(request: HttpRequest, release: Release) -> str:
    if not (release.is_editable and request.user.has_perm("releases.change_release")):
        raise PermissionDenied
    publishing.submit(release, request.user)
    return "승인 요청을 보냈습니다. 검토자가 승인하면 게시 예정 일시에 함께 게시됩니다."


def approve_step(request: HttpRequest, release: Release) -> str:
    if not may_approve(request.user):
        raise PermissionDenied
    publishing.approve(release, request.user)
    when = release.go_live_at.astimezone().strftime("%Y-%m-%d %H:%M") if release.go_live_at else ""
    return f"승인했습니다. {when}에 페이지 {len(release.items.all())}개가 함께 게시됩니다."


def reject_step(request: HttpRequest, release: Release) -> str:
    if not may_approve(request.user):
        raise PermissionDenied
    publishing.reject(release, request.user, request.POST.get("comment", "").strip()[:1000])
    return "반려했습니다. 릴리스가 초안으로 돌아갔습니다."


def cancel_step(request: HttpRequest, release: Release) -> str:
    if not may_cancel(request.user, release):
        raise PermissionDenied
    publishing.cancel(release, request.user)
    return "릴리스를 취소했습니다. 페이지는 하나도 바뀌지 않았습니다."


def step_view(step):
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        release = get_object_or_404(Release, pk=pk)
        try:
            messages.success(request, step(request, release))
        except publishing.ReleaseError as error:
            messages.error(request, str(error))
        return redirect(release_viewset.get_url_name("inspect"), pk)

    return view
