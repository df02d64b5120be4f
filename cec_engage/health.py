"""GET /healthz: the state of the database and the broker, for load balancers and monitoring.

It lives with the wiring because it checks the wiring (the configured database and broker), not any
app's data. 200 when the database answers, 503 when it does not; a broker that is down is reported
without failing the probe, since pages still work while background jobs wait.
"""

import redis
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "down"
    return "up"


def broker_state() -> str:
    if not settings.REDIS_URL:
        return "inline"  # no broker configured: tasks run in the web process
    try:
        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
        client.ping()
    except (redis.RedisError, OSError):
        return "down"
    return "up"


@login_not_required
@never_cache
@require_GET
def healthz(request):
    database = database_state()
    status = 200 if database == "up" else 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "error", "database": database, "broker": broker_state()},
        status=status,
    )
