"""gunicorn settings from the environment, shared by the image, compose and the CI scripts."""

import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Threads serve concurrent requests in one process; each thread holds its own database
# connection, so replicas × workers × threads must stay below PostgreSQL's max_connections.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A worker silent this long is killed and replaced. Database and cache timeouts are far shorter,
# so this only ends requests stuck outside them.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Requests are logged by ops.middleware.RequestLogMiddleware with their duration.
accesslog = None
errorlog = "-"
