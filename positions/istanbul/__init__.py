"""The sourced record of the 2025 Istanbul talks, as readable Python data.

Each module mirrors a part of /work/shared/data/istanbul-facts.md (section numbers in the
docstrings) and of the seed article (source code "SEED"), so a reviewer can check any fact
against the facts file. `manage.py load_istanbul` walks these modules and upserts them.
Sources are cited by code ("S41"); people, organizations and issues by their natural keys.
"""
