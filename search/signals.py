"""Keep citizens' search in step with every content change, through the one change event.

Events arrive after the change commits; the handler only queues a catch-up for the task
worker (`search.catchup`), so publishing never waits for Korean analysis or the engine.
"""

from content.events import ContentEvent, subscribe
from search import catchup


def on_content_change(event: ContentEvent) -> None:
    catchup.request()


def connect() -> None:
    subscribe(on_content_change, uid="search-catch-up")
