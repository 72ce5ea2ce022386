"""The pages and API lists the load test and the fault drill request, in equal shares.

One list for both scripts; each URL must answer 200 to an anonymous GET on the loaded record.
MICRO_CACHED is the part of it nginx's micro-cache may keep and serve while the app is down.
"""

URLS = [
    "/",
    "/timeline/",
    "/rounds/2/",
    "/issues/ceasefire/",
    "/commitments/",
    "/api/v1/rounds/",
    "/api/v1/exchanges/",
    "/api/v1/positions/?issue=nato-alliances",
    "/admin/login/",
    "/healthz",
]

# What nginx may keep: not the admin, not the never-cached health probe, and not the API, whose
# answers carry one client's rate-limit figures (X-RateLimit-*, Cache-Control: private) that
# another client must never be given (deploy/nginx.conf's proxy_no_cache). During an outage the
# API answers 503 with Retry-After instead of a stale copy.
MICRO_CACHED = [
    url for url in URLS if not url.startswith(("/admin/", "/api/")) and url != "/healthz"
]
