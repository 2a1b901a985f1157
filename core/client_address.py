"""The address a request came from, the same for django-axes and the rate limits.

django-axes calls `client_address` through AXES_CLIENT_IP_CALLABLE and
core.rate_limits calls it directly, so a lockout and a rate limit always count
the same person at the same address. Imports only Django and the standard
library.

Behind N trusted proxies (CLIENT_ADDRESS_PROXY_COUNT, from the AXES_PROXY_COUNT
environment variable) each proxy appends the address it was reached from to
X-Forwarded-For, so the client is the Nth address from the right. Everything
to the left of it was written by the client and is ignored: prepending
addresses cannot make one person look like many. django-ipware's proxy_count
is not used here because it counts one hop fewer (it expects the nearest
proxy in the header too), which behind a single proxy falls back to the
proxy's own address and puts everyone in one lockout.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR with no proxy in front (a forged
    X-Forwarded-For is ignored), else the Nth address from the right of
    X-Forwarded-For; REMOTE_ADDR again when the header is too short or not an
    address (a request that did not come through the proxies)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "CLIENT_ADDRESS_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(hops) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-proxies].strip()))
    except ValueError:
        return remote
