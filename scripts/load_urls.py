"""The pages and API lists the load test and the fault drill request, in equal shares.

One list for both scripts. Extend it as pages land: /timeline/, /rounds/2/, /api/v1/rounds/,
/api/v1/exchanges/ (each must answer 200 to an anonymous GET on the loaded record).
"""

URLS = [
    "/",
    "/admin/login/",
    "/healthz",
]
