"""The OpenAPI 3.0.3 contract of every /api/ endpoint (`/api/schema/`, docs at `/api/docs/`).

Kept import-light: page models import `api.schema.types` while Django loads them.
"""
