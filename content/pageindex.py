"""A compact index of the live, public pages of a site, kept current per content version.

Paths, breadcrumbs, parents, navigation, internal links and `find` all read this
index, so they cost no query per item and can never point at a private page.

Each process builds the index once (or takes it from the shared cache) and then brings
it up to date from the content change log: a change re-reads only the pages it affected
(two small queries), not the whole site, in every worker.
"""

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from django.core.cache import cache
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath

from .models import ChangeKind, ContentChange
from .paths import html_path
from .versioning import ContentVersion, current_version

# More changes than this since a process last looked: rebuilding is as cheap as patching.
MAX_CHANGES_TO_APPLY = 500
# Changes that alter which subtrees are private: the private paths are read again.
_PRIVACY_KINDS = {ChangeKind.RESTRICTED, ChangeKind.UNRESTRICTED}


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
        self.root_url_path = root_url_path
        # Tree paths of pages with view restrictions: they and their descendants are private.
        self.private_paths = tuple(private_paths)
        self.by_id = {page.id: page for page in pages}
        self.by_tree_path = {page.tree_path: page for page in pages}
        self.by_path = {page.path: page for page in pages}

    @cached_property
    def pages(self) -> list[IndexedPage]:
        """Every page, in tree order."""
        return sorted(self.by_id.values(), key=lambda page: page.tree_path)

    @cached_property
    def ids(self) -> list[int]:
        """Every page id, ascending (sync's first download walks it)."""
        return sorted(self.by_id)

    def updated(
        self, page_ids, current: list[IndexedPage], private_paths=None
    ) -> "PublicPageIndex":
        """A copy in which `page_ids` are replaced by `current` (those of them still public)."""
        index = PublicPageIndex([], self.root_url_path, self.private_paths)
        if private_paths is not None:
            index.private_paths = tuple(private_paths)
        index.by_id, index.by_tree_path, index.by_path = (
            dict(self.by_id),
            dict(self.by_tree_path),
            dict(self.by_path),
        )
        for page_id in page_ids:
            old = index.by_id.pop(page_id, None)
            if old is not None:
                index._forget(old)
        for page in current:
            index.by_id[page.id] = page
            index.by_tree_path[page.tree_path] = page
            index.by_path[page.path] = page
        return index

    def _forget(self, page: IndexedPage) -> None:
        if self.by_tree_path.get(page.tree_path) is page:
            del self.by_tree_path[page.tree_path]
        if self.by_path.get(page.path) is page:
            del self.by_path[page.path]

    def __contains__(self, page_id: object) -> bool:
        return page_id in self.by_id

    def get(self, page_id: int | None) -> IndexedPage | None:
        return None if page_id is None else self.by_id.get(page_id)

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
    from .visibility import private_tree_paths

    private_paths = private_tree_paths()
    root = _root_tree_path(root_url_path)
    if root is None:
        return PublicPageIndex([], root_url_path=root_url_path)
    pages = _indexed_pages(root, root_url_path, private_paths)
    return PublicPageIndex(pages, root_url_path=root_url_path, private_paths=private_paths)


def _root_tree_path(root_url_path: str) -> str | None:
    return Page.objects.filter(url_path=root_url_path).values_list("path", flat=True).first()


def _indexed_pages(root, root_url_path: str, private_paths, ids=None) -> list[IndexedPage]:
    from .visibility import public_pages_under

    pages = public_pages_under(root, private_paths)
    if ids is not None:
        pages = pages.filter(id__in=ids)
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
    return [
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
    ]


def apply_changes(
    index: PublicPageIndex, since: ContentVersion, version: ContentVersion
) -> PublicPageIndex | None:
    """`index` (current at `since`) brought up to `version` by re-reading the pages the
    changes in between affected; None when a full rebuild is needed instead."""
    from .visibility import private_tree_paths

    if version.change_id <= since.change_id or index.root is None:
        return None
    rows = list(
        ContentChange.objects.filter(id__gte=since.change_id, id__lte=version.change_id)
        .order_by("id")
        .values_list("id", "created_at", "page_id", "kind")[: MAX_CHANGES_TO_APPLY + 2]
    )
    # The change the index is current at must still be there, unchanged: a rolled-back or
    # reused id (SQLite) means the index may hold what never happened.
    if not rows or (rows[0][0], rows[0][1]) != (since.change_id, since.changed_at):
        return None
    changes = [(page_id, kind) for _, _, page_id, kind in rows[1:]]
    if len(changes) > MAX_CHANGES_TO_APPLY:
        return None
    # A move renumbers the tree paths of the moved page's later siblings too (treebeard), and
    # with them the private paths: only a rebuild sees them all.
    if any(kind == ChangeKind.MOVED for _, kind in changes):
        return None
    page_ids = {page_id for page_id, _ in changes if page_id is not None}
    private_paths = None
    if any(kind in _PRIVACY_KINDS for _, kind in changes):
        private_paths = private_tree_paths()
    if not page_ids and private_paths is None:
        return index
    current = _indexed_pages(
        index.root.tree_path,
        index.root_url_path,
        index.private_paths if private_paths is None else private_paths,
        ids=page_ids,
    )
    return index.updated(page_ids, current, private_paths)


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


# Each process keeps the current index of each site in memory, with the version it is
# current at: unpickling thousands of pages per request costs more than the query it saves.
_process_indexes: dict[int, tuple[ContentVersion, PublicPageIndex]] = {}


def get_page_index(request) -> PublicPageIndex:
    """The public page index of the request's site at the current content version."""
    if hasattr(request, "_api_page_index"):
        return request._api_page_index
    site_root = site_root_for_request(request)
    if site_root is None:
        index = PublicPageIndex([])
    else:
        index = _current_index(site_root.site_id, site_root.root_path, current_version(request))
    request._api_page_index = index
    return index


def site_page_index(site: Site, version: ContentVersion) -> PublicPageIndex:
    """The public page index of `site` at `version` (for callers without a request)."""
    return _current_index(site.pk, site.root_page.url_path, version)


def _current_index(site_id: int, root_path: str, version: ContentVersion) -> PublicPageIndex:
    known = _process_indexes.get(site_id)
    if known is not None and known[0] == version:
        return known[1]
    index = None
    if known is not None and known[1].root_url_path == root_path:
        index = apply_changes(known[1], known[0], version)
    if index is None:
        # A new process, or too much changed: the shared cache, or one full build.
        key = f"api:page-index:{site_id}:{version.key}"
        index = cache.get(key)
        if index is None:
            index = build_page_index(root_path)
            cache.set(key, index, timeout=60 * 60)
    _process_indexes[site_id] = (version, index)
    return index
