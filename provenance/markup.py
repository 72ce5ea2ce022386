"""Markdown written by editors, rendered to HTML that is safe to put on a public page.

Markdown allows raw HTML, so its output is sanitised with nh3 (the Ammonia sanitiser): only the
tags and attributes below survive, links can only be http(s) or mailto, and every link gets
rel="noopener noreferrer nofollow". Script, style, event-handler attributes and `javascript:`
URLs never reach the page.
"""

import functools
import re
import threading
from html.parser import HTMLParser

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr", "abbr", "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


# A line that starts a bullet list ("- ", "* ", "+ ") or a numbered one from 1 ("1. ", "1) ").
_LIST_START = re.compile(r"^(?:[-*+]|1[.)])[ \t]+\S")
_FENCE = re.compile(r"^\s*(```|~~~)")


def lists_start_blocks(text: str) -> str:
    """Put a blank line before a list that follows a line of text, as editors write it
    ("**Outcomes**" then "- an exchange…"): Python-Markdown, unlike CommonMark, reads such a list
    as more of the paragraph above and runs its items together into one paragraph. Lines inside
    a list (items and their continuation lines) and fenced code are left as they are."""
    lines, out = text.splitlines(), []
    in_list = in_fence = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            if not line.strip():
                in_list = False
            elif _LIST_START.match(line):
                if not in_list and out and out[-1].strip():
                    out.append("")
                in_list = True
        out.append(line)
    return "\n".join(out)


# A Markdown converter is costly to build (about 0.3 ms, half of a conversion) and not safe to
# share between threads: each thread keeps its own and resets it after each text.
_converters = threading.local()


def _to_html(text: str) -> str:
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = markdown_lib.Markdown(
            extensions=["tables", "sane_lists"], output_format="html"
        )
    try:
        return converter.convert(text)
    finally:
        converter.reset()


# The HTML depends on the text alone, so a text seen before is not converted again: a round page
# shows some 26 texts, at about 0.6 ms each when converted (measured, issue 14). An edited text is
# a new key; the least recently used of 4,096 texts are dropped.
@functools.lru_cache(maxsize=4096)
def render_markdown(text: str) -> str:
    """Markdown → sanitised HTML. The result is safe to mark_safe()."""
    if not text:
        return ""
    return nh3.clean(
        _to_html(lists_start_blocks(text)),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


class _TextWriter(HTMLParser):
    """Sanitised Markdown HTML → plain text: paragraphs kept apart, list items dashed, and each
    link's address kept after its text, since a calendar or a CSV cell cannot link."""

    BLOCKS = {"p", "li", "blockquote", "pre", "h2", "h3", "h4", "tr", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.href: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        if tag == "li":
            self.parts.append("- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag == "a":
            self.href = dict(attrs).get("href")

    def handle_endtag(self, tag):
        if tag == "a" and self.href:
            self.parts.append(f" <{self.href}>")
            self.href = None

    def handle_data(self, data):
        self.parts.append(data)

    def text(self) -> str:
        blocks = [" ".join(block.split()) for block in "".join(self.parts).split("\n\n")]
        out = ""
        for block in filter(None, blocks):
            # List items stay on consecutive lines; everything else is a paragraph of its own.
            together = block.startswith("- ") and out.rsplit("\n", 1)[-1].startswith("- ")
            out += ("\n" if together else "\n\n") + block if out else block
        return out


# A tag written with entities, "&lt;p&gt;" or "&lt;/b&gt;", as text pasted from a web page's
# source arrives; in plain text it would come out as a raw "<p>".
_ESCAPED_TAG = re.compile(r"&lt;(/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*?)?/?)&gt;")


def markdown_to_text(text: str) -> str:
    """Markdown → plain text for places that show no markup (calendar descriptions): no tags,
    whether written as HTML or entity-escaped, only their text and link addresses."""
    writer = _TextWriter()
    writer.feed(render_markdown(_ESCAPED_TAG.sub(r"<\1>", text or "")))
    writer.close()
    return writer.text()
