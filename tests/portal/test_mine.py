"""My dossiers: only mine, in plain words, with the countdown, files for the owner only, supplement online,
withdraw."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from motcua.dossiers import services
from motcua.dossiers.models import DossierDocument
from motcua.integrations import signatures
from motcua.portal import mine
from motcua.workdays.models import PeriodEndRule
from tests.dossiers.factories import receive, submit_online, vn
from tests.evaluation.factories import PDF, PNG, processing, returned, with_result
from tests.factories import CitizenFactory

LIST = "/dich-vu-cong/ho-so-cua-toi/"


def detail(dossier) -> str:
    return f"{LIST}{dossier.pk}/"


def test_the_list_shows_my_dossiers_only(client, desk):
    me, other = CitizenFactory(), CitizenFactory()
    mine_ = submit_online(desk, me)
    theirs = submit_online(desk, other)
    counter = receive(desk)  # received at the counter: nobody's account
    client.force_login(me)
    body = client.get(LIST).content.decode()
    assert mine_.code in body
    assert theirs.code not in body
    assert counter.code not in body
    assert client.get(detail(theirs)).status_code == 404
    assert client.get(detail(counter)).status_code == 404
    assert client.get(detail(mine_)).status_code == 200


def test_anonymous_visitors_log_in_and_officers_see_nothing_here(client, desk):
    citizen = CitizenFactory()
    dossier = submit_online(desk, citizen)
    response = client.get(detail(dossier))
    assert response.status_code == 302
    assert "/dang-nhap/" in response.url
    client.force_login(desk.officer_b)  # another commune's officer
    assert client.get(LIST).status_code == 403
    assert client.get(detail(dossier)).status_code == 403
    assert mine.my_dossiers(desk.officer_a).count() == 0


def test_filters_active_and_finished(client, desk):
    citizen = CitizenFactory()
    active = processing(desk, citizen)
    done = returned(desk, citizen)
    client.force_login(citizen)
    active_page = client.get(LIST, {"show": "active"}).content.decode()
    finished_page = client.get(LIST, {"show": "finished"}).content.decode()
    assert active.code in active_page
    assert done.code not in active_page
    assert done.code in finished_page
    assert active.code not in finished_page


def test_the_list_is_paginated(client, desk):
    citizen = CitizenFactory()
    for _ in range(21):
        submit_online(desk, citizen)
    client.force_login(citizen)
    first = client.get(LIST).content.decode()
    assert "1 / 2" in first
    assert client.get(LIST, {"page": 2}).content.decode().count('<h2 class="h6 mb-1">') == 1


def test_the_countdown_counts_working_time(desk):
    # The countdown's arithmetic, under the same-clock-time rule (the Civil Code row is tested in workdays).
    PeriodEndRule.objects.update(rule="clock_time")
    citizen = CitizenFactory()
    dossier = processing(desk, citizen, at=vn(2026, 3, 2, 8))  # Monday 08:00, three working days
    assert timezone.localtime(dossier.due_at) == vn(2026, 3, 4, 17)  # Wednesday at closing time
    assert mine.countdown(dossier, vn(2026, 3, 2, 8)).text == "còn 3 ngày làm việc"
    assert mine.countdown(dossier, vn(2026, 3, 3, 12)).text == "còn 1 ngày 4 giờ làm việc"
    assert mine.countdown(dossier, vn(2026, 3, 4, 12)).text == "còn 4 giờ làm việc"
    assert mine.countdown(dossier, vn(2026, 3, 4, 16, 30)).text == "còn 1 giờ làm việc"
    late = mine.countdown(dossier, vn(2026, 3, 5, 10))
    assert late.overdue
    assert late.text == "quá hạn 1 ngày làm việc"
    assert mine.countdown(dossier, vn(2026, 3, 6, 10)).text == "quá hạn 2 ngày làm việc"
    # Saturday and Sunday do not count.
    assert mine.countdown(dossier, vn(2026, 3, 9, 9)).text == "quá hạn 3 ngày làm việc"


def test_the_detail_speaks_plain_words_without_staff_names_or_internal_notes(client, desk):
    citizen = CitizenFactory()
    dossier = processing(desk, citizen, at=vn(2026, 3, 2, 9))
    dossier = services.hand_over(
        actor=desk.specialist_a,
        dossier=dossier,
        expected_version=dossier.version,
        note="Ghi chú nội bộ: gọi lại cho chủ tịch",
        at=vn(2026, 3, 2, 10),
    )
    client.force_login(citizen)
    body = client.get(detail(dossier)).content.decode()
    assert "Hồ sơ đã được kiểm tra và tiếp nhận" in body
    assert "Hồ sơ được chuyển xử lý" in body
    assert "Ghi chú nội bộ" not in body
    for officer in ("motcua.a", "chuyenvien.a", "lanhdao.a"):
        assert officer not in body
    assert "quá hạn" in body  # 2026-03 is long past: the countdown shows the delay


def test_supplement_online_end_to_end(client, desk):
    citizen = CitizenFactory()
    dossier = processing(desk, citizen)
    dossier = services.request_supplement(
        actor=desk.specialist_a,
        dossier=dossier,
        expected_version=dossier.version,
        missing="Bản sao giấy tờ chứng minh nơi cư trú",
    )
    client.force_login(citizen)
    page = client.get(detail(dossier)).content.decode()
    assert "Bản sao giấy tờ chứng minh nơi cư trú" in page
    assert "tạm dừng tính thời gian" in page
    form = client.get(f"{detail(dossier)}bo-sung/").content.decode()
    assert "Bản sao giấy tờ chứng minh nơi cư trú" in form
    response = client.post(
        f"{detail(dossier)}bo-sung/",
        {
            "version": dossier.version,
            "answer": "Gửi bản chụp sổ tạm trú",
            "files": [SimpleUploadedFile("so-tam-tru.png", PNG)],
        },
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == "processing"
    assert dossier.missing_documents == ""
    assert dossier.pauses.get().ended_at is not None
    added = dossier.documents.get(supplemented=True)
    assert added.name == "so-tam-tru.png"
    assert dossier.events.last().reason == "Gửi bản chụp sổ tạm trú"
    download = client.get(f"{detail(dossier)}giay-to/{added.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PNG
    client.force_login(CitizenFactory())
    assert client.get(f"{detail(dossier)}giay-to/{added.pk}/").status_code == 404


def test_upload_abuse_on_a_supplement_stores_nothing(client, desk, settings, tmp_path):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 1024
    settings.MOTCUA_SUPPLEMENT_MAX_FILES = 2
    citizen = CitizenFactory()
    dossier = processing(desk, citizen)
    dossier = services.request_supplement(
        actor=desk.specialist_a, dossier=dossier, expected_version=dossier.version, missing="Tờ khai"
    )
    client.force_login(citizen)
    url = f"{detail(dossier)}bo-sung/"
    cases = [
        ([SimpleUploadedFile("to-khai.pdf", b"<script>alert(1)</script>")], "scripts are not accepted"),
        ([SimpleUploadedFile("to-khai.pdf", PDF + b"0" * 2048)], "The file is too large"),
        ([SimpleUploadedFile(f"{i}.png", PNG) for i in range(3)], "At most 2 files"),
        ([SimpleUploadedFile("ok.png", PNG), SimpleUploadedFile("x.pdf", b"MZ")], "x.pdf"),
        ([], "Write an answer or attach"),
    ]
    for files, message in cases:
        response = client.post(url, {"version": dossier.version, "answer": "", "files": files})
        assert response.status_code == 200
        assert message in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == "supplement_requested"
    assert not DossierDocument.objects.filter(supplemented=True).exists()
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_a_stale_supplement_form_is_refused_with_a_clear_message(client, desk):
    citizen = CitizenFactory()
    dossier = processing(desk, citizen)
    dossier = services.request_supplement(
        actor=desk.specialist_a, dossier=dossier, expected_version=dossier.version, missing="Tờ khai"
    )
    client.force_login(citizen)
    response = client.post(
        f"{detail(dossier)}bo-sung/", {"version": dossier.version - 1, "answer": "Đã bổ sung"}
    )
    assert "Someone else has just updated this dossier" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == "supplement_requested"


def test_withdraw_needs_a_reason_on_a_confirm_page(client, desk):
    citizen = CitizenFactory()
    dossier = processing(desk, citizen)
    client.force_login(citizen)
    url = f"{detail(dossier)}rut-ho-so/"
    assert "Xác nhận rút hồ sơ" in client.get(url).content.decode()
    empty = client.post(url, {"version": dossier.version, "reason": ""})
    assert "A reason is required." in empty.content.decode()
    assert 'aria-describedby="id_reason_error"' in empty.content.decode()
    response = client.post(url, {"version": dossier.version, "reason": "Tôi nộp nhầm thủ tục"})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == "withdrawn"
    assert "Hồ sơ đã được rút" in client.get(detail(dossier)).content.decode()
    again = client.get(url)
    assert again.status_code == 302  # nothing left to withdraw


def test_another_citizen_cannot_withdraw_or_supplement(client, desk):
    dossier = processing(desk, CitizenFactory())
    client.force_login(CitizenFactory())
    assert client.post(f"{detail(dossier)}rut-ho-so/", {"version": 1, "reason": "x"}).status_code == 404
    assert client.post(f"{detail(dossier)}bo-sung/", {"version": 1, "answer": "x"}).status_code == 404
    dossier.refresh_from_db()
    assert dossier.status == "processing"


def test_the_electronic_result_is_downloaded_by_the_owner_only(client, desk):
    citizen = CitizenFactory()
    early = processing(desk, citizen)
    dossier = with_result(desk, citizen)
    client.force_login(citizen)
    page = client.get(detail(dossier)).content.decode()
    assert "12/QĐ-UBND" in page
    assert "Tải kết quả điện tử" in page
    response = client.get(f"{detail(dossier)}ket-qua/")
    assert response.status_code == 200
    downloaded = b"".join(response.streaming_content)
    assert downloaded.startswith(PDF)  # the result as attached, with the leader's signature added (issue 22)
    assert signatures.verify(downloaded)[0].valid
    assert f"ket-qua-{dossier.code}.pdf" in response["Content-Disposition"]
    assert client.get(f"{detail(early)}ket-qua/").status_code == 404
    client.force_login(CitizenFactory())
    assert client.get(f"{detail(dossier)}ket-qua/").status_code == 404
    client.force_login(desk.officer_a)
    assert client.get(f"{detail(dossier)}ket-qua/").status_code == 403


def test_due_soon_countdown_on_the_list_uses_hours(client, desk):
    citizen = CitizenFactory()
    dossier = submit_online(desk, citizen)
    client.force_login(citizen)
    body = client.get(LIST).content.decode()
    left = mine.countdown(dossier)
    assert left is not None
    assert left.text in body
    assert mine.countdown(dossier, dossier.due_at + timedelta(hours=1)).overdue
