"""The OpenAPI schema validates, and its docs page is served locally with no inline code."""

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_schema_validates_without_warnings(tmp_path):
    # The same command `make checks` runs; raises on any warning or invalid schema.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))
    assert "/api/v1/exchange-counts/" in (tmp_path / "s.yml").read_text()


def test_schema_documents_errors_and_journalist_examples(client):
    schema = client.get("/api/schema/?format=json").json()
    assert (
        "curl 'https://HOST/api/v1/exchange-counts.csv?occurred_on__gte=2025-06-02'"
        in (schema["info"]["description"])
    )
    responses = schema["paths"]["/api/v1/rounds/"]["get"]["responses"]
    assert {"200", "304", "400", "404", "429"} <= set(responses)


def test_docs_are_served_from_local_files_without_inline_script_or_style(client):
    page = client.get("/api/docs/").content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)
    assert scripts
    for attributes, body in scripts:
        assert 'src="/' in attributes  # a local static file or the split view's script URL
        assert body.strip() == ""
    assert "<style" not in page
    assert "style=" not in page
    assert "cdn" not in page.lower()
    init = client.get("/api/docs/?script=")
    assert init.status_code == 200
    assert "/api/schema/" in init.content.decode()


def test_docs_ask_for_no_credentials_on_a_public_read_only_api(client):
    # Swagger UI shows an "Authorize" button for any security scheme in the schema, and a
    # padlock on every operation that lists one: a reader would think the API needs a login.
    schema = client.get("/api/schema/?format=json").json()
    assert "securitySchemes" not in schema.get("components", {})
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("security", [{}]) == [{}], f"{method} {path}"
    # No deep links: they put an <a> inside each operation's <button> (axe nested-interactive).
    assert '"deepLinking": false' in client.get("/api/docs/?script=").content.decode()
