"""The production settings plus the bench's URLconf and query-count header (bench only).

A star import on purpose: everything else must be exactly what production runs, middleware
included, so that a page's ratio to its data floor measures our code, not the stack.
"""

from config.settings import *  # noqa: F403
from config.settings import MIDDLEWARE

ROOT_URLCONF = "scripts.bench_site.urls"
# Outermost, so the count covers every middleware's queries too (the page cache's, the throttle's).
MIDDLEWARE = ["scripts.bench_site.middleware.QueryCountMiddleware", *MIDDLEWARE]
