FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY config ./config
COPY provenance ./provenance
COPY actors ./actors
COPY talks ./talks
COPY positions ./positions
COPY ops ./ops
RUN pip install .

COPY . .
# The site's Ukrainian and Russian catalogues are compiled here (.mo files are not committed).
RUN pip install "polib>=1.2,<2" && python scripts/compile_messages.py
# collectstatic needs a key to import settings; this one is never used to serve requests.
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput

# The compose `migrate` job re-runs collectstatic into the shared volume as this user.
RUN useradd --system --uid 1000 talks && chown -R talks /app/staticfiles
USER talks
EXPOSE 8000
# On its own the image migrates, then serves; compose runs migrations once in a separate job.
# Workers, threads and the request timeout come from GUNICORN_* (deploy/gunicorn.conf.py).
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn -c deploy/gunicorn.conf.py"]
