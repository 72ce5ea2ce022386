"""Nothing an editor types is lost in the browser: leaving a changed form asks first, and the
text is kept and offered back when the form is opened again."""

import pytest

from provenance.models import PublicationStatus
from tests.browser.test_editor_round_workflow import log_in, make_user
from tests.factories import RoundFactory


@pytest.mark.django_db(transaction=True)
def test_unsaved_text_warns_before_leaving_and_is_offered_back(live_server, page):
    base = live_server.url
    make_user("ana", "Editor")
    round_ = RoundFactory(number=6, publication_status=PublicationStatus.DRAFT)
    log_in(page, base, "ana")
    url = f"{base}/admin/talks/round/{round_.pk}/change/"
    page.goto(url)
    page.wait_for_load_state("load")
    typed = "Both delegations met for three hours; the text an editor must not lose."
    page.fill("#id_summary", typed)
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.accept()

    page.on("dialog", answer)
    page.goto(f"{base}/admin/")  # leaving: the browser asks first
    assert dialogs == ["beforeunload"]
    page.goto(url)
    page.wait_for_selector(".unsaved-note")
    assert page.input_value("#id_summary") != typed
    page.click("button.restore-unsaved")
    assert page.input_value("#id_summary") == typed
    # Saved: the kept copy is dropped, nothing is offered on the next visit.
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    page.goto(url)
    page.wait_for_load_state("load")
    assert page.locator(".unsaved-note").count() == 0
