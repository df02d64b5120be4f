"""A Redis cache that keeps the site up while Redis is down.

Every call goes to Redis; when Redis cannot be reached, it goes to this process's memory instead, for a
short while per entry (``FALLBACK_TIMEOUT``). So the public pages' rate limit still counts (per process,
not per site: it fails open, not shut), and pages that cache counts still answer. What a process kept in
memory is read only while Redis is unreachable again, and expires soon.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

FALLBACK_TIMEOUT = 60  # seconds an entry kept in memory lives, at most
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
WARN_EVERY = 60  # seconds between two warnings that Redis is unreachable


class FailoverRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._memory = LocMemCache(f"failover-{id(self)}", {"OPTIONS": {"MAX_ENTRIES": 10_000}})
        self._warned_at = 0.0

    def _fall_back(self, error: Exception) -> LocMemCache:
        if time.monotonic() - self._warned_at > WARN_EVERY:
            self._warned_at = time.monotonic()
            logger.warning("Redis is unreachable, caching in this process's memory: %s", error)
        return self._memory

    @staticmethod
    def _short(timeout):
        return FALLBACK_TIMEOUT if timeout in (DEFAULT_TIMEOUT, None) else min(timeout, FALLBACK_TIMEOUT)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNREACHABLE as error:
            return self._fall_back(error).get(key, default, version)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNREACHABLE as error:
            return self._fall_back(error).get_many(keys, version)

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except UNREACHABLE as error:
            return self._fall_back(error).has_key(key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except UNREACHABLE as error:
            return self._fall_back(error).add(key, value, self._short(timeout), version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except UNREACHABLE as error:
            self._fall_back(error).set(key, value, self._short(timeout), version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except UNREACHABLE as error:
            return self._fall_back(error).set_many(data, self._short(timeout), version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except UNREACHABLE as error:
            return self._fall_back(error).touch(key, self._short(timeout), version)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            return self._fall_back(error).incr(key, delta, version)

    def delete(self, key, version=None):
        self._memory.delete(key, version)
        try:
            return super().delete(key, version)
        except UNREACHABLE as error:
            self._fall_back(error)
            return False

    def delete_many(self, keys, version=None):
        self._memory.delete_many(keys, version)
        try:
            return super().delete_many(keys, version)
        except UNREACHABLE as error:
            self._fall_back(error)

    def clear(self):
        self._memory.clear()
        try:
            return super().clear()
        except UNREACHABLE as error:
            self._fall_back(error)
