"""The organising officer sets a contest up on the staff pages (no Django admin): creates it with its rules,
audience and five phases, lays down criteria and prizes, appoints the secretariat and the jury, launches
it; the public page then follows the phases. Through Django's test client, with refusals and hostile input."""

from datetime import date, timedelta

import pytest

from motcua.contest.models import Contest, Member, MemberRole
from motcua.contest.workflows import ContestStatus
from motcua.core.models import AuditEvent
from motcua.org.models import Role
from tests.contest.conftest import staff
from tests.factories import CitizenFactory, province_with_communes

PASSWORD = "matkhau-thu-123"
NEW = "/sang-kien/quan-ly/hoi-thi-moi/"


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def day(offset: int) -> str:
    return (date.today() + timedelta(days=offset)).strftime("%d/%m/%Y")


def contest_data(province, **changes) -> dict:
    data = {
        "code": "SK2027",
        "title": "Hội thi sáng kiến cải cách TTHC năm 2027",
        "organiser": province.office.pk,
        "legal_basis": "Kế hoạch 12/KH-UBND ngày 01/3/2027",
        "rules": "Mỗi tác giả gửi tối đa hai bài.",
        "for_citizens": "on",
        "for_communes": "on",
        "finalists": "5",
        "min_award_score": "50",
    }
    offsets = {"launch": -10, "entries": -3, "preliminary": 60, "final": 90, "awards": 110}
    for kind, start in offsets.items():
        data[f"{kind}_starts"] = day(start)
        data[f"{kind}_ends"] = day(start + (5 if kind == "launch" else 20))
    return {**data, **changes}


@pytest.fixture
def org(db):
    province = province_with_communes(["Xã A"])
    return {
        "province": province,
        "organiser": staff("tuyentruyen", province.office, Role.COMMUNICATION_OFFICER),
        "juror": staff("giamkhao", province.department, Role.SPECIALIST),
        "specialist": staff("chuyenvien", province.office, Role.SPECIALIST),
    }


def created(client, org) -> Contest:
    login(client, org["organiser"])
    response = client.post(NEW, contest_data(org["province"]))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Contest.objects.get(code="SK2027")


def test_the_organiser_creates_a_draft_and_heads_its_secretariat(client, org):
    login(client, org["organiser"])
    assert "Tạo hội thi" in client.get("/sang-kien/quan-ly/").content.decode()
    assert client.get(NEW).status_code == 200
    contest = created(client, org)
    assert contest.status == ContestStatus.DRAFT
    assert contest.phases.count() == 5
    head = Member.objects.get(contest=contest)
    assert (head.user, head.role, head.is_chair) == (org["organiser"], MemberRole.SECRETARIAT, True)
    assert AuditEvent.objects.filter(action="contest.create", target_id=str(contest.pk)).exists()
    page = client.get("/sang-kien/quan-ly/SK2027/thiet-lap/").content.decode()
    assert "Tổng trọng số các tiêu chí phải bằng 100%" in page  # what keeps it from launch
    assert client.get("/sang-kien/SK2027/").status_code == 404  # a draft is not public


def test_criteria_prizes_members_then_launch_and_the_public_page_follows_the_phases(client, org):
    contest = created(client, org)
    base = "/sang-kien/quan-ly/SK2027/thiet-lap/"
    for name, weight in (("Tính mới", "40"), ("Hiệu quả", "60")):
        response = client.post(
            base + "tieu-chi/",
            {"criterion-name": name, "criterion-weight": weight, "criterion-max_score": "10"},
        )
        assert response.status_code == 302
    over = client.post(
        base + "tieu-chi/", {"criterion-name": "Thừa", "criterion-weight": "1", "criterion-max_score": "10"}
    )
    assert over.status_code == 400
    assert "vượt 100%" in over.content.decode()
    assert client.post(base + "giai/", {"prize-name": "Giải Nhất", "prize-count": "1", "prize-amount": "0"})
    juror = client.post(base + "thanh-vien/", {"member-user": org["juror"].pk, "member-role": "juror"})
    assert juror.status_code == 302
    member = Member.objects.get(contest=contest, user=org["juror"])
    assert member.agency == org["province"].department  # sits for where he works: never scores its entries
    assert (
        client.post(
            base + "thanh-vien/", {"member-user": org["juror"].pk, "member-role": "juror"}
        ).status_code
        == 400
    )
    assert set(AuditEvent.objects.filter(target_id=str(contest.pk)).values_list("action", flat=True)) >= {
        "contest.criterion.add",
        "contest.prize.add",
        "contest.member.add",
    }
    page = client.get(base).content.decode()
    assert "Chưa thể phát động" not in page
    response = client.post("/sang-kien/quan-ly/SK2027/launch/")
    assert response.status_code == 302
    contest.refresh_from_db()
    assert contest.status == ContestStatus.OPEN

    public = client.__class__().get("/sang-kien/SK2027/").content.decode()
    assert "Đang diễn ra: Nhận bài dự thi" in public
    assert "Gửi bài dự thi" in public
    assert "Tính mới" in public
    assert "60%" in public

    refused = client.post(base + "giai/", {"prize-name": "Giải Nhì", "prize-count": "1", "prize-amount": "0"})
    assert refused.status_code == 400
    assert "đã phát động" in refused.content.decode()
    assert contest.prizes.count() == 1
    late = client.post(base + "thanh-vien/", {"member-user": org["specialist"].pk, "member-role": "juror"})
    assert late.status_code == 302  # a juror may still join a launched contest


def test_removing_keeps_the_last_secretary_and_audits(client, org):
    contest = created(client, org)
    base = "/sang-kien/quan-ly/SK2027/thiet-lap/"
    head = Member.objects.get(contest=contest)
    client.post(base + "xoa-thanh-vien/", {"pk": head.pk})
    assert Member.objects.filter(pk=head.pk).exists()
    client.post(
        base + "tieu-chi/", {"criterion-name": "A", "criterion-weight": "40", "criterion-max_score": "10"}
    )
    criterion = contest.criteria.get()
    assert client.post(base + "xoa-tieu-chi/", {"pk": criterion.pk}).status_code == 302
    assert not contest.criteria.exists()
    assert AuditEvent.objects.filter(action="contest.criterion.remove").exists()
    assert client.post(base + "xoa-tieu-chi/", {"pk": "abc"}).status_code == 302  # a message, no 500


def test_only_organisers_create_and_only_the_secretariat_sets_up(client, org):
    login(client, org["specialist"])
    assert client.get(NEW).status_code == 404
    assert client.post(NEW, contest_data(org["province"])).status_code == 404
    citizen = login(client.__class__(), CitizenFactory(username="congdan-setup"))
    assert citizen.get(NEW).status_code in (403, 404)
    created(client, org)
    juror = login(client.__class__(), org["juror"])
    assert juror.get("/sang-kien/quan-ly/SK2027/thiet-lap/").status_code == 404
    assert not Contest.objects.exclude(code="SK2027").exists()


def test_an_organiser_cannot_organise_for_an_agency_not_his(client, org):
    login(client, org["organiser"])
    response = client.post(NEW, contest_data(org["province"], organiser=org["province"].department.pk))
    assert response.status_code == 400
    assert not Contest.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "A\x00B"},
        {"code": "sk 2027!"},
        {"entries_starts": "31/02/2027"},
        {"entries_ends": day(-20)},  # ends before it starts
        {"preliminary_starts": day(-30)},  # before the entries phase
        {"finalists": "0"},
        {"min_award_score": "1e9"},
        {"rules": ""},
    ],
)
def test_bad_input_is_a_message_and_nothing_is_created(client, org, changes):
    login(client, org["organiser"])
    response = client.post(NEW, contest_data(org["province"], **changes))
    assert response.status_code == 400
    # A NUL byte is refused at the boundary (core.boundary), before the form.
    if not any("\x00" in value for value in changes.values()):
        assert "is-invalid" in response.content.decode()
    assert not Contest.objects.exists()


def test_editing_the_rules_and_phases_of_a_draft(client, org):
    contest = created(client, org)
    data = contest_data(org["province"], title="Hội thi đổi tên", entries_ends=day(40))
    data.pop("code")
    response = client.post("/sang-kien/quan-ly/SK2027/thiet-lap/chung/", data)
    assert response.status_code == 302
    contest.refresh_from_db()
    assert contest.title == "Hội thi đổi tên"
    assert contest.phases.get(kind="entries").ends_on == date.today() + timedelta(days=40)
    event = AuditEvent.objects.get(action="contest.update")
    assert "title" in event.changes
    assert "phase.entries" in event.changes
