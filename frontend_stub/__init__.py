"""The frontend stub: a framework-free web client of the portal's public API.

Django only hands out its static files under /frontend/; every screen is drawn in the
browser from /api/v2/ (and the preview endpoint), as any other client would.
"""
