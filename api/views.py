"""Endpoints of the content API: pages, images, documents, navigation, redirects, sync, preview."""

import functools
from dataclasses import asdict
from typing import TYPE_CHECKING

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db.models import Q, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.test import RequestFactory
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.schemas.inspectors import ViewInspector
from rest_framework.views import APIView
from wagtail.api.v2.filters import LocaleFilter, SearchFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, Site
from wagtail_headless_preview.models import PagePreview

from content import dependencies
from content.caching import (
    ConditionalPublicMixin,
    depend_on,
    midnight_timestamp,
    not_cacheable,
)
from content.errors import api_exception_response, error_response
from content.locales import (
    content_languages,
    default_language,
    language_of_path,
    requested_language,
    without_prefix,
)
from content.pageindex import get_page_index, site_page_index
from content.paths import normalise_path
from content.text import normalise_text
from content.versioning import current_version
from content.visibility import public_pages, used_by_public_pages
from pages.accessibility import ERROR, WARNING, check_page

from .filters import FILTER_PARAMETERS, KoreanSearchFilter, PortalFilter
from .pagination import PortalPagination, keyset_applies, make_after
from .prefetch import optimize_queryset, prepare_pages
from .representation import Resolver, get_resolver
from .representations import (
    DETAIL,
    listing_is_detail,
    shape_of,
    stored_detail_body,
    stored_details,
    stored_representations,
    without_detail_only_fields,
)
from .richtext import rewrite_rich_text_in
from .serializers import (
    BreadcrumbsField,
    FrontendUrlField,
    ImageAltField,
    ImageRenditionsField,
    LicenceField,
    PagePathField,
    ParentField,
    ParentIdField,
    SeoField,
    TagNamesField,
    TranslationsField,
)
from .sync import SyncCursorError, last_changed_timestamp, public_pages_by_id, sync_batch

if TYPE_CHECKING:
    _APIViewMixin = APIView  # what PortalAPIMixin extends, for the type checker
else:
    _APIViewMixin = object


class PortalPageSerializer(PageSerializer):
    """Stock page serializer plus `meta.path`, `meta.parent_id`, breadcrumbs, SEO and licence.

    `meta.html_url` is the page's address on the frontend (`FRONTEND_BASE_URL`).
    """

    path = PagePathField()
    html_url = FrontendUrlField()
    parent_id = ParentIdField()
    parent = ParentField()
    breadcrumbs = BreadcrumbsField()
    seo = SeoField()
    licence = LicenceField()
    translations = TranslationsField()


class PortalAPIMixin(_APIViewMixin):
    """JSON only, anonymous only (no session, so responses are the same for everyone)."""

    renderer_classes = [JSONRenderer]
    pagination_class = PortalPagination
    authentication_classes = []
    permission_classes = [AllowAny]
    schema: ViewInspector | None = None  # documented by api.schema instead

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # `?locale=` picks the language tree every page lookup of this request reads.
        use_language(request, requested_language(request))

    def handle_exception(self, exc):
        response = api_exception_response(exc)
        if response is None:
            return super().handle_exception(exc)
        return response

    @property
    def resolver(self) -> Resolver:
        return get_resolver({"request": self.request})


class PortalPagesAPIViewSet(PortalAPIMixin, ConditionalPublicMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint over live, public pages, with the portal's fields and filters."""

    base_serializer_class = PortalPageSerializer
    filter_backends = [
        PortalFilter,
        # `?search=` and `?locale=` are the portal's (Korean analysis; the one vocabulary).
        *(
            backend
            for backend in PagesAPIViewSet.filter_backends
            if backend not in (SearchFilter, LocaleFilter)
        ),
        KoreanSearchFilter,
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        FILTER_PARAMETERS, ["after"]
    ).difference(["rich_text_format", "site", "search_operator"])
    keyset_pagination = True
    meta_fields = [*PagesAPIViewSet.meta_fields, "path", "parent_id", "translations"]
    body_fields = [*PagesAPIViewSet.body_fields, "breadcrumbs", "seo", "licence"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "path"]

    def get_base_queryset(self):
        return public_pages(self.resolver.index)

    def resolve_rich_text_format(self):
        # Only stored HTML, which the API rewrites; Wagtail's expanded HTML would link drafts.
        return "db_html"

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["resolver"] = self.resolver
        return context

    _cached_object: Page

    def get_object(self):
        if hasattr(self, "_cached_object"):
            return self._cached_object
        indexed = self.resolver.index.get(int(self.kwargs["pk"]))
        model = (
            ContentType.objects.get_for_id(indexed.content_type_id).model_class()
            if indexed
            else None
        )
        queryset = model._default_manager.filter(pk=indexed.id) if model and indexed else None
        page = optimize_queryset(queryset).first() if queryset is not None else None
        if page is None:
            raise Http404
        self._cached_object = page
        return page

    def dependency_keys(self, request, kwargs) -> list[str]:
        """A detail depends on its page; a listing on the set it lists (its narrowest known
        superset: the parent's children, the type's pages, or all pages) and its items."""
        if "pk" in kwargs:
            return [dependencies.page_key(kwargs["pk"])] if str(kwargs["pk"]).isdigit() else []
        child_of, page_type = request.GET.get("child_of", ""), request.GET.get("type", "")
        if child_of.isdigit():
            return [dependencies.LISTINGS, dependencies.children_key(int(child_of))]
        if page_type and "," not in page_type:
            return [dependencies.LISTINGS, dependencies.type_key(page_type)]
        return [dependencies.LISTINGS, dependencies.PAGES]

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        of_one_type = self.pages_of_one_type(request)
        if of_one_type is not None:
            # The public pages of one type in tree order are in the page index already: no
            # count or ordering over the whole site, however large it grows.
            window = self.paginator.paginate_in_tree_order(of_one_type, request, view=self)
            page_ids = [page.id for page in window]
        else:
            queryset = self.filter_queryset(queryset)
            if request.GET.get("order") == "random":
                not_cacheable(request)
            if not hasattr(queryset, "select_related"):  # search results: not stored per page
                not_cacheable(request)  # they follow the search index, not content events
                pages = list(self.paginate_queryset(queryset))
                return self.get_paginated_response(self.serialise(pages))
            # Ids first; only pages missing from the stored representations are loaded.
            page_ids = list(self.paginate_queryset(queryset.values_list("pk", flat=True)))
        depend_on(request, [dependencies.page_key(page_id) for page_id in page_ids])

        def serialise(missing: list[int]) -> list[tuple[int | None, dict]]:
            return self.serialise_with_revisions(
                list(optimize_queryset(queryset.filter(pk__in=missing)))
            )

        if listing_is_detail(request):
            # The details the publishes stored; pages without one (a deploy not yet followed by
            # `build_representations`) in this listing's own shape, built (in constant queries)
            # and kept as a listing does.
            details = stored_details(page_ids)
            missing = [page_id for page_id in page_ids if page_id not in details]
            shape = shape_of(request, "listing")
            found = {
                item["id"]: item
                for item in stored_representations(request, shape, missing, serialise)
            }
            items = [
                without_detail_only_fields(details[page_id], self.detail_only_fields)
                if page_id in details
                else found[page_id]
                for page_id in page_ids
                if page_id in details or page_id in found
            ]
        else:
            shape = shape_of(request, "listing")
            items = stored_representations(request, shape, page_ids, serialise)
        response = self.get_paginated_response(items)
        self.link_next(request, response, page_ids)
        return response

    def pages_of_one_type(self, request) -> list | None:
        """A listing of one page type in the default order, filtered by nothing else: its
        pages from the page index (the API's page set), else None."""
        if not set(request.GET) <= ONE_TYPE_LISTING_PARAMETERS:
            return None
        page_type = request.GET.get("type", "")
        if not page_type or "," in page_type:
            return None
        try:
            (model,) = page_models_from_string(page_type)
        except (LookupError, ValueError):
            return None  # the usual path answers the 400
        return self.resolver.index.of_types(content_types_of(model))

    def link_next(self, request, response, page_ids: list[int]) -> None:
        """`Link: rel="next"` with an `after` cursor, when pages follow in the default order."""
        if not page_ids or not keyset_applies(request):
            return
        if len(page_ids) < self.paginator.limit:
            return
        last = self.resolver.index.get(page_ids[-1])
        if last is None:
            return
        query = request.GET.copy()
        query.pop("offset", None)
        query["after"] = make_after(last.tree_path)
        response["Link"] = f'<{request.path}?{query.urlencode()}>; rel="next"'

    def detail_view(self, request, pk):
        asked = requested_language(request)
        page_id = int(pk)
        own = language_of_page(request, page_id)
        if own is None:
            raise Http404
        if asked is not None and asked != own:
            translation = translation_in(request, page_id, asked)
            if translation is not None:
                return redirect(localised_detail_url(request, translation))
        use_language(request, own)
        indexed = self.resolver.index.get(page_id)
        if indexed is None:
            raise Http404
        shape = shape_of(request, "detail")
        if shape == DETAIL and (asked is None or asked == own):
            # The first read after a publish: the JSON stored at publishing, sent as it is.
            body = stored_detail_body(indexed.id)
            if body is not None:
                return HttpResponse(body, content_type="application/json")
        if shape == DETAIL:
            items = detail_representations(request, [indexed.id])
        else:
            items = stored_representations(
                request,
                shape,
                [indexed.id],
                lambda _: self.serialise_with_revisions([self.get_object()]),
            )
        if not items:
            raise Http404
        return Response(with_fallback(items[0], asked))

    def serialise(self, pages: list) -> list[dict]:
        """Pages as the API shows them: related objects preloaded, rich text rewritten once."""
        prepare_pages(pages, self.resolver)
        serializer = self.get_serializer(pages, many=True)
        return rewrite_rich_text_in(serializer.data, self.resolver)

    def serialise_with_revisions(self, pages: list) -> list[tuple[int | None, dict]]:
        return list(zip(revision_ids(pages), self.serialise(pages), strict=True))

    def find_view(self, request):
        if "html_path" not in request.GET:
            if not request.GET.get("id", "").isdigit():
                raise BadRequestError("html_path 또는 숫자 id가 필요합니다.")
            return super().find_view(request)
        path = normalise_path(request.GET["html_path"])
        # `/vi/…` is the Vietnamese tree; a path no translation has yet falls back to Korean.
        language = language_of_path(path)
        indexed = get_page_index(request, language).by_path.get(path)
        if indexed is None and language != default_language():
            indexed = get_page_index(request, default_language()).by_path.get(without_prefix(path))
        if indexed is None:
            return find_miss_response(request, path)
        url = get_object_detail_url(request.wagtailapi_router, request, Page, indexed.id)
        query = request.GET.copy()
        query.pop("html_path")
        if language != default_language():
            query["locale"] = language
        return redirect(f"{url}?{query.urlencode()}" if query else url)


def use_language(request, language: str | None) -> None:
    """Page lookups of this request read `language`'s tree (before any resolver is made)."""
    django_request = getattr(request, "_request", request)
    django_request._api_language = language or default_language()
    for name in ("_api_resolver",):
        django_request.__dict__.pop(name, None)
        if django_request is not request:
            request.__dict__.pop(name, None)


def language_of_page(request, page_id: int) -> str | None:
    """The language tree a public page belongs to, None if the public cannot see it. The
    Korean index answers without a query; only pages of other trees cost one."""
    if page_id in get_page_index(request, default_language()):
        return default_language()
    code = Page.objects.filter(pk=page_id).values_list("locale__language_code", flat=True).first()
    if code is None or code not in content_languages():
        return None
    return code if page_id in get_page_index(request, code) else None


def translation_in(request, page_id: int, language: str) -> int | None:
    """The id of the public translation of page `page_id` into `language`, if there is one."""
    translation_key = Page.objects.filter(pk=page_id).values_list("translation_key", flat=True)
    candidates = Page.objects.filter(
        translation_key__in=translation_key, locale__language_code=language
    ).values_list("pk", flat=True)
    index = get_page_index(request, language)
    return next((pk for pk in candidates if pk in index), None)


def localised_detail_url(request, page_id: int) -> str:
    url = get_object_detail_url(request.wagtailapi_router, request, Page, page_id)
    return f"{url}?{request.GET.urlencode()}"


# What a listing of one type may carry and still be read from the page index.
ONE_TYPE_LISTING_PARAMETERS = frozenset({"type", "fields", "limit", "offset", "after", "locale"})


def content_types_of(model) -> frozenset[int]:
    """The content types of `model` and its subclasses (what `?type=` lists)."""
    return frozenset(
        ContentType.objects.get_for_model(candidate).id for candidate in _with_subclasses(model)
    )


@functools.cache
def _with_subclasses(model) -> tuple:
    return tuple(candidate for candidate in apps.get_models() if issubclass(candidate, model))


def with_fallback(item: dict, asked: str | None) -> dict:
    """The item, saying so when it answers in another language than the one asked for: its
    `meta.locale` stays the language its text is in, `meta.fallback_from` names the asked one."""
    shown = item.get("meta", {}).get("locale")
    if asked is None or shown is None or shown == asked:
        return item
    return {**item, "meta": {**item["meta"], "fallback_from": asked}}


def redirect_target(redirect_obj: Redirect, resolver: Resolver) -> str | None:
    """Where a redirect points, or None if its page is not public."""
    if redirect_obj.redirect_page_id:
        page = resolver.page(redirect_obj.redirect_page_id)
        return page["path"] if page else None
    return redirect_obj.redirect_link or None


def redirect_json(redirect_obj: Redirect, location: str) -> dict:
    return {
        "old_path": redirect_obj.old_path,
        "location": location,
        "is_permanent": redirect_obj.is_permanent,
    }


def site_redirects(request):
    site = Site.find_for_request(request)
    return Redirect.get_for_site(site).filter(Q(redirect_page__isnull=False) | ~Q(redirect_link=""))


def find_miss_response(request, path: str) -> Response:
    """404 for an unknown path, naming the redirect to follow if one exists."""
    resolver = get_resolver({"request": request})
    candidate = site_redirects(request).filter(old_path=Redirect.normalise_path(path)).first()
    location = redirect_target(candidate, resolver) if candidate else None
    if location is None:
        return error_response("not_found", "이 주소의 페이지가 없습니다.", 404)
    return error_response(
        "redirected",
        "페이지 주소가 바뀌었습니다. redirect의 location으로 이동하세요.",
        404,
        redirect=redirect_json(candidate, location),
    )


class PortalImageSerializer(ImageSerializer):
    """Stock image serializer plus `alt` and the API renditions (320/640/1280)."""

    alt = ImageAltField()
    renditions = ImageRenditionsField()
    tags = TagNamesField()


class PortalImagesAPIViewSet(PortalAPIMixin, ConditionalPublicMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint over the images public pages use, with alt text and
    renditions."""

    base_serializer_class = PortalImageSerializer
    # The images public pages use: any page change may add or drop one.
    depends_on = (dependencies.LISTINGS, dependencies.PAGES, dependencies.IMAGES)
    # As on pages: Wagtail's search_operator answers 500 for any value but and/or.
    # `?search=` with the citizens' Korean analysis: text with no searchable word finds nothing.
    filter_backends = [
        *(backend for backend in ImagesAPIViewSet.filter_backends if backend is not SearchFilter),
        KoreanSearchFilter,
    ]
    known_query_parameters = ImagesAPIViewSet.known_query_parameters.difference(
        ["search_operator", "rich_text_format"]
    )
    body_fields = [*ImagesAPIViewSet.body_fields, "alt", "renditions"]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, "renditions"]

    def get_queryset(self):
        return used_by_public_pages(super().get_queryset(), self.resolver.index)

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        if isinstance(queryset, QuerySet):  # search results prefetch nothing
            queryset = queryset.prefetch_related("tags")
        images = list(self.paginate_queryset(queryset))
        self.resolver.preload_images(images)
        return self.get_paginated_response(self.get_serializer(images, many=True).data)


class PortalDocumentsAPIViewSet(PortalAPIMixin, ConditionalPublicMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint over the documents public pages use."""

    depends_on = (dependencies.LISTINGS, dependencies.PAGES, dependencies.DOCUMENTS)

    # As on pages: Wagtail's search_operator answers 500 for any value but and/or.
    filter_backends = PortalImagesAPIViewSet.filter_backends
    known_query_parameters = DocumentsAPIViewSet.known_query_parameters.difference(
        ["search_operator", "rich_text_format"]
    )

    def get_queryset(self):
        return used_by_public_pages(super().get_queryset(), self.resolver.index)


class PortalAPIView(PortalAPIMixin, ConditionalPublicMixin, APIView):
    """A custom endpoint of anonymous, cacheable content."""


class NavigationAPIView(PortalAPIView):
    """`/api/v2/navigation/`: the home page's in-menu sections and their in-menu children."""

    def get(self, request):
        index = self.resolver.index
        meta = {"locale": index.language}
        if index.root is None and index.language != default_language():
            # No home page in this language yet: the Korean menu, saying so.
            use_language(request, default_language())
            index = self.resolver.index
            meta = {"locale": index.language, "fallback_from": meta["locale"]}
        if index.root is None:
            return Response({"meta": meta, "items": []})

        def node(page, depth: int) -> dict:
            children = [child for child in index.children_of(page) if child.show_in_menus]
            item = {"id": page.id, "title": page.title, "path": page.path}
            item["children"] = [node(child, depth - 1) for child in children] if depth else []
            return item

        sections = [page for page in index.children_of(index.root) if page.show_in_menus]
        return Response({"meta": meta, "items": [node(section, depth=1) for section in sections]})


class RedirectsAPIView(PortalAPIView):
    """`/api/v2/redirects/`: every redirect, or `?path=/old/` for one (404 if none)."""

    depends_on = (dependencies.LISTINGS, dependencies.PAGES, dependencies.REDIRECTS)

    def get(self, request):
        redirects = site_redirects(request).order_by("old_path")
        if "path" in request.GET:
            old_path = Redirect.normalise_path(normalise_text(request.GET["path"]))
            redirects = redirects.filter(old_path=old_path)
        items = []
        for redirect_obj in redirects:
            location = redirect_target(redirect_obj, self.resolver)
            if location is not None:
                items.append(redirect_json(redirect_obj, location))
        if "path" in request.GET:
            if not items:
                return error_response("not_found", "이 주소에 대한 리디렉션이 없습니다.", 404)
            return Response(items[0])
        return Response({"meta": {"total_count": len(items)}, "items": items})


def page_detail_data(request, pages, view) -> list[dict]:
    """Full detail representations of pages of any types, in the given order."""
    resolver = get_resolver({"request": request})
    prepare_pages(pages, resolver)
    context = {
        "request": request,
        "view": view,
        "router": request.wagtailapi_router,
        "resolver": resolver,
        "_wagtail_rich_text_format": "db_html",
    }
    serializer_classes = {}
    data = []
    for page in pages:
        model = type(page)
        if model not in serializer_classes:
            serializer_classes[model] = PortalPagesAPIViewSet._get_serializer_class(
                request.wagtailapi_router, model, [], show_details=True
            )
        data.append(serializer_classes[model](page, context=context).data)
    return rewrite_rich_text_in(data, resolver)


def revision_ids(pages) -> list[int | None]:
    return [page.live_revision_id for page in pages]


class _TypeRecorder:
    """What the serializers' `type` field writes to (`view.seen_types`) outside a view."""

    def __init__(self):
        self.seen_types = {}


def detail_representations(request, page_ids: list[int]) -> list[dict]:
    """The detail representations of the public pages among `page_ids`, in order: the stored
    ones, the rest built (only these pages) and stored. Detail, sync and the publishing task
    share it, so all three show the same JSON."""

    def build(missing: list[int]) -> list[tuple[int | None, dict]]:
        pages = public_pages_by_id(request, missing)
        data = page_detail_data(request, pages, _TypeRecorder())
        return list(zip(revision_ids(pages), data, strict=True))

    return stored_representations(request, DETAIL, page_ids, build)


def build_detail_representations(page_ids: list[int]) -> int:
    """Store the detail representations of the public pages among `page_ids`, as a request
    for their site would (the publishing task's work); how many were stored or current."""
    from .router import api_router

    url_paths = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "url_path"))
    stored = 0
    for root in Site.get_site_root_paths():
        ids = [pk for pk, url_path in url_paths.items() if url_path.startswith(root.root_path)]
        if not ids:
            continue
        site = Site.objects.filter(pk=root.site_id).select_related("root_page").first()
        if site is None:  # removed since the site root paths were cached
            continue
        request = RequestFactory().get("/api/v2/pages/")
        # What Wagtail's router and the page index middleware put on a real request.
        request.wagtailapi_router = api_router  # type: ignore[attr-defined]
        use_language(request, root.language_code)
        request._api_page_indexes = {  # type: ignore[attr-defined]
            root.language_code: site_page_index(site, current_version(request), root.language_code)
        }
        stored += len(detail_representations(request, ids))
        url_paths = {pk: path for pk, path in url_paths.items() if pk not in ids}
    return stored


class SyncAPIView(PortalAPIView):
    """`/api/v2/sync/?since=<cursor>`: changed pages in full, tombstones and the next cursor."""

    seen_types: dict = {}
    # The same cursor answers differently as fresh changes settle: a 304 must mean "same body".
    etag_from_body = True

    def last_modified(self, request) -> int:
        return last_changed_timestamp(request, midnight_timestamp())

    def get(self, request):
        self.seen_types = {}
        default, maximum = settings.API_SYNC_LIMIT_DEFAULT, settings.API_SYNC_LIMIT_MAX
        try:
            limit = int(request.GET.get("limit", default))
        except ValueError:
            limit = -1
        if not 1 <= limit <= maximum:
            raise BadRequestError(f"limit은 1에서 {maximum} 사이의 정수여야 합니다.")
        try:
            batch = sync_batch(request, request.GET.get("since"), limit)
        except SyncCursorError as error:
            raise BadRequestError(str(error)) from error
        return Response(
            {
                "items": detail_representations(request, batch.page_ids),
                "deleted": batch.deleted_ids,
                "next_cursor": batch.next_cursor,
                "has_more": batch.has_more,
            }
        )


class PreviewRefused(exceptions.APIException):
    """A preview link that cannot be honoured, answered in the one error envelope."""

    def __init__(self, code: str, message: str, status_code: int):
        super().__init__(message, code)
        self.default_code = code
        self.status_code = status_code


def previewed_page(request) -> Page:
    """The draft behind `?content_type=…&token=…`, the link the admin's preview hands the
    frontend; the signed token is the only key, as for wagtail-headless-preview itself."""
    content_type_label = request.GET.get("content_type", "")
    token = request.GET.get("token", "")
    if not content_type_label or not token:
        raise BadRequestError("content_type과 token이 모두 필요합니다.")
    model = preview_page_model(content_type_label)
    try:
        model.get_preview_signer().unsign(token, max_age=settings.API_PREVIEW_TOKEN_MAX_AGE)
    except signing.SignatureExpired as error:
        raise PreviewRefused(
            "preview_expired", "미리보기 링크가 만료되었습니다. 다시 미리보기를 여세요.", 400
        ) from error
    except signing.BadSignature as error:
        raise PreviewRefused("invalid_token", "미리보기 토큰이 올바르지 않습니다.", 400) from error
    preview = PagePreview.objects.filter(
        content_type=ContentType.objects.get_for_model(model), token=token
    ).first()
    if preview is None:
        raise PreviewRefused("not_found", "미리보기를 찾을 수 없습니다.", 404)
    return preview.as_page()


class PagePreviewAPIView(PortalAPIMixin, APIView):
    """`/api/v2/page_preview/?content_type=pages.articlepage&token=…`: a draft, never cached."""

    seen_types: dict = {}

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    def get(self, request):
        self.seen_types = {}
        return Response(page_detail_data(request, [previewed_page(request)], self)[0])


class PagePreviewAccessibilityAPIView(PortalAPIMixin, APIView):
    """`/api/v2/page_preview/accessibility/?content_type=…&token=…`: the KWCAG findings of the
    previewed draft, from the same checks the editor's submit runs (pages.accessibility).

    Example: `{"errors": 1, "warnings": 0, "findings": [{"severity": "error", "field":
    "body", "message": "본문: 이미지의 대체 텍스트가 없거나 파일 이름입니다. …"}]}`"""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    def get(self, request):
        findings = check_page(previewed_page(request))
        return Response(
            {
                "errors": sum(finding.severity == ERROR for finding in findings),
                "warnings": sum(finding.severity == WARNING for finding in findings),
                "findings": [asdict(finding) for finding in findings],
            }
        )


def preview_page_model(label: str) -> type[Page]:
    app_label, _, model_name = label.partition(".")
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
    except ContentType.DoesNotExist as error:
        raise BadRequestError(f"알 수 없는 페이지 유형입니다: '{label}'") from error
    model = content_type.model_class()
    if model is None or not issubclass(model, Page) or not hasattr(model, "get_preview_signer"):
        raise BadRequestError(f"알 수 없는 페이지 유형입니다: '{label}'")
    return model
