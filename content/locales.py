"""The portal's content languages: which exist, which one a request asks for, and where a
language's pages live.

Korean (`settings.LANGUAGE_CODE`) is the default and the source of every translation; its pages
keep their paths (`/가족정보/…`). Every other language's tree is served under its code
(`/vi/…`). The list is `settings.WAGTAIL_CONTENT_LANGUAGES` (docs/languages.md): adding a
language there needs no code here.
"""

from django.conf import settings


def default_language() -> str:
    """The source language, whose pages every request falls back to ("ko")."""
    return settings.LANGUAGE_CODE


def content_languages() -> list[str]:
    """Codes of the content languages, the default first."""
    codes = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
    return sorted(codes, key=lambda code: code != default_language())


def language_name(code: str) -> str:
    """The language's own name ("Tiếng Việt"), for switchers and colophons."""
    return dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(code, code)


def unknown_language_message(value: str) -> str:
    """The one Korean refusal of a code that is no content language; what the client sent is
    echoed clipped, so a long `?locale=` is not answered with itself."""
    shown = value if len(value) <= 20 else f"{value[:20]}…"
    return f"알 수 없는 언어입니다: '{shown}'. 가능한 값: {', '.join(content_languages())}"


def check_language(value: str) -> str:
    """`value` as a content language code, or a clear 400 naming the codes that exist."""
    # Wagtail's API error (what `pages.vocabulary.InvalidFilter` extends): content/ sits below
    # pages/. Imported here as it loads Wagtail's models: not at import time.
    from wagtail.api.v2.utils import BadRequestError

    code = value.strip().lower()
    if code not in content_languages():
        raise BadRequestError(unknown_language_message(value))
    return code


def requested_language(request) -> str | None:
    """The language `?locale=` asks for, None when the request names none."""
    if request is None or "locale" not in request.GET:
        return None
    return check_language(request.GET["locale"])


def path_prefix(code: str) -> str:
    """What a language's site paths start with: nothing for Korean, `/vi` for Vietnamese."""
    return "" if code == default_language() else f"/{code}"


def language_of_path(path: str) -> str:
    """The language a site path belongs to, from its first segment (`/vi/…` → "vi")."""
    first = path.strip("/").split("/", 1)[0].lower()
    if first and first != default_language() and first in content_languages():
        return first
    return default_language()


def without_prefix(path: str) -> str:
    """A site path without its language segment (`/vi/gia-dinh/` → `/gia-dinh/`)."""
    code = language_of_path(path)
    prefix = path_prefix(code)
    return path[len(prefix) :] if prefix and path.lower().startswith(prefix + "/") else path


def korean_language_name(code: str) -> str:
    """The language's name in Korean ("베트남어"), from CLDR (Babel): for Korean-only text such
    as the print edition's colophon, whose fonts are Korean."""
    from babel import Locale, UnknownLocaleError
    from django.utils.translation import to_locale

    try:
        return Locale.parse(to_locale(code)).get_display_name("ko") or code
    except (ValueError, UnknownLocaleError):
        return code


def field_key(code: str) -> str:
    """A language code as a name part of search fields and analyzers (`zh-hans` → `zh_hans`)."""
    return code.replace("-", "_")
