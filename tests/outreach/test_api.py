"""/api/v1/outreach/…: the public reads only what is published; officers read their scope; training
reads are for the organisers; no asker's contact leaves the API."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from motcua.org.models import Role
from motcua.outreach import articles, services, training
from motcua.outreach.models import ArticleCategory, FaqTopic, Question
from tests.factories import CitizenFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def world(province, make_staff):
    commune = province.communes["Xã A"]["committee"]
    writer = make_staff(province.office, Role.COMMUNICATION_OFFICER, username="tuyentruyen")
    editor = make_staff(province.department, Role.COMMUNICATION_OFFICER, username="bientap")
    category = ArticleCategory.objects.create(name="Tin tức", order=0)

    def write(title):
        return articles.write_article(
            actor=writer,
            agency=commune,
            category=category,
            title=title,
            summary="Tóm tắt",
            body="<p>Nội dung</p>",
        )

    published = write("Xã A nhận hồ sơ không phụ thuộc địa giới")
    published = articles.submit(actor=writer, article=published, expected_version=1)
    articles.approve(
        actor=editor, article=published, expected_version=2, at=datetime(2026, 11, 3, 8, tzinfo=VN)
    )
    draft = write("Bản nháp chưa duyệt")
    topic = FaqTopic.objects.create(name="Nộp hồ sơ", order=0)
    shown = services.create_faq(
        actor=writer,
        topic=topic,
        agency=commune,
        question="Nộp trực tuyến thế nào?",
        answer="Trên cổng.",
        published=True,
    )
    hidden = services.create_faq(
        actor=writer,
        topic=topic,
        agency=commune,
        question="Câu hỏi chưa công khai",
        answer="Chưa.",
        published=False,
    )
    return {
        "writer": writer,
        "published": published,
        "draft": draft,
        "shown": shown,
        "hidden": hidden,
        **{"commune": commune},
    }


def test_anonymous_reads_published_articles_and_faqs_only(client, world):
    listed = client.get("/api/v1/outreach/articles/").json()
    assert [a["title"] for a in listed["results"]] == ["Xã A nhận hồ sơ không phụ thuộc địa giới"]
    assert client.get(f"/api/v1/outreach/articles/{world['draft'].pk}/").status_code == 404
    detail = client.get(f"/api/v1/outreach/articles/{world['published'].pk}/").json()
    assert detail["body"] == "<p>Nội dung</p>"
    assert detail["status"] == "published"
    found = client.get("/api/v1/outreach/articles/", {"q": "dia gioi"}).json()  # marks optional
    assert found["count"] == 1
    faqs = client.get("/api/v1/outreach/faqs/").json()
    assert [f["question"] for f in faqs["results"]] == ["Nộp trực tuyến thế nào?"]
    assert client.get(f"/api/v1/outreach/faqs/{world['hidden'].pk}/").status_code == 404
    assert client.get("/api/v1/outreach/questions/").status_code in (401, 403)
    assert client.get("/api/v1/outreach/training-courses/").status_code in (401, 403)


def test_a_communication_officer_reads_drafts_and_unpublished_entries_of_his_scope(client, world):
    client.force_login(world["writer"])
    titles = {a["title"] for a in client.get("/api/v1/outreach/articles/").json()["results"]}
    assert titles == {"Xã A nhận hồ sơ không phụ thuộc địa giới", "Bản nháp chưa duyệt"}
    drafts = client.get("/api/v1/outreach/articles/", {"status": "draft"}).json()
    assert [a["title"] for a in drafts["results"]] == ["Bản nháp chưa duyệt"]
    assert client.get("/api/v1/outreach/faqs/").json()["count"] == 2


def test_questions_leave_without_the_askers_contacts(client, world, province, make_staff):
    Question.objects.create(
        code="HD-000001",
        status="routed",
        asker_name="Nguyễn Văn Hỏi",
        asker_email="hoi@example.invalid",
        asker_phone="0912345678",
        title="Lệ phí cấp bản sao",
        body="Bao nhiêu?",
        agency=world["commune"],
        asked_at=timezone.now(),
    )
    officer = make_staff(world["commune"], Role.SPECIALIST, username="cv-xa-a")
    client.force_login(officer)
    reply = client.get("/api/v1/outreach/questions/")
    assert reply.status_code == 200
    text = reply.content.decode()
    assert "Lệ phí cấp bản sao" in text
    for secret in ("Nguyễn Văn Hỏi", "hoi@example.invalid", "0912345678"):
        assert secret not in text
    client.force_login(CitizenFactory())
    assert client.get("/api/v1/outreach/questions/").status_code == 403


def test_training_reads_for_the_organisers(client, world, province, make_staff):
    official = make_staff(
        province.communes["Xã A"]["centre"], Role.ONE_STOP_OFFICER, username="mc-a", full_name="Bùi Thị Hoa"
    )
    held = timezone.localdate() - timedelta(days=3)
    course = training.create_course(
        actor=world["writer"], agency=province.office, topic="Một cửa", starts_on=held, ends_on=held
    )
    rows = training.enrol_officials(
        actor=world["writer"], course=course, agency=world["commune"], roles=[Role.ONE_STOP_OFFICER]
    )
    training.record_attendance(actor=world["writer"], course=course, present={rows[0].pk})
    client.force_login(world["writer"])
    listed = client.get("/api/v1/outreach/training-courses/", {"year": held.year}).json()["results"]
    assert [(c["topic"], c["enrolled"], c["present"]) for c in listed] == [("Một cửa", 1, 1)]
    detail = client.get(f"/api/v1/outreach/training-courses/{course.pk}/").json()
    assert detail["attendees"][0]["name"] == "Bùi Thị Hoa"
    assert detail["attendees"][0]["attended"] is True
    coverage = client.get("/api/v1/outreach/training-coverage/", {"year": held.year}).json()
    centre = next(r for r in coverage if r["agency_name"] == "Trung tâm PVHCC Xã A")
    assert (centre["officials"], centre["trained"], centre["rate"]) == (1, 1, "100.00")
    assert client.get("/api/v1/outreach/training-coverage/", {"year": "abc"}).status_code == 400
    client.force_login(official)
    assert client.get("/api/v1/outreach/training-courses/").status_code == 403
