"""Values kept in the cache to spare pages work, and a page that still works when the cache does not.

The cache (Redis in production) only saves work: while it is unreachable, a value is built as if it
had never been kept, and forgetting one is skipped (its timeout bounds how long it may then be stale),
so that neither a page nor a save fails for it.
"""

import logging
import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)
T = TypeVar("T")


def kept(key: str, build: Callable[[], T], timeout: int, *, keep_if: Callable[[T], bool] = lambda value: True) -> T:
    """The value kept under ``key``, or ``build()`` kept for ``timeout`` seconds (when ``keep_if`` says so)."""
    try:
        value = cache.get(key)
    except Exception:  # noqa: BLE001 - any failure of the cache backend: build instead
        logger.warning("Cache unreachable: building %s", key, exc_info=True)
        return build()
    if value is None:
        value = build()
        if keep_if(value):
            try:
                cache.set(key, value, timeout)
            except Exception:  # noqa: BLE001
                logger.warning("Cache unreachable: %s not kept", key, exc_info=True)
    return value


def forget(keys: list[str]) -> None:
    """Drop ``keys`` now, and again when the current transaction commits, so that a page reading
    meanwhile (before the change is visible) does not keep the old value."""

    def drop():
        try:
            cache.delete_many(keys)
        except Exception:  # noqa: BLE001
            logger.warning("Cache unreachable: %s not forgotten", keys, exc_info=True)

    drop()
    transaction.on_commit(drop)


def version(key: str) -> str | None:
    """The version kept under ``key`` (a new one when there is none), to put in the keys of values that a
    change forgets all at once: ``forget([key])``, and the next reader makes a new version. None while
    the cache is unreachable."""
    try:
        return cache.get_or_set(key, secrets.token_hex(8), None)
    except Exception:  # noqa: BLE001
        logger.warning("Cache unreachable: no version for %s", key, exc_info=True)
        return None
