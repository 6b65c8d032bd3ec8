"""A compact index of the live, public pages of a site, cached per content version.

Paths, breadcrumbs, parents, navigation, internal links and `find` all read this
index, so they cost no query per item and can never point at a private page.
"""

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from django.core.cache import cache
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath

from .paths import html_path
from .versioning import current_version


@dataclass(frozen=True, slots=True)
class IndexedPage:
    id: int
    title: str
    path: str
    tree_path: str
    depth: int
    content_type_id: int
    show_in_menus: bool
    seo_title: str
    search_description: str


class PublicPageIndex:
    """Live pages of one site that anonymous visitors may see, by id, tree path and URL path."""

    def __init__(self, pages: list[IndexedPage], root_url_path: str = "/", private_paths=()):
        self.pages = pages
        self.root_url_path = root_url_path
        # Tree paths of pages with view restrictions: they and their descendants are private.
        self.private_paths = tuple(private_paths)
        self.by_id = {page.id: page for page in pages}
        self.by_tree_path = {page.tree_path: page for page in pages}
        self.by_path = {page.path: page for page in pages}

    def __contains__(self, page_id: object) -> bool:
        return page_id in self.by_id

    def get(self, page_id: int | None) -> IndexedPage | None:
        return self.by_id.get(page_id)

    def parent_of(self, page: IndexedPage) -> IndexedPage | None:
        return self.by_tree_path.get(page.tree_path[: -Page.steplen])

    def ancestors_of(self, page: IndexedPage) -> list[IndexedPage]:
        """Public ancestors within the site, the site's home page first."""
        prefixes = (
            page.tree_path[:end] for end in range(Page.steplen, len(page.tree_path), Page.steplen)
        )
        return [self.by_tree_path[prefix] for prefix in prefixes if prefix in self.by_tree_path]

    def children_of(self, page: IndexedPage) -> list[IndexedPage]:
        return self.children_by_parent_path.get(page.tree_path, [])

    @cached_property
    def children_by_parent_path(self) -> dict[str, list[IndexedPage]]:
        children: dict[str, list[IndexedPage]] = {}
        for page in self.pages:
            children.setdefault(page.tree_path[: -Page.steplen], []).append(page)
        return children

    @property
    def root(self) -> IndexedPage | None:
        """The site's home page, if it is live and public."""
        return self.by_path.get("/")


def build_page_index(root_url_path: str) -> PublicPageIndex:
    from .visibility import private_tree_paths, public_pages_under

    private_paths = private_tree_paths()
    root = Page.objects.filter(url_path=root_url_path).values_list("path", flat=True).first()
    if root is None:
        return PublicPageIndex([], root_url_path=root_url_path)
    pages = public_pages_under(root, private_paths)
    rows = pages.order_by("path").values_list(
        "id",
        "title",
        "url_path",
        "path",
        "depth",
        "content_type_id",
        "show_in_menus",
        "seo_title",
        "search_description",
    )
    return PublicPageIndex(
        [
            IndexedPage(
                id=page_id,
                title=title,
                path=html_path(url_path, root_url_path),
                tree_path=tree_path,
                depth=depth,
                content_type_id=content_type_id,
                show_in_menus=show_in_menus,
                seo_title=seo_title,
                search_description=search_description,
            )
            for (
                page_id,
                title,
                url_path,
                tree_path,
                depth,
                content_type_id,
                show_in_menus,
                seo_title,
                search_description,
            ) in rows
        ],
        root_url_path=root_url_path,
        private_paths=private_paths,
    )


def site_root_for_request(request) -> SiteRootPath | None:
    """The request's site from Wagtail's cached site root paths (no query once cached)."""
    root_paths = Site.get_site_root_paths()
    if len(root_paths) <= 1:
        return root_paths[0] if root_paths else None
    host = request.get_host().split(":")[0]
    for root_path in root_paths:
        if urlsplit(root_path.root_url).hostname == host:
            return root_path
    site = Site.find_for_request(request)
    return next((path for path in root_paths if site and path.site_id == site.pk), None)


_process_indexes: dict[str, PublicPageIndex] = {}
_process_keys: dict[int, str] = {}


def get_page_index(request) -> PublicPageIndex:
    """The public page index of the request's site, built once per content version."""
    if hasattr(request, "_api_page_index"):
        return request._api_page_index
    site_root = site_root_for_request(request)
    if site_root is None:
        index = PublicPageIndex([])
    else:
        key = f"api:page-index:{site_root.site_id}:{current_version(request).key}"
        index = _process_indexes.get(key) or cache.get(key)
        if index is None:
            index = build_page_index(site_root.root_path)
            cache.set(key, index, timeout=60 * 60)
        # Unpickling thousands of pages per request costs more than the query it saves:
        # each process keeps the current index of each site in memory as well.
        _process_indexes.pop(_process_keys.get(site_root.site_id), None)
        _process_keys[site_root.site_id] = key
        _process_indexes[key] = index
    request._api_page_index = index
    return index
