"""Pages over real HTTP: send, track, supplement, vote, the officers' queue and actions, public answers."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from motcua.feedback import services
from motcua.feedback.models import Feedback

from .conftest import published, send, vn

pytestmark = pytest.mark.django_db
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def form_data(**overrides):
    data = {
        "sender_kind": "person",
        "name": "Trần Thị Bình",
        "phone": "0987654321",
        "email": "",
        "address": "Xã A",
        "kind": "report",
        "title": "Phí chứng thực thu sai",
        "content": "Tôi bị thu phí cao hơn quy định. Liên hệ 0987 654 321.",
        "proposal": "",
        "regulation": "",
        "regulation_article": "",
        "procedure_code": "",
    }
    return {**data, **overrides}


def test_an_anonymous_visitor_sends_then_tracks_with_the_last_four_digits(client, world):
    response = client.post(reverse("feedback:send"), form_data(), follow=True)
    assert response.status_code == 200
    code = Feedback.objects.get().code
    assert code in response.content.decode()
    other = client.__class__()
    assert other.post(reverse("feedback:track"), {"code": code, "secret": "0000"}).status_code == 404
    response = other.post(reverse("feedback:track"), {"code": code.lower(), "secret": "4321"}, follow=True)
    assert response.status_code == 200
    assert "Chờ kiểm tra, phân loại" in response.content.decode()


def test_tracking_is_rate_limited(client, world, settings):
    settings.MOTCUA_TRACKING_LIMIT = (2, 600)
    for _ in range(2):
        client.post(reverse("feedback:track"), {"code": "PAXXXXXXXX", "secret": "1234"})
    assert client.post(reverse("feedback:track"), {"code": "PAXXXXXXXX", "secret": "1234"}).status_code == 429


def test_the_tracking_page_of_an_item_is_not_open_without_the_check(client, world):
    item = send(world)
    assert client.get(reverse("feedback:tracked", args=[item.pk])).status_code == 404


def test_a_missing_contact_and_a_bad_upload_are_told_in_both_languages(client, world):
    response = client.post(reverse("feedback:send"), form_data(phone="", email=""))
    assert response.status_code == 200
    assert "A phone or an e-mail is required" in response.content.decode()
    fake = SimpleUploadedFile("giay.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(reverse("feedback:send"), {**form_data(), "files": [fake]})
    assert response.status_code == 200
    assert " / " in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_real_pdf_attachment_is_kept_and_served_only_to_officers_in_scope(client, world):
    pdf = SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    client.post(reverse("feedback:send"), {**form_data(), "files": [pdf]})
    attachment = Feedback.objects.get().attachments.get()
    url = reverse("core:download", args=["feedback-attachment", attachment.pk])
    client.force_login(world.receiver)
    assert client.get(url).status_code == 200
    client.force_login(world.other_specialist)
    assert client.get(url).status_code == 404


def test_a_citizen_supplements_from_the_tracking_page(client, world):
    item = send(world)
    services.ask_to_complete(actor=world.receiver, feedback=item, expected_version=1, missing="Số văn bản")
    client.force_login(world.citizen)
    response = client.post(
        reverse("feedback:supplement", args=[item.pk]), {"text": "NĐ 123/2015"}, follow=True
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == "received"


def test_the_officer_queue_highlights_overdue_items_and_hides_other_agencies(client, world):
    late = send(world, at=timezone.now() - timedelta(days=30))
    fresh = send(world, at=timezone.now())
    client.force_login(world.receiver)
    page = client.get(reverse("feedback:queue")).content.decode()
    assert late.code in page
    assert fresh.code in page
    assert page.count("table-danger") == 1
    client.force_login(world.other_specialist)
    assert late.code not in client.get(reverse("feedback:queue")).content.decode()
    assert client.get(reverse("feedback:item", args=[late.pk])).status_code == 404
    assert client.post(reverse("feedback:act", args=[late.pk, "refuse"]), {}).status_code == 404


def test_a_citizen_is_refused_the_officer_pages(client, world):
    client.force_login(world.citizen)
    assert client.get(reverse("feedback:queue")).status_code == 403


def test_officers_classify_route_answer_approve_and_publish_through_the_pages(client, world):
    item = send(world, content={"content": HOSTILE})
    client.force_login(world.receiver)
    page = client.get(reverse("feedback:item", args=[item.pk])).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert "0912345678" in page  # the desk handles it: it sees the contacts
    steps = [
        (
            world.receiver,
            "accept",
            {"accept-version": 1, "accept-category": "regulation", "accept-kind": "report"},
        ),
        (world.receiver, "route", {"route-version": 2, "route-agency": world.justice.pk, "route-note": ""}),
        (
            world.specialist,
            "draft_answer",
            {"draft_answer-version": 3, "draft_answer-answer": "Đã chấn chỉnh."},
        ),
        (world.leader, "approve", {"approve-version": 4}),
        (world.receiver, "publish", {"publish-version": 5}),
    ]
    for actor, action, data in steps:
        client.force_login(actor)
        response = client.post(reverse("feedback:act", args=[item.pk, action]), data)
        assert response.status_code == 302, (action, response.content.decode()[:2000])
    item.refresh_from_db()
    assert item.status == "published"


def test_a_stale_form_is_a_conflict_message_not_an_error_page(client, world):
    item = send(world)
    services.accept(actor=world.receiver, feedback=item, expected_version=1, category="regulation")
    client.force_login(world.receiver)
    response = client.post(
        reverse("feedback:act", args=[item.pk, "route"]),
        {"route-version": 1, "route-agency": world.justice.pk},
    )
    assert response.status_code == 400
    assert "reload it and try again" in response.content.decode()


def test_an_action_the_table_refuses_is_a_message(client, world):
    item = send(world)
    client.force_login(world.receiver)
    response = client.post(reverse("feedback:act", args=[item.pk, "publish"]), {"publish-version": 1})
    assert response.status_code == 400
    response = client.post(reverse("feedback:act", args=[item.pk, "nonsense"]), {})
    assert response.status_code == 404


def test_other_officers_in_scope_see_the_sender_masked(client, world):
    from tests.conftest import RoleAssignmentFactory, StaffFactory

    overseer = StaffFactory(username="giamsat")
    RoleAssignmentFactory(user=overseer, agency=world.office.parent, role="control_officer")
    item = send(world)
    client.force_login(overseer)
    page = client.get(reverse("feedback:item", args=[item.pk])).content.decode()
    assert "0912345678" not in page
    assert "N. V. A." in page


def test_the_public_page_masks_personal_data_and_shows_html_as_text(client, world):
    item = published(world, at=vn(2026, 12, 1, 9, 0))
    Feedback.objects.filter(pk=item.pk).update(
        content=f"Tôi là Nguyễn Văn An, số 0912 345 678, an@example.vn, CCCD 001090012345. {HOSTILE}"
    )
    page = client.get(reverse("feedback:public_item", args=[item.pk])).content.decode()
    for secret in ("0912 345 678", "an@example.vn", "001090012345", "Nguyễn Văn An", "<script>alert"):
        assert secret not in page
    assert "N. V. A." in page
    assert "&lt;script&gt;" in page
    listing = client.get(reverse("feedback:public_list"), {"q": "sổ hộ khẩu", "sector": world.sector.pk})
    assert item.code in listing.content.decode()
    assert (
        item.code
        not in client.get(reverse("feedback:public_list"), {"q": "giấy phép lái xe"}).content.decode()
    )
    assert client.get(reverse("feedback:public_item", args=[send(world).pk])).status_code == 404
    assert client.get(reverse("feedback:public_list"), {"sector": "abc"}).status_code == 200


def test_the_sender_disagrees_from_the_tracking_page_once(client, world):
    item = published(world)
    client.post(reverse("feedback:track"), {"code": item.code, "secret": "an@example.vn"})
    client.post(reverse("feedback:vote", args=[item.pk]), {"agrees": "0"})
    client.post(reverse("feedback:vote", args=[item.pk]), {"agrees": "0"})
    item.refresh_from_db()
    assert item.disagree_count == 1
    assert item.votes.get().by_sender


def test_feedback_from_my_dossiers_links_to_the_dossier_and_only_ones_own(client, desk):
    from motcua.feedback.models import FeedbackDesk
    from tests.dossiers.factories import submit_online
    from tests.factories import CitizenFactory

    FeedbackDesk.objects.create(agency=desk.province.office, is_default=True)
    citizen = CitizenFactory()
    dossier = submit_online(desk, citizen)
    client.force_login(citizen)
    url = reverse("feedback:send") + f"?ho-so={dossier.pk}"
    assert dossier.code in client.get(url).content.decode()
    client.post(url, form_data())
    assert Feedback.objects.get().dossier == dossier
    client.force_login(CitizenFactory())
    assert client.get(url).status_code == 404
    assert client.get(reverse("feedback:send") + "?ho-so=abc").status_code == 404


def test_the_feedback_pages_speak_english_in_the_english_interface(client, world, request):
    """Every label, status and message of the feedback pages has its English text (no Vietnamese left)."""
    from django.utils import translation

    request.addfinalizer(translation.deactivate)  # the middleware leaves English active in this thread
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("feedback:send")).content.decode()
    for english in (
        "Send feedback on administrative regulations",
        "Full name or name of the organisation",
        "Content of the feedback",
        "Complaints and denunciations are settled under the Law",
    ):
        assert english in page, english  # fmt: skip
    assert "Họ tên hoặc tên tổ chức" not in page
    refused = client.post(reverse("feedback:send"), form_data(phone="", email="")).content.decode()
    assert "A phone number or an e-mail address is required to receive the answer." in refused
    assert "Cần số điện thoại" not in refused
    item = send(world)
    client.force_login(world.receiver)
    queue = client.get(reverse("feedback:queue")).content.decode()
    assert "Feedback to handle" in queue
    assert "Awaiting check and classification" in queue
    detail = client.get(reverse("feedback:item", args=[item.pk])).content.decode()
    assert "Handling history" in detail
    assert "Chờ kiểm tra, phân loại" not in detail


def test_the_procedure_sheet_prints_the_feedback_channels(client, world):
    """The A4 sheet posted at the desk names where to send feedback: the portal page and the default desk's
    hotline and e-mail (org.FeedbackChannel)."""
    import shutil
    import subprocess

    from motcua.org.models import FeedbackChannel
    from tests.catalog.factories import published as published_procedure

    FeedbackChannel.objects.create(agency=world.office, kind="hotline", value="0274 3822 999", position=1)
    FeedbackChannel.objects.create(agency=world.office, kind="email", value="pakn@example.gov.vn", position=2)
    procedure = published_procedure(name="Đăng ký khai sinh")
    pdf = client.get(reverse("catalog:sheet", args=[procedure.national_code])).content
    assert pdf.startswith(b"%PDF")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Phản ánh, kiến nghị về quy định hành chính" in text
    assert "/phan-anh/gui/" in text
    assert "0274 3822 999" in text
    assert "pakn@example.gov.vn" in text


def test_the_officer_queue_pages_by_due_date_and_caps_its_count(client, world, monkeypatch, request):
    """The queue reads one page plus one row and counts at most COUNT_UP_TO items (issue 15's performance
    goal): beyond that it says "more than", and the pages walk the items most urgent first."""
    from motcua.feedback import selectors, views

    monkeypatch.setattr(views, "QUEUE_PAGE", 2)
    items = [send(world, at=timezone.now() - timedelta(days=days)) for days in (1, 9, 3, 7, 5)]
    by_due = sorted(items, key=lambda f: (f.due_at, f.pk))
    client.force_login(world.receiver)
    url = reverse("feedback:queue")

    def codes_on(page: str) -> list[str]:
        return [f.code for f in items if f.code in page]

    first = client.get(url).content.decode()
    assert "5 phản ánh." in first
    assert sorted(codes_on(first)) == sorted(f.code for f in by_due[:2])
    assert "page=2" in first
    assert "Trang trước" not in first
    second = client.get(url, {"page": 2}).content.decode()
    assert sorted(codes_on(second)) == sorted(f.code for f in by_due[2:4])
    assert "page=1" in second
    assert "page=3" in second
    last = client.get(url, {"page": 3}).content.decode()
    assert codes_on(last) == [by_due[4].code]
    assert "Trang sau" not in last
    assert client.get(url, {"page": "x"}).status_code == 200  # a bad page number is the first page

    monkeypatch.setattr(selectors, "COUNT_UP_TO", 3)
    assert "Hơn 3 phản ánh." in client.get(url).content.decode()
    from django.utils import translation

    request.addfinalizer(translation.deactivate)  # the middleware leaves English active in this thread
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(url, {"page": 2}).content.decode()
    assert "More than 3 items." in english
    assert "Page 2." in english
    assert "Previous page" in english
