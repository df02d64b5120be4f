"""The address of the person making a request, as seen through the proxies we trust.

Behind a reverse proxy, ``REMOTE_ADDR`` is the proxy's: every visitor would share one rate limit.
The proxy adds the address it got the request from to ``X-Forwarded-For``; read from the right, the
first address that is not one of our proxies is the client's. From anyone else, the header is ignored:
a visitor could write any address in it.
"""

import ipaddress
from functools import cache

from django.conf import settings


@cache
def _trusted(networks: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(network, strict=False) for network in networks)


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in _trusted(tuple(settings.TRUSTED_PROXIES)))


def client_address(request) -> str:
    """The client's address: ``REMOTE_ADDR``, or behind trusted proxies, the last address in
    ``X-Forwarded-For`` that is not one of them."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted(remote):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for address in reversed(forwarded):
        if not _is_trusted(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:  # not an address: the header was written by hand
                return remote
    return forwarded[0] if forwarded else remote
