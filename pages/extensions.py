"""What the layers above plug into pages, so that pages never import them.

- search/ says how a page's Korean text is analysed for the engines (`korean_text`, read by
  the `korean_*` search fields of every page);
- api/ says how a chosen image, document, page or snippet looks in JSON (`represent`), so
  that an image in a StreamField block reads like every other image of the API.

Each is plugged once, from its app's `AppConfig.ready()`. Page models' API fields are not
here: api/page_fields.py declares them (Wagtail's `api_fields`) by page model.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

KoreanText = Callable[[Any, str], str]
Represent = Callable[[Any, dict | None], Any]

_plugged: dict[str, Callable[..., Any]] = {}


def plug(*, korean_text: KoreanText | None = None, represent: Represent | None = None) -> None:
    """Plug in a higher layer's part; called from that app's `AppConfig.ready()`."""
    for name, function in (("korean_text", korean_text), ("represent", represent)):
        if function is not None:
            _plugged[name] = function


def _plugged_in(name: str) -> Callable[..., Any]:
    try:
        return _plugged[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"Nothing is plugged into pages.extensions.{name}: is the app that provides it "
            "(search for korean_text, api for represent) in INSTALLED_APPS?"
        ) from None


def korean_text(page: Any, part: str) -> str:
    """The page's analysed terms as the engines index them: "title", "summary" or "body";
    or "native", the text of a page not in Korean for the engine's own analyzer."""
    return _plugged_in("korean_text")(page, part)


def represent(obj: Any, context: dict | None) -> Any:
    """The API representation of a chosen image, document, page or snippet."""
    return _plugged_in("represent")(obj, context)
