"""The citizen's own submission steps choose the time-limit case and the fee rows, as the counter does
(issue 18): step 2 offers the online channel's cases and fee table, keeps the ticks in the draft, refuses a
bad quantity with its message, the review shows the choice, and the dossier carries it to the acceptance."""

from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from tests.dossiers.factories import vn
from tests.dossiers.test_case_and_fee import VERIFY, _case, _item, tabled  # noqa: F401 (tabled: a fixture)
from tests.portal.factories import pdf
from tests.portal.flow import applicant_data, start, step_url

COPY = "Cấp bản sao trích lục"


def _to_fields(client, desk, procedure):
    draft = start(client, procedure)
    assert client.post(step_url(draft, 1), applicant_data(desk)).status_code == 302
    return draft


def _upload_mandatory(client, draft, procedure) -> None:
    version = procedure.versions.get()
    files = {f"doc_{d.pk}": [pdf()] for d in version.documents.filter(mandatory=True)}
    response = client.post(step_url(draft, 3), {**files, "action": "next"})
    assert response.headers["Location"] == step_url(draft, 4)


def test_the_citizen_picks_the_case_and_fee_rows_and_the_dossier_carries_them(logged_in, desk, tabled):  # noqa: F811
    draft = _to_fields(logged_in, desk, tabled)
    page = logged_in.get(step_url(draft, 2)).content.decode()
    assert "Thông thường: 3 ngày làm việc" in page
    assert VERIFY in page
    assert COPY in page
    case, copy = _case(tabled, "online"), _item(tabled, COPY)
    answers = {"f-noi_dung_yeu_cau": "Đăng ký lại khai sinh cho con", "c-limit_case": case.pk}
    # A quantity of 0 is refused on the page, and what was ticked is kept in the draft.
    bad = {**answers, f"c-fee_{copy.pk}": "on", f"c-fee_{copy.pk}_quantity": "0", "action": "next"}
    response = logged_in.post(step_url(draft, 2), bad)
    assert response.status_code == 200
    assert "lớn hơn hoặc bằng với 1" in response.content.decode()  # Django's own Vietnamese
    draft.refresh_from_db()
    assert draft.answers["case"][f"fee_{copy.pk}"] == "on"
    assert draft.answers["case"]["limit_case"] == str(case.pk)
    assert draft.step == 2
    # Coming back to the page shows the saved choice.
    again = logged_in.get(step_url(draft, 2)).content.decode()
    assert f'value="{case.pk}"' in again.split(VERIFY)[0].rsplit("<input", 1)[1]
    good = {**answers, f"c-fee_{copy.pk}": "on", f"c-fee_{copy.pk}_quantity": "3", "action": "next"}
    assert logged_in.post(step_url(draft, 2), good).headers["Location"] == step_url(draft, 3)

    _upload_mandatory(logged_in, draft, tabled)
    review = logged_in.get(step_url(draft, 4)).content.decode()
    assert VERIFY in review
    assert COPY in review
    assert "× 3" in review

    logged_in.post(step_url(draft, 4), {"action": "submit"})
    dossier = Dossier.objects.get()
    assert dossier.limit_case == case
    assert dossier.fee_due == 24000
    assert [(line.quantity, line.amount) for line in dossier.fee_lines.all()] == [(3, 24000)]
    accepted = services.receive(
        actor=desk.officer_a, dossier=dossier, expected_version=dossier.version, at=vn(2026, 3, 3, 9, 0)
    )
    assert accepted.due_at == vn(2026, 3, 17, 17, 0)  # the case's 10 working days, not the usual 3


def test_without_a_choice_the_online_dossier_keeps_the_channel_default(logged_in, desk, tabled):  # noqa: F811
    draft = _to_fields(logged_in, desk, tabled)
    answers = {"f-noi_dung_yeu_cau": "Đăng ký lại khai sinh", "action": "next"}
    assert logged_in.post(step_url(draft, 2), answers).headers["Location"] == step_url(draft, 3)
    _upload_mandatory(logged_in, draft, tabled)
    review = logged_in.get(step_url(draft, 4)).content.decode()
    assert "Thông thường: 3 ngày làm việc" in review
    logged_in.post(step_url(draft, 4), {"action": "submit"})
    dossier = Dossier.objects.get()
    assert (dossier.limit_case, dossier.fee_lines.count()) == (None, 0)


def test_a_case_of_another_procedure_is_refused_on_the_page(logged_in, desk, tabled):  # noqa: F811
    draft = _to_fields(logged_in, desk, tabled)
    other = _case(tabled, "direct")  # the counter's case, not the online channel's
    answers = {"f-noi_dung_yeu_cau": "x", "c-limit_case": other.pk, "action": "next"}
    response = logged_in.post(step_url(draft, 2), answers)
    assert response.status_code == 200
    assert "Choose one of the listed values" in response.content.decode()
