"""Round, person and organization pages carry schema.org JSON-LD that parses."""

import json
import re

import pytest

from tests.factories import PersonFactory
from tests.record_builder import build_record

pytestmark = pytest.mark.django_db

BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, url) -> dict:
    blocks = BLOCK.findall(client.get(url).content.decode())
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_round_page_is_a_schema_org_event_in_istanbul_time(client):
    round_ = build_record(1)["rounds"][0]
    data = json_ld(client, round_.get_absolute_url())
    assert data["@type"] == "Event"
    assert data["startDate"].endswith("14:40:00+03:00")
    assert data["location"]["address"]["addressLocality"] == "Istanbul"
    assert {a["name"] for a in data["attendee"]} == {"Ukraine", "Russian Federation"}
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_person_page_is_a_schema_org_person_with_aliases_and_post(client):
    build_record(1)
    data = json_ld(client, "/people/rustem-umerov/")
    assert data["@type"] == "Person"
    assert data["alternateName"] == ["Рустем Умєров", "Umierov", "Umyerov"]
    assert data["jobTitle"] == "Minister of Defence"


def test_organization_page_is_a_schema_org_organization_with_parent(client):
    made = build_record(1)
    ministry = made["umerov"].memberships.get().organization
    data = json_ld(client, ministry.get_absolute_url())
    assert data["@type"] == "Organization"
    assert data["parentOrganization"]["name"] == "Ukraine"


def test_json_ld_cannot_close_its_script_element(client):
    PersonFactory(name="</script><script>alert(1)</script>", slug="tricky")
    body = client.get("/people/tricky/").content.decode()
    data = json.loads(BLOCK.findall(body)[0])
    assert data["name"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in body
