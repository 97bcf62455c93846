"""The public Q&A: communication officers write it for the agencies they see; only published entries are
public; the search ignores Vietnamese marks."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from motcua.core.models import AuditEvent
from motcua.org.models import Role
from motcua.outreach import selectors, services
from motcua.outreach.models import Faq
from tests.factories import CitizenFactory


@pytest.fixture
def communicator(province, make_staff):
    """The provincial communication officer (Sở Nội vụ style): sees every agency of the province."""
    return make_staff(province.department, Role.COMMUNICATION_OFFICER, username="tuyentruyen")


@pytest.fixture
def commune_communicator(province, make_staff):
    return make_staff(province.communes["Xã A"]["committee"], Role.COMMUNICATION_OFFICER, username="tt-xa-a")


@pytest.fixture
def topic(communicator):
    return services.create_faq_topic(actor=communicator, name="Nộp hồ sơ trực tuyến", order=1)


def make_faq(actor, topic, agency, **kwargs):
    values = {
        "question": "Đăng ký tài khoản dịch vụ công như thế nào?",
        "answer": "Bạn bấm Đăng ký.\n\nSau đó xác thực số điện thoại.",
        "published": True,
    }
    values.update(kwargs)
    return services.create_faq(actor=actor, topic=topic, agency=agency, **values)


def test_a_communication_officer_writes_and_the_change_is_audited(communicator, topic, province):
    faq = make_faq(communicator, topic, province.centre)
    services.update_faq(actor=communicator, faq=faq, published=False, question="Câu hỏi mới?")
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions[-3:] == ["faq_topic.create", "faq.create", "faq.update"]
    faq.refresh_from_db()
    assert (faq.question, faq.published, faq.updated_by) == ("Câu hỏi mới?", False, communicator)


def test_a_commune_officer_cannot_write_for_the_province(commune_communicator, topic, province):
    with pytest.raises(PermissionDenied):
        make_faq(commune_communicator, topic, province.centre)
    make_faq(commune_communicator, topic, province.communes["Xã A"]["centre"])  # its own commune: fine
    assert Faq.objects.count() == 1


def test_other_staff_and_citizens_cannot_write(province, make_staff, topic):
    specialist = make_staff(province.communes["Xã A"]["committee"], Role.SPECIALIST, username="cv")
    for actor in (specialist, CitizenFactory()):
        with pytest.raises(PermissionDenied):
            make_faq(actor, topic, province.communes["Xã A"]["centre"])
        with pytest.raises(PermissionDenied):
            services.create_faq_topic(actor=actor, name="Khác")


def test_unpublished_entries_are_not_public(client, communicator, topic, province):
    make_faq(communicator, topic, province.centre, question="Câu hỏi đã công khai?")
    make_faq(communicator, topic, province.centre, question="Câu hỏi còn nháp?", published=False)
    page = client.get(reverse("portal:faq")).content.decode()
    assert "Câu hỏi đã công khai?" in page
    assert "Câu hỏi còn nháp?" not in page
    assert "<details" in page
    assert "<summary>Câu hỏi đã công khai?</summary>" in page
    assert [f.question for f in selectors.published_faqs()] == ["Câu hỏi đã công khai?"]


def test_search_without_accents_finds_the_question(client, communicator, topic, province):
    make_faq(communicator, topic, province.centre)
    make_faq(
        communicator, topic, province.centre, question="Lệ phí cấp giấy phép xây dựng?", answer="50.000 đồng."
    )
    page = client.get(reverse("portal:faq"), {"q": "dang ky"}).content.decode()
    assert "Đăng ký tài khoản dịch vụ công như thế nào?" in page
    assert "Lệ phí cấp giấy phép xây dựng?" not in page
    assert 'value="dang ky"' in page
    assert "Không tìm thấy" in client.get(reverse("portal:faq"), {"q": "khong co gi"}).content.decode()


def test_answers_are_plain_text_with_paragraphs(client, communicator, topic, province):
    make_faq(
        communicator,
        topic,
        province.centre,
        answer="Đoạn một <script>x</script>.\n\nĐoạn hai https://dichvucong.gov.vn",
    )
    page = client.get(reverse("portal:faq")).content.decode()
    assert "<script>x</script>" not in page
    assert "&lt;script&gt;" in page
    assert '<a href="https://dichvucong.gov.vn"' in page
    assert page.count("<p>Đoạn") == 2


def test_staff_pages_refuse_anonymous_and_citizens(client, communicator, topic, province):
    faq = make_faq(communicator, topic, province.centre)
    edit = reverse("outreach:faq_edit", args=[faq.pk])
    response = client.post(edit, {"question": "Sửa bậy?"})
    assert response.status_code == 302
    assert reverse("login") in response.headers["Location"]
    client.force_login(CitizenFactory())
    assert client.get(reverse("outreach:faqs")).status_code == 403
    assert client.post(edit, {"question": "Sửa bậy?"}).status_code == 403
    faq.refresh_from_db()
    assert faq.question == "Đăng ký tài khoản dịch vụ công như thế nào?"


def test_a_communication_officer_uses_the_staff_pages(client, communicator, topic, province):
    client.force_login(communicator)
    assert client.get(reverse("outreach:faqs")).status_code == 200
    data = {
        "topic": topic.pk,
        "agency": province.centre.pk,
        "question": "Tết có nhận hồ sơ không?",
        "answer": "Trung tâm nghỉ theo lịch nghỉ Tết.",
        "procedure_code": "",
        "order": 0,
        "published": "on",
    }
    response = client.post(reverse("outreach:faq_create"), data)
    assert response.status_code == 302
    faq = Faq.objects.get(question="Tết có nhận hồ sơ không?")
    assert faq.published
    response = client.post(reverse("outreach:faq_edit", args=[faq.pk]), {**data, "published": ""})
    assert response.status_code == 302
    faq.refresh_from_db()
    assert not faq.published
    bad = client.post(reverse("outreach:faq_create"), {**data, "procedure_code": "9.999999"})
    assert bad.status_code == 200
    assert "No published procedure has this code." in bad.content.decode()
    response = client.post(reverse("outreach:faq_delete", args=[faq.pk]))
    assert response.status_code == 302
    assert not Faq.objects.filter(pk=faq.pk).exists()


def test_topics_are_managed_on_their_page(client, communicator, topic, province):
    client.force_login(communicator)
    response = client.post(reverse("outreach:faq_topics"), {"name": "Phí, lệ phí", "order": 2})
    assert response.status_code == 302
    make_faq(communicator, topic, province.centre)
    response = client.post(reverse("outreach:faq_topic_delete", args=[topic.pk]), follow=True)
    assert "The topic still has questions." in response.content.decode()
    assert client.get(reverse("outreach:faq_topic_edit", args=[topic.pk])).status_code == 200


def test_staff_list_is_scoped_to_the_agencies_the_officer_sees(
    commune_communicator, communicator, topic, province
):
    make_faq(communicator, topic, province.centre, question="Của tỉnh?")
    make_faq(communicator, topic, province.communes["Xã A"]["centre"], question="Của xã A?")
    make_faq(communicator, topic, province.communes["Xã B"]["centre"], question="Của xã B?")
    assert [f.question for f in selectors.faqs_for(commune_communicator)] == ["Của xã A?"]
    assert len(selectors.faqs_for(communicator)) == 3
