"""A circuit breaker for the citizens' search engine.

An engine that hangs makes each request wait SEARCH_TIMEOUT before the database answers. After
one failure, searches go straight to the database for SEARCH_BREAKER_SECONDS (default 30);
then one search tries the engine again while the others keep using the database, and a
success closes the breaker. State is per process and per engine (its URLs and index prefix).
"""

import threading
import time
from dataclasses import dataclass

from django.conf import settings

DEFAULT_OPEN_SECONDS = 30.0


@dataclass
class _State:
    open_until: float = 0.0
    probing: bool = False


_lock = threading.Lock()
_states: dict[str, _State] = {}


def engine_key(name: str) -> str:
    engine = settings.WAGTAILSEARCH_BACKENDS[name]
    return f"{engine.get('URLS')}|{engine.get('INDEX_PREFIX', '')}"


def _open_seconds() -> float:
    return float(getattr(settings, "SEARCH_BREAKER_SECONDS", DEFAULT_OPEN_SECONDS))


def allows(key: str) -> bool:
    """Whether this search may ask the engine: the breaker is closed, or it is this search's
    turn to probe an engine that failed a while ago."""
    with _lock:
        state = _states.setdefault(key, _State())
        if not state.open_until:
            return True
        if time.monotonic() < state.open_until or state.probing:
            return False
        state.probing = True
        return True


def trip(key: str) -> None:
    """The engine failed: keep searches away from it for a while."""
    with _lock:
        _states[key] = _State(open_until=time.monotonic() + _open_seconds())


def reset(key: str) -> None:
    """The engine answered: close the breaker."""
    with _lock:
        _states.pop(key, None)
