"""The public-content core: what is public, where it lives, how it is filtered, and when it changed.

- `content.visibility`: which pages, images and documents anonymous visitors may see.
- `content.pageindex`: the in-memory index of public pages (ids, site paths, tree).
- `content.paths`: a page's site path and frontend URL; normalising paths clients send.
- `content.vocabulary`: the one filter vocabulary (type, section, topic, audience, district,
  dates, locale) shared by listings, search, sync, feeds and `import_pages`.
- `content.events`: the one content-change event every cache, index and integration follows.
- `content.errors`: the one JSON error envelope of every API.
"""
