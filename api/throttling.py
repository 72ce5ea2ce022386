"""The anonymous rate limit, with X-RateLimit-* headers."""

from django.conf import settings
from redis.exceptions import RedisError
from rest_framework.throttling import AnonRateThrottle


class RateLimitThrottle(AnonRateThrottle):
    """Anonymous rate limit per client IP, shared across processes through the cache.

    Remembers the figures for the X-RateLimit-* headers. The rate comes from API_ANON_RATE at
    request time (not import time), so tests and deployments can change it.
    """

    def get_rate(self):
        return settings.API_ANON_RATE

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        try:
            allowed = super().allow_request(request, view)
        except RedisError:
            # The shared cache is down: answer unthrottled rather than 500, and send no
            # X-RateLimit-* headers, since there is no count to report.
            return True
        if self.key is not None:
            remaining = max(self.num_requests - len(self.history), 0)
            reset_in = self.duration - (self.now - self.history[-1]) if self.history else 0
            request.rate_limit = {
                "X-RateLimit-Limit": str(self.num_requests),
                "X-RateLimit-Remaining": str(remaining),
                "X-RateLimit-Reset": str(int(self.now + max(reset_in, 0))),
            }
        return allowed
