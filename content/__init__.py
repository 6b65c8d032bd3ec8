"""The public-content core: what is public, where it lives, and when it changed.

- `content.visibility`: which pages, images and documents anonymous visitors may see.
- `content.pageindex`: the in-memory index of public pages (ids, site paths, tree).
- `content.paths`: a page's site path and frontend URL; normalising paths clients send.
- `content.events`: the one content-change event every cache, index and integration follows.
- `content.errors`: the one JSON error envelope of every API.

The filter vocabulary names sections and taxonomy terms, so it stands on the content model:
`pages.vocabulary`. content/ imports nothing of pages/ (docs/architecture-layers.md).
"""
