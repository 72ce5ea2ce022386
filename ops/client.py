"""The client's address, as far as the trusted reverse proxies vouch for it."""

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or the X-Forwarded-For entry just before the ones our proxies appended.

    Each trusted proxy appends the address it received the request from, so with N proxies the
    N-th entry from the right is the client; anything left of it was sent by the client and is
    not believed.
    """
    proxies = settings.TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
