"""Outbound syndication: RSS 2.0, Atom and JSON Feed 1.1 feeds of public pages, and the sitemap.

Partners and feed readers follow the portal without the API: every item is a live, public
page, newest first, linking to its address on the frontend (`content.paths.frontend_url`).
"""
