"""Signed webhooks: partners and the family app hear about published, unpublished, deleted and
re-restricted pages and built report PDFs instead of polling.

Each content change (`content.events`) becomes one event per matching subscription, stored as a
`Delivery` row (unique per event and subscription) and delivered by the django-tasks database
worker, signed per Standard Webhooks, retried with exponential backoff for more than a day.
"""
