"""A citizen rates the handling of their dossier once, after the result; leaders see unsatisfied ratings."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from motcua.evaluation import selectors, services
from motcua.evaluation.models import Rating, RatingCriterion
from motcua.org.models import Role
from tests.evaluation.factories import processing, returned, with_result
from tests.factories import CitizenFactory, RoleAssignmentFactory, StaffFactory

GOOD = {
    "overall": 4,
    "on_time": 2,
    "staff_attitude": 4,
    "time_versus_law": 2,
    "visits": 1,
    "agencies_contacted": 1,
    "publicity": 3,
}


def test_the_criteria_of_domain_9_are_seeded(db):
    codes = [c.code for c in selectors.criteria_in_force(date(2026, 3, 2))]
    assert codes == [
        "overall",
        "on_time",
        "staff_attitude",
        "time_versus_law",
        "visits",
        "agencies_contacted",
        "publicity",
        "online_quality",
    ]
    assert all(c.legal_basis for c in RatingCriterion.objects.all())


def test_a_good_rating_is_satisfied_and_scores_full_points(desk):
    citizen = CitizenFactory()
    dossier = returned(desk, citizen)
    rating = services.rate_dossier(actor=citizen, dossier=dossier, answers=GOOD, comment="Nhanh gọn")
    assert rating.satisfied is True
    assert rating.score == 100
    assert rating.rated_by == citizen
    assert rating.answers.count() == 7  # the optional online question was left out


def test_overall_two_of_four_is_unsatisfied(desk):
    citizen = CitizenFactory()
    dossier = with_result(desk, citizen, file=None)
    rating = services.rate_dossier(actor=citizen, dossier=dossier, answers={**GOOD, "overall": 2})
    assert rating.satisfied is False
    assert 0 < rating.score < 100


def test_a_dossier_is_rated_once_only(desk):
    citizen = CitizenFactory()
    dossier = returned(desk, citizen)
    services.rate_dossier(actor=citizen, dossier=dossier, answers=GOOD)
    with pytest.raises(ValidationError, match="đã được đánh giá"):
        services.rate_dossier(actor=citizen, dossier=dossier, answers=GOOD)
    assert Rating.objects.count() == 1


def test_only_after_the_result_and_only_by_the_applicant(desk):
    citizen = CitizenFactory()
    dossier = processing(desk, citizen)
    with pytest.raises(ValidationError, match="đã có kết quả"):
        services.rate_dossier(actor=citizen, dossier=dossier, answers=GOOD)
    done = returned(desk, citizen)
    with pytest.raises(PermissionDenied):
        services.rate_dossier(actor=CitizenFactory(), dossier=done, answers=GOOD)
    with pytest.raises(PermissionDenied):
        services.rate_dossier(actor=desk.officer_a, dossier=done, answers=GOOD)
    assert not Rating.objects.exists()


def test_missing_and_invalid_answers_are_refused_with_both_languages(desk):
    citizen = CitizenFactory()
    dossier = returned(desk, citizen)
    with pytest.raises(ValidationError) as error:
        services.rate_dossier(actor=citizen, dossier=dossier, answers={**GOOD, "overall": None, "visits": 9})
    assert set(error.value.message_dict) == {"overall", "visits"}
    assert "/ Choose an answer." in error.value.message_dict["overall"][0]


def test_criteria_follow_their_valid_from(desk):
    citizen = CitizenFactory()
    dossier = returned(desk, citizen)
    tomorrow = timezone.localdate() + timedelta(days=1)
    RatingCriterion.objects.create(
        code="waiting_room",
        position=9,
        question="Nơi chờ có đủ tiện nghi không?",
        question_en="Was the waiting area comfortable?",
        answer_set="yes_no",
        valid_from=tomorrow,
        legal_basis="Quyết định thử",
    )
    assert "waiting_room" not in [c.code for c in selectors.criteria_in_force()]
    assert "waiting_room" in [c.code for c in selectors.criteria_in_force(tomorrow)]
    with pytest.raises(ValidationError, match="không còn áp dụng"):
        services.rate_dossier(actor=citizen, dossier=dossier, answers={**GOOD, "waiting_room": 2})
    rating = services.rate_dossier(actor=citizen, dossier=dossier, answers=GOOD)
    assert not rating.answers.filter(criterion__code="waiting_room").exists()


def test_the_rating_page_is_one_accessible_form(client, desk):
    citizen = CitizenFactory()
    dossier = returned(desk, citizen)
    client.force_login(citizen)
    detail = client.get(f"/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/").content.decode()
    assert f"/danh-gia/{dossier.pk}/" in detail
    page = client.get(f"/danh-gia/{dossier.pk}/")
    body = page.content.decode()
    assert body.count("<fieldset") == 8
    assert body.count("<legend") == 8
    assert 'for="id_overall_0"' in body
    missing = client.post(f"/danh-gia/{dossier.pk}/", {"overall": "4"})
    assert missing.status_code == 200
    assert "Hãy chọn một câu trả lời. / Choose an answer." in missing.content.decode()
    assert 'aria-describedby="id_on_time_error"' in missing.content.decode()
    response = client.post(
        f"/danh-gia/{dossier.pk}/", {**{k: str(v) for k, v in GOOD.items()}, "comment": "Tốt"}
    )
    assert response.status_code == 302
    assert Rating.objects.get().comment == "Tốt"
    again = client.get(f"/danh-gia/{dossier.pk}/")
    assert again.status_code == 302  # once only: back to the dossier
    assert f"/danh-gia/{dossier.pk}/" not in client.get(again.url).content.decode()


def test_the_rating_page_is_404_for_another_citizen_and_refused_before_the_result(client, desk):
    citizen = CitizenFactory()
    dossier = returned(desk, citizen)
    client.force_login(CitizenFactory())
    assert client.get(f"/danh-gia/{dossier.pk}/").status_code == 404
    early = processing(desk, citizen)
    client.force_login(citizen)
    response = client.post(f"/danh-gia/{early.pk}/", {k: str(v) for k, v in GOOD.items()})
    assert response.status_code == 302
    assert not Rating.objects.exists()


def _unsatisfied(desk, citizen):
    dossier = returned(desk, citizen)
    return services.rate_dossier(
        actor=citizen, dossier=dossier, answers={**GOOD, "overall": 1}, comment="Phải đi lại nhiều lần"
    )


def test_unsatisfied_ratings_reach_the_leader_of_that_agency_only(client, desk):
    citizen = CitizenFactory(full_name="Công dân Riêng")
    _unsatisfied(desk, citizen)
    satisfied = returned(desk, citizen)
    services.rate_dossier(actor=citizen, dossier=satisfied, answers=GOOD)

    assert selectors.unsatisfied_for(desk.leader_a).count() == 1
    assert selectors.unsatisfied_for(desk.head_a).count() == 1  # the division handled a step
    leader_b = StaffFactory(username="lanhdao.b")
    RoleAssignmentFactory(
        user=leader_b, agency=desk.province.communes["Xã B"]["committee"], role=Role.AGENCY_LEADER
    )
    assert selectors.unsatisfied_for(leader_b).count() == 0
    assert selectors.unsatisfied_for(desk.officer_a).count() == 0

    client.force_login(desk.leader_a)
    body = client.get("/danh-gia/chua-hai-long/").content.decode()
    assert "Phải đi lại nhiều lần" in body
    assert "Nguyễn Văn An" in body  # the applicant's name, nothing more
    assert "001099012345" not in body
    assert "0912345678" not in body
    assert "Không hài lòng" in body
    client.force_login(leader_b)
    assert "Phải đi lại nhiều lần" not in client.get("/danh-gia/chua-hai-long/").content.decode()
    client.force_login(desk.specialist_a)
    assert client.get("/danh-gia/chua-hai-long/").status_code == 403
    client.force_login(citizen)
    assert client.get("/danh-gia/chua-hai-long/").status_code == 403


def test_the_satisfaction_rate_of_agencies_over_a_period(desk):
    citizen = CitizenFactory()
    _unsatisfied(desk, citizen)
    for _ in range(3):
        services.rate_dossier(actor=citizen, dossier=returned(desk, citizen), answers=GOOD)
    today = timezone.localdate()
    commune_a = [desk.province.communes["Xã A"]["committee"]]
    result = selectors.satisfaction_rate(commune_a, (today, today))
    assert (result.rated, result.satisfied, result.rate) == (4, 3, 75)
    empty = selectors.satisfaction_rate([desk.province.communes["Xã B"]["committee"]], (today, today))
    assert (empty.rated, empty.rate) == (0, None)
    before = selectors.satisfaction_rate(commune_a, (today - timedelta(days=30), today - timedelta(days=1)))
    assert before.rated == 0


def test_an_administrator_reads_a_rating_and_its_answers_in_the_admin_and_cannot_change_them(client, desk):
    citizen = CitizenFactory()
    rating = services.rate_dossier(
        actor=citizen, dossier=returned(desk, citizen), answers=GOOD, comment="Tốt"
    )
    client.force_login(StaffFactory(is_staff=True, is_superuser=True))
    page = client.get(f"/quan-tri/evaluation/rating/{rating.pk}/change/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Tốt" in body
    assert 'name="_save"' not in body
    assert 'name="answers-0-value"' not in body  # the answers are shown, not editable
    assert (
        client.post(f"/quan-tri/evaluation/rating/{rating.pk}/change/", {"comment": "Sửa"}).status_code == 403
    )
    rating.refresh_from_db()
    assert rating.comment == "Tốt"


def test_the_unsatisfied_filter_reads_and_shows_vietnamese_dates(client, desk):
    """Issue 17: the filter's dates are typed dd/mm/yyyy (the forms' own input, not the browser's picker
    that shows mm/dd/yyyy in an English browser) and read as day/month: 05/01 is 5 January."""
    from datetime import timedelta

    from django.utils import timezone

    _unsatisfied(desk, CitizenFactory(full_name="Công dân Riêng"))
    today = timezone.localdate()
    before, after = today - timedelta(days=1), today + timedelta(days=2)
    client.force_login(desk.leader_a)
    url = "/danh-gia/chua-hai-long/"

    body = client.get(url, {"start": before.strftime("%d/%m/%Y"), "end": after.strftime("%d/%m/%Y")}).content
    page = body.decode()
    assert "Phải đi lại nhiều lần" in page
    assert 'type="date"' not in page
    assert f'name="start" value="{before.strftime("%d/%m/%Y")}"' in page
    assert 'placeholder="dd/mm/yyyy"' in page
    later = client.get(url, {"start": after.strftime("%d/%m/%Y")}).content.decode()
    assert "Phải đi lại nhiều lần" not in later
    wrong = client.get(url, {"start": "31/02/2026"}).content.decode()
    assert "Ngày không hợp lệ" in wrong
