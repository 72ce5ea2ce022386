"""The client's address, given how many trusted reverse proxies stand in front of the app."""

from django.conf import settings


def client_ip(request) -> str:
    """The address the outermost trusted proxy saw, as DRF's NUM_PROXIES counts it.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
    with N proxies the client is the Nth entry from the right. Entries further left were written
    by the client and are ignored, so forging them does not change the answer. With no proxies
    the header is not trusted at all.

    django-ipware's proxy_count is not used: it expects an X-Forwarded-For of exactly N+1
    entries and returns no address at all for one forged entry more, or for a single nginx.
    """
    proxies = settings.TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")
