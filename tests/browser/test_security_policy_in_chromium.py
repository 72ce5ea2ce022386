"""Under the production Content-Security-Policy, Chromium runs the admin's scripts and blocks
nothing the site or the admin needs (a violation shows as a console error).

Named to run after test_editor_round_workflow.py: a transaction=True test flushes the database
afterwards, taking the Editor/Publisher groups of a data migration with it, and that test needs
them.
"""

import pytest

from tests.factories import RoundFactory


def csp_violations(page):
    found = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


@pytest.mark.django_db(transaction=True)
def test_home_page_loads_with_no_policy_violation(live_server, page):
    RoundFactory(title="Dolmabahçe round")
    violations = csp_violations(page)
    response = page.goto(live_server.url + "/")
    assert "object-src 'none'" in response.headers["content-security-policy"]
    assert "Dolmabahçe round" in page.locator("main").inner_text()
    assert violations == []


@pytest.mark.django_db(transaction=True)
def test_editor_logs_in_and_the_admin_scripts_run_under_the_policy(live_server, page, admin_user):
    RoundFactory(number=1)
    violations = csp_violations(page)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")

    page.goto(live_server.url + "/admin/talks/round/")
    # actions.js: ticking a row updates the "0 of 1 selected" counter.
    page.check("input.action-select")
    assert page.locator(".action-counter").inner_text().startswith("1 of 1")

    page.goto(live_server.url + "/admin/talks/round/add/")
    # DateTimeShortcuts.js and inlines.js add their links only when scripts may run.
    assert page.locator(".datetimeshortcuts a", has_text="Today").first.is_visible()
    assert page.locator(".add-row a").first.is_visible()
    assert violations == []


@pytest.mark.django_db(transaction=True)
def test_swagger_ui_renders_the_api_docs_under_the_policy(live_server, page):
    violations = csp_violations(page)
    response = page.goto(live_server.url + "/api/docs/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "Istanbul Talks Tracker API" in page.locator(".swagger-ui .info .title").inner_text()
    assert violations == []
