"""Wagtail search backends for Elasticsearch 8+ and OpenSearch 3 with Korean index settings."""
