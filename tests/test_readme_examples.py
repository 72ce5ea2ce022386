"""Every example request in README.md answers as the README says, on the loaded record (#12,
section 7): each `curl` line and each address under /api/v1/, /data/ and /feeds/ (or a .ics)
that the README names is run; it answers 200 (or the status the README gives), a list is not
empty, and the names and numbers the comment above a `curl` states are in the answer."""

import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from record.kinds import RESOURCES

# The examples run against the Istanbul record, loaded once for the module.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("istanbul_record_for_module")]

README = Path(__file__).resolve().parent.parent / "README.md"

# Words of a comment that say what the example is, not what the answer contains.
NOT_CLAIMS = {
    "a", "csv", "etag", "every", "not", "modified", "people", "sync", "who", "and", "as",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip


def curl_examples() -> list[dict]:
    """The README's `curl` lines, each with the comment above it (shared by consecutive lines)."""
    examples, comment, in_code = [], "", False
    for line in README.read_text().splitlines():
        if line.startswith("```"):
            in_code, comment = not in_code, ""
            continue
        if not in_code:
            continue
        stripped = line.strip()
        if stripped.startswith("#"):
            comment = stripped.lstrip("# ")
        elif stripped.startswith("curl "):
            args = shlex.split(stripped)
            headers = dict(args[i + 1].split(": ", 1) for i, arg in enumerate(args) if arg == "-H")
            [url] = [arg for arg in args if arg.startswith("http")]
            examples.append({"url": url, "headers": headers, "comment": comment})
    return examples


def named_addresses() -> list[str]:
    """Addresses the README's prose names, placeholders (`<slug>`) left out."""
    text = README.read_text()
    found = re.findall(r"`((?:/api/v1/|/data/|/feeds/)[^`\s]*|/rounds[^`\s]*\.ics)`", text)
    return sorted({address for address in found if "<" not in address})


def claims(comment: str) -> list[str]:
    """Names and numbers a comment states: "(decree 854/2025, head Yermak)" → 854/2025,
    Yermak. The comment's first word and the words in NOT_CLAIMS are left out."""
    words = re.findall(r"\d[\d,/]*\d|\d|[A-Z][\w–-]+", comment)[1:]
    return [
        word.removesuffix("'s")
        for word in words
        if word.lower() not in NOT_CLAIMS and not (word.isdigit() and len(word) < 3)
    ]


CURLS = curl_examples()
ADDRESSES = named_addresses()


def test_the_readme_has_examples_to_run():
    assert len(CURLS) >= 9
    assert len(ADDRESSES) >= 4


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


def check_answer(url: str, response, expected_status: int = 200) -> str:
    assert response.status_code == expected_status, (url, response.status_code)
    if expected_status != 200:
        return ""
    body = body_of(response)
    if response["Content-Type"].startswith("application/json"):
        data = response.json()
        if isinstance(data, dict) and "count" in data:
            assert data["count"] > 0, f"{url} finds nothing"
    elif response["Content-Type"].startswith("text/csv"):
        assert len(body.strip().splitlines()) > 1, f"{url} has no rows"
    return body


def run(client, index: int):
    """Run the README's `index`th curl example; the response and the status the README gives."""
    example = CURLS[index]
    parts = urlsplit(example["url"])
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers, expected = {}, 200
    for name, value in example["headers"].items():
        if "<etag>" in value:
            # "ask again with the ETag from that answer": the example before it, run first.
            value, expected = run(client, index - 1)[0]["ETag"], 304
        headers["HTTP_" + name.upper().replace("-", "_")] = value
    return client.get(path, **headers), expected


@pytest.mark.parametrize(
    "comment", sorted({example["comment"] for example in CURLS}), ids=lambda c: c[:40]
)
def test_each_curl_example_answers_what_its_comment_says(client, comment):
    bodies, statuses = [], set()
    for index, example in enumerate(CURLS):
        if example["comment"] == comment:
            response, expected = run(client, index)
            bodies.append(check_answer(example["url"], response, expected))
            statuses.add(str(expected))
    answer = "\n".join(bodies).casefold()
    # A status the comment gives ("304 Not Modified") is checked as the status, above.
    for claim in set(claims(comment)) - statuses:
        variants = {claim, claim.replace(",", "")}
        assert any(variant.casefold() in answer for variant in variants), (comment, claim)


@pytest.mark.parametrize("address", ADDRESSES)
def test_each_address_the_readme_names_answers(client, address):
    check_answer(address, client.get(as_loaded_fresh(address), follow=True))


def as_loaded_fresh(address: str) -> str:
    """The address with an id as a fresh load numbers rows (the README's `/api/v1/rounds/2/` is
    the second round loaded): test databases do not restart their ids after each test."""
    match = re.fullmatch(r"/api/v1/([a-z-]+)/(\d+)/", address)
    if not match:
        return address
    kind = next(k for k in RESOURCES if k.api_name == match[1])
    pks = list(kind.model._default_manager.order_by("pk").values_list("pk", flat=True))
    return f"/api/v1/{match[1]}/{pks[int(match[2]) - 1]}/"


def test_claims_are_read_from_the_comment():
    comment = "Ukraine's delegation as it stood on 25 November 2025 (decree 854/2025, head Yermak)"
    assert claims(comment) == ["2025", "854/2025", "Yermak"]
