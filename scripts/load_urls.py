"""The pages and API lists the load test and the fault drill request, in equal shares.

One list for both scripts; each URL must answer 200 to an anonymous GET on the loaded record.
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
