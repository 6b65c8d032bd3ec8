"""A compact index of the live, public pages of a site, kept current per content version.

Paths, breadcrumbs, parents, navigation, internal links and `find` all read this
index, so they cost no query per item and can never point at a private page.

Each process builds the index once (or takes it from the shared cache) and then brings
it up to date from the content change log: a change re-reads only the pages it affected
(two small queries), not the whole site, in every worker.
"""

from bisect import bisect_left, insort
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from django.core.cache import cache
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath

from .locales import default_language, path_prefix
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


def _tree_order(page: "IndexedPage") -> str:
    return page.tree_path


class PublicPageIndex:
    """Live pages of one site that anonymous visitors may see, by id, tree path and URL path."""

    def __init__(
        self,
        pages: list[IndexedPage],
        root_url_path: str = "/",
        private_paths=(),
        language: str = "",
    ):
        self.root_url_path = root_url_path
        # One index per language tree; its paths start with the language's prefix (`/vi/…`).
        self.language = language or default_language()
        self.prefix = path_prefix(self.language)
        # Tree paths of pages with view restrictions: they and their descendants are private.
        self.private_paths = tuple(private_paths)
        self.by_id = {page.id: page for page in pages}
        self.by_tree_path = {page.tree_path: page for page in pages}
        self.by_path = {page.path: page for page in pages}

    @cached_property
    def pages(self) -> list[IndexedPage]:
        """Every page, in tree order."""
        return sorted(self.by_id.values(), key=_tree_order)

    def of_types(self, content_type_ids: frozenset[int]) -> list[IndexedPage]:
        """The pages of these content types, in tree order (kept per index: one pass over the
        pages the first time a version of the index is asked)."""
        lists = self.__dict__.setdefault("_of_types", {})
        found = lists.get(content_type_ids)
        if found is None:
            found = lists[content_type_ids] = [
                page for page in self.pages if page.content_type_id in content_type_ids
            ]
        return found

    @cached_property
    def ids(self) -> list[int]:
        """Every page id, ascending (sync's first download walks it)."""
        return sorted(self.by_id)

    def updated(
        self, page_ids, current: list[IndexedPage], private_paths=None
    ) -> "PublicPageIndex":
        """A copy in which `page_ids` are replaced by `current` (those of them still public)."""
        index = PublicPageIndex([], self.root_url_path, self.private_paths, self.language)
        if private_paths is not None:
            index.private_paths = tuple(private_paths)
        index.by_id, index.by_tree_path, index.by_path = (
            dict(self.by_id),
            dict(self.by_tree_path),
            dict(self.by_path),
        )
        ordered = list(self.pages) if "pages" in self.__dict__ else None
        for page_id in page_ids:
            old = index.by_id.pop(page_id, None)
            if old is not None:
                index._forget(old)
                at = bisect_left(ordered, old.tree_path, key=_tree_order) if ordered else 0
                if ordered is not None and at < len(ordered) and ordered[at] is old:
                    del ordered[at]
                else:
                    ordered = None  # not where it should be: sort afresh when asked
        for page in current:
            index.by_id[page.id] = page
            index.by_tree_path[page.tree_path] = page
            index.by_path[page.path] = page
            if ordered is not None:
                insort(ordered, page, key=_tree_order)
        if ordered is not None:
            # The tree order patched where the pages changed: no re-sort of the whole site.
            index.__dict__["pages"] = ordered
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
        """The site's home page in this language, if it is live and public."""
        return self.by_path.get(self.prefix + "/")


def build_page_index(root_url_path: str, language: str = "") -> PublicPageIndex:
    from .visibility import private_tree_paths

    language = language or default_language()
    private_paths = private_tree_paths()
    root = _root_tree_path(root_url_path)
    if root is None:
        return PublicPageIndex([], root_url_path=root_url_path, language=language)
    pages = _indexed_pages(root, root_url_path, private_paths, prefix=path_prefix(language))
    return PublicPageIndex(pages, root_url_path, private_paths, language)


def _root_tree_path(root_url_path: str) -> str | None:
    return Page.objects.filter(url_path=root_url_path).values_list("path", flat=True).first()


def _indexed_pages(
    root, root_url_path: str, private_paths, ids=None, prefix: str = ""
) -> list[IndexedPage]:
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
            path=prefix + html_path(url_path, root_url_path),
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
        prefix=index.prefix,
    )
    return index.updated(page_ids, current, private_paths)


def site_root_for_request(request, language: str = "") -> SiteRootPath | None:
    """The home page of the request's site in `language` (default: Korean), from Wagtail's
    cached site root paths (no query once cached); None if the site has none in it."""
    language = language or default_language()
    root_paths = Site.get_site_root_paths()
    site_ids = {root_path.site_id for root_path in root_paths}
    site_id = next(iter(site_ids)) if len(site_ids) == 1 else None
    if site_id is None and root_paths:
        host = request.get_host().split(":")[0]
        site_id = next(
            (path.site_id for path in root_paths if urlsplit(path.root_url).hostname == host),
            None,
        )
        if site_id is None:
            site = Site.find_for_request(request)
            site_id = site.pk if site else None
    return next(
        (path for path in root_paths if path.site_id == site_id and path.language_code == language),
        None,
    )


# Each process keeps the current index of each site in memory, with the version it is
# current at: unpickling thousands of pages per request costs more than the query it saves.
_process_indexes: dict[tuple[int, str], tuple[ContentVersion, PublicPageIndex]] = {}


def get_page_index(request, language: str = "") -> PublicPageIndex:
    """The public page index of the request's site in `language` at the current content
    version; by default in the language the request asks for (`?locale=`), else Korean."""
    request = getattr(request, "_request", request)  # DRF's wrapper: one cache per request
    language = language or getattr(request, "_api_language", "") or default_language()
    indexes = request.__dict__.setdefault("_api_page_indexes", {})
    if language == default_language() and hasattr(request, "_api_page_index"):
        return request._api_page_index
    if language in indexes:
        return indexes[language]
    site_root = site_root_for_request(request, language)
    if site_root is None:
        index = PublicPageIndex([], language=language)
    else:
        index = _current_index(
            site_root.site_id, site_root.root_path, current_version(request), language
        )
    indexes[language] = index
    if language == default_language():
        request._api_page_index = index
    return index


def site_page_index(site: Site, version: ContentVersion, language: str = "") -> PublicPageIndex:
    """The public page index of `site` at `version` (for callers without a request)."""
    language = language or default_language()
    root = next(
        (
            path
            for path in Site.get_site_root_paths()
            if path.site_id == site.pk and path.language_code == language
        ),
        None,
    )
    if root is None:
        return PublicPageIndex([], language=language)
    return _current_index(site.pk, root.root_path, version, language)


def _current_index(
    site_id: int, root_path: str, version: ContentVersion, language: str = ""
) -> PublicPageIndex:
    language = language or default_language()
    known = _process_indexes.get((site_id, language))
    if known is not None and known[0] == version:
        return known[1]
    index = None
    if known is not None and known[1].root_url_path == root_path:
        index = apply_changes(known[1], known[0], version)
    if index is None:
        # A new process, or too much changed: the shared cache, or one full build.
        key = f"api:page-index:{site_id}:{language}:{version.key}"
        index = cache.get(key)
        if index is None or index.root_url_path != root_path:
            index = build_page_index(root_path, language)
            cache.set(key, index, timeout=60 * 60)
    _process_indexes[(site_id, language)] = (version, index)
    return index
