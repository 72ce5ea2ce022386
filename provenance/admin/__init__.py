"""The admin for sources, and the base classes every content admin builds on (base.py)."""

from provenance.admin import sources  # noqa: F401  (registers SourceAdmin)
