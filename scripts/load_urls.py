"""The pages and API lists the load test and the fault drill request, in equal shares.

One list for both scripts. Extend it as pages land, e.g. /api/v1/rounds/ and /api/v1/exchanges/
once the API is merged (each must answer 200 to an anonymous GET on the loaded record).
"""

URLS = [
    "/",
    "/timeline/",
    "/rounds/2/",
    "/admin/login/",
    "/healthz",
]
