"""Numbered source notes for a long page: in the text each fact carries superscript numbers, and
each section of the page ends with the numbered list of the sources its facts cite.

A source has one number on the whole page: the note is listed at the end of the section that
cites it first, and a later section that cites it again lists it by number among the notes it
"also cites" (linking back up), so every section still names all its sources without printing a
citation twice.
"""

from dataclasses import dataclass, field


@dataclass
class Note:
    """One numbered source: its number on the page and the source it cites."""

    number: int
    source: object

    @property
    def anchor(self) -> str:
        """The id of the note's list item, for the superscripts' links."""
        return f"note-{self.number}"


@dataclass
class Section:
    """The notes of one section: those it cites first (listed at its end, in number order) and
    those it cites that an earlier section listed already (``also``, in number order)."""

    key: str
    notes: list[Note] = field(default_factory=list)
    also: list[Note] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The id of the section's notes: "when-where-notes" for the key "when_where"."""
        return f"{self.key.replace('_', '-')}-notes"

    @property
    def also_runs(self) -> list[tuple[Note, Note | None]]:
        """``also`` as runs, as a fact's superscripts show them."""
        return runs(self.also)


class SourceNotes:
    """The notes of one page. cite() numbers a fact's published sources in a section and sets
    on the fact what the templates show:

    - ``fact.cited``: True, so a template shows numbers instead of an inline list of sources;
    - ``fact.note_refs``: its notes, in number order (empty: no published source);
    - ``fact.note_runs``: the same as (first, last) pairs, last None for a single note, so
      sixteen sources in a row read "1–16", not sixteen numbers.

    Cite in the order the page shows the facts, so numbers run 1, 2, 3… down the page. Sources
    must be prefetched on each fact (``fact.sources.all()``): cite() runs no query.
    """

    def __init__(self):
        self.sections: dict[str, Section] = {}
        self._by_source: dict[int, Note] = {}

    def section(self, key: str) -> Section:
        """The section called key, made on first use; keys are identifiers ("when_where"), as a
        template reads them from the dict of sections."""
        if key not in self.sections:
            self.sections[key] = Section(key)
        return self.sections[key]

    def cite(self, key: str, *facts) -> None:
        """Number the published sources of each fact (None is skipped) in section key."""
        section = self.section(key)
        for fact in facts:
            if fact is None:
                continue
            refs = []
            for source in fact.sources.all():
                if not source.is_published:
                    continue
                note = self._by_source.get(source.pk)
                if note is None:
                    note = Note(len(self._by_source) + 1, source)
                    self._by_source[source.pk] = note
                    section.notes.append(note)
                elif note not in section.notes and note not in section.also:
                    section.also.append(note)
                refs.append(note)
            refs.sort(key=lambda note: note.number)
            section.also.sort(key=lambda note: note.number)
            fact.cited = True
            fact.note_refs = refs
            fact.note_runs = runs(refs)


def runs(notes: list[Note]) -> list[tuple[Note, Note | None]]:
    """Notes in number order → (first, last) for each run of three or more consecutive numbers,
    (note, None) for the others: [1, 2, 3, 4, 7] → [(1, 4), (7, None)]."""
    out: list[list[Note]] = []
    for note in notes:
        if out and out[-1][-1].number + 1 == note.number:
            out[-1].append(note)
        else:
            out.append([note])
    pairs: list[tuple[Note, Note | None]] = []
    for run in out:
        if len(run) >= 3:
            pairs.append((run[0], run[-1]))
        else:
            pairs.extend((note, None) for note in run)
    return pairs
