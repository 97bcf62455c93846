"""Issue 17, counter work: the reception page finds procedures as the officer types, with the catalog's own
search (no diacritics needed), and the officer's own centre is chosen already."""

import pytest
from django.urls import reverse

from tests.factories import CitizenFactory


@pytest.fixture
def officer(client, desk):
    client.force_login(desk.officer_a)
    return client


def test_the_picker_answers_without_diacritics_best_first(officer, desk):
    response = officer.get(reverse("dossiers:procedure_options"), {"q": "giay phep xay dung"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    labels = [row["label"] for row in response.json()["results"]]
    assert labels == [f"{desk.bound_procedure.national_code} — Cấp giấy phép xây dựng nhà ở"]
    found = officer.get(reverse("dossiers:procedure_options"), {"q": "dang ky khai sinh"}).json()["results"]
    assert found[0]["id"] == desk.procedure.pk


def test_a_search_that_finds_nothing_says_so(officer):
    response = officer.get(reverse("dossiers:procedure_options"), {"q": "zzzz qqqq"})
    assert response.json() == {"results": []}
    page = officer.get(reverse("dossiers:reception"), {"q": "zzzz qqqq", "action": "find"}).content.decode()
    assert "Không có thủ tục phù hợp." in page


def test_without_javascript_the_search_box_filters_the_list_and_a_single_answer_is_chosen(officer, desk):
    query = {"q": "giay phep xay dung", "action": "find"}
    page = officer.get(reverse("dossiers:reception"), query).content.decode()
    assert f'<option value="{desk.bound_procedure.pk}" selected>' in page
    assert f'<option value="{desk.procedure.pk}"' not in page
    assert '<h2 class="h5">Cấp giấy phép xây dựng nhà ở</h2>' in page  # its checklist is shown at once
    assert 'role="combobox"' not in page  # the script adds the combobox roles; the page works without it
    assert 'data-combobox-source="/ho-so/tiep-nhan/thu-tuc/"' in page


def test_the_officers_own_centre_is_chosen(officer, desk):
    page = officer.get(reverse("dossiers:reception"), {"procedure": desk.procedure.pk}).content.decode()
    centre = desk.centre()
    assert f'<option value="{centre.pk}" selected>{centre.name}</option>' in page


def test_only_desk_officers_use_the_picker(client, desk):
    client.force_login(CitizenFactory())
    assert client.get(reverse("dossiers:procedure_options"), {"q": "khai sinh"}).status_code == 403
    client.force_login(desk.specialist_a)
    assert client.get(reverse("dossiers:procedure_options"), {"q": "khai sinh"}).status_code == 403
