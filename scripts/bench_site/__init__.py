"""Bench-only Django wiring for `make bench` (scripts/bench.py); never part of the site.

Production runs `config.settings` and `config.urls`; only the bench's own gunicorn is started with
`DJANGO_SETTINGS_MODULE=scripts.bench_site.settings`, which adds the data-floor views under
`/_bench/floor/` and a header counting each request's SQL queries. Nothing under `config/`,
`api/` or `public/` imports this package, so none of it is reachable in production.
"""
