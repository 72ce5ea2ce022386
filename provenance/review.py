"""What a reader will see with a record, submitted and published together, exactly as reviewed.

A record's *tree* is the record, every row that belongs to it (rows whose first
`publication_parents` path is the record: a round's delegations, documents, positions,
commitments and events; a commitment's exchanges; a person's posts), and everything those rows
show a reader that is not public yet: the sources they and their participants, provisions and
counts cite, the people and organizations they name, the document a position cites. It is built
from the models' own declarations, so a new model or relation is covered without a list to keep.

- `submit(root)` moves every draft of the tree into review;
- `published_diff(obj)` is what a publisher reads: each field as published and as it is now;
- `fingerprint(tree)` is the version of everything in it; `publish(root, seen=…)` refuses unless
  every row is in review and the tree is the one the publisher saw, then publishes it all or
  nothing. Whatever changed after review started has gone back to draft (provenance.guard), so
  it is refused by name until it is submitted again.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from provenance.guard import has_status, is_content, owner_path
from provenance.models import PublicationStatus, ReviewNote, ReviewStep
from provenance.workflow import WorkflowError, can_publish, change_status, check_sources, describe

DRAFT, IN_REVIEW, PUBLISHED = (
    PublicationStatus.DRAFT,
    PublicationStatus.IN_REVIEW,
    PublicationStatus.PUBLISHED,
)
# Bookkeeping a publisher need not read in a diff.
UNSHOWN = {"id", "version", "created_at", "updated_at", "search_text", "publication_status", "key"}


def _children_relations(model):
    """(related model, field name) of rows that belong to `model`: their first parent is it."""
    found = []
    for candidate in apps.get_models():
        if not is_content(candidate):
            continue
        parents = getattr(candidate, "publication_parents", ())
        if parents and "__" not in parents[0]:
            field = candidate._meta.get_field(parents[0])
            if field.related_model is model:
                found.append((candidate, parents[0]))
    return found


def _referenced(obj):
    """Rows with a status that `obj` shows a reader: its foreign keys and many-to-many."""
    found = []
    for field in obj._meta.get_fields():
        if not field.is_relation or field.auto_created or not has_status(field.related_model):
            continue
        if field.name in getattr(type(obj), "publication_parents", ())[:1]:
            continue  # its owner: the record it is published with, or waits for
        if field.many_to_many:
            found += list(getattr(obj, field.name).all())
        elif field.many_to_one and (target := getattr(obj, field.name)) is not None:
            found.append(target)
    return found


def tree(root) -> list:
    """The rows to publish with `root` (root last, what it needs first); only those not yet
    published, root included whatever its status. Children without a status of their own are
    not listed (they are public with their owner) but what they cite is."""
    ordered, seen = [], set()

    def visit(obj, depth=0):
        key = (obj._meta.label_lower, obj.pk)
        if key in seen or depth > 8:
            return
        seen.add(key)
        for target in _referenced(obj):
            if not target.is_published:
                visit(target, depth + 1)
        for model, field in _children_relations(type(obj)):
            for child in model._default_manager.filter(**{field: obj.pk}):
                if not has_status(model):
                    visit_parts(child, depth + 1)
                elif not child.is_published:
                    visit(child, depth + 1)
        ordered.append(obj)

    def visit_parts(part, depth):
        for target in _referenced(part):
            if not target.is_published:
                visit(target, depth + 1)

    visit(root)
    return ordered


def parts_of(obj) -> list:
    """The rows without a status of their own that are public with `obj` (participants,
    provisions, counts), for the confirmation page."""
    return [
        child
        for model, field in _children_relations(type(obj))
        if not has_status(model)
        for child in model._default_manager.filter(**{field: obj.pk})
    ]


def fingerprint(rows) -> str:
    """Which version of each row: what the publisher saw, to compare at confirmation."""
    return ",".join(sorted(f"{row._meta.label_lower}:{row.pk}:{row.version}" for row in rows))


def waiting_for(root) -> list:
    """The unpublished records `root` belongs to: publishing it alone would show nothing."""
    found = []
    for path in getattr(type(root), "publication_parents", ()):
        parent = root
        for part in path.split("__"):
            parent = getattr(parent, part, None)
            if parent is None:
                break
        if parent is not None and has_status(type(parent)) and not parent.is_published:
            found.append(parent)
    return found


def _unshown(model, name: str) -> bool:
    """Fields the confirmation leaves out: bookkeeping (UNSHOWN, `translation_status` and
    whatever is not editable) and modeltranslation's English column, the same text as the field
    itself (which is listed once, as "Title"; its translations as "Title [uk]")."""
    if name in UNSHOWN:
        return True
    field = model._meta.get_field(name)
    if not field.editable:
        return True
    return getattr(field, "translated_field", None) is not None and field.language == "en"


def published_diff(obj) -> list[dict]:
    """Each field that differs between the published version of `obj` and its current one:
    [{"field", "published", "now"}]; every filled field, for a row never published."""
    history = getattr(obj, "history", None)
    if history is None:
        return []
    current = history.first()
    published = (
        history.filter(publication_status=PUBLISHED).first() if has_status(type(obj)) else None
    )
    if current is None:
        return []
    if published is None:
        return [
            {"field": field.verbose_name, "published": "", "now": value}
            for field in obj._meta.concrete_fields
            if not _unshown(type(obj), field.name)
            and (value := _shown(obj, field)) not in ("", None)
        ]
    changes = current.diff_against(published, foreign_keys_are_objs=False).changes
    return [
        {
            "field": obj._meta.get_field(change.field).verbose_name,
            "published": shown_value(type(obj), change.field, change.old),
            "now": shown_value(type(obj), change.field, change.new),
        }
        for change in changes
        if not _unshown(type(obj), change.field)
    ]


def shown_value(model, name: str, value):
    """A version's value as an editor reads it: many-to-many rows by name."""
    field = model._meta.get_field(name)
    if field.choices and not field.many_to_many:
        return dict(field.flatchoices).get(value, value)  # "Published", not "published"
    if not field.many_to_many:
        return value
    target = field.m2m_reverse_field_name()
    ids = [getattr(row[target], "pk", row[target]) for row in value or []]
    names = field.related_model._base_manager.in_bulk(ids)
    deleted = gettext("#%(id)s (deleted)")
    return "; ".join(str(names.get(pk, deleted % {"id": pk})) for pk in ids)


def _shown(obj, field):
    if field.choices:
        return getattr(obj, f"get_{field.name}_display")()
    if field.is_relation:
        return str(getattr(obj, field.name) or "")
    return getattr(obj, field.attname)


@transaction.atomic
def submit(root, *, user, note: str = "") -> list:
    """Move every draft in `root`'s tree into review. Returns what changed."""
    changed = []
    for obj in tree(root):
        if obj.publication_status == DRAFT:
            reason = f"Submitted for review by {user}" + (f": {note}" if note else "")
            change_status(obj, IN_REVIEW, user=user, reason=reason[:100])
            changed.append(obj)
    if changed:
        ReviewNote.add(root, ReviewStep.SUBMITTED, user=user, note=note)
    return changed


@transaction.atomic
def send_back(root, *, user, note: str) -> list:
    """A reviewer returns `root` and the rows of its tree in review to draft, with a note
    saying what to change; the submitter sees it on the record and on the review desk."""
    changed = []
    for obj in tree(root):
        if obj.publication_status == IN_REVIEW:
            change_status(obj, DRAFT, user=user, reason=f"Changes requested by {user}"[:100])
            changed.append(obj)
    ReviewNote.add(root, ReviewStep.SENT_BACK, user=user, note=note)
    return changed


@transaction.atomic
def publish(root, *, user, seen: str | None = None) -> list:
    """Publish `root` with its tree, all or nothing, exactly as reviewed. Returns what changed.

    Refuses (WorkflowError, naming each row) if a row of the tree is still a draft (never
    submitted, or changed since it was), if `seen` is given and the tree is not the one the
    publisher saw (a row added, removed or saved since), if the record waits for an unpublished
    parent, or if a fact — or a participant, provision or count of one — cites no source.
    """
    if not can_publish(user):
        raise PermissionDenied(gettext("%(user)s may not publish content.") % {"user": user})
    root = type(root)._default_manager.select_for_update().get(pk=root.pk)
    rows = tree(root)
    if blocked := waiting_for(root):
        names = "; ".join(describe(parent) for parent in blocked)
        raise WorkflowError(
            gettext("Not published: %(record)s waits for %(parents)s (not published).")
            % {"record": describe(root), "parents": names}
        )
    drafts = [row for row in rows if row.publication_status == DRAFT]
    if drafts:
        raise WorkflowError(
            gettext(
                "Not published: not reviewed yet, or changed since it was submitted (submit for "
                "review first): %(records)s."
            )
            % {"records": "; ".join(describe(row) for row in drafts)}
        )
    if seen is not None and fingerprint(rows) != seen:
        raise WorkflowError(
            gettext(
                "Not published: %(record)s or something under it changed after you opened the "
                "confirmation. Look at it again."
            )
            % {"record": describe(root)}
        )
    check_sources([*rows, *(part for row in rows for part in parts_of(row))])
    changed = []
    for obj in rows:
        if change_status(obj, PUBLISHED, user=user):
            changed.append(obj)
    ReviewNote.add(root, ReviewStep.PUBLISHED, user=user, note=f"{len(changed)} record(s)")
    return changed


def needs_tree(obj) -> bool:
    return has_status(type(obj)) and owner_path(type(obj)) is None
