"""The demo communication: published articles in issues, questions at three stages (the published one
masked in the public Q&A), a training course held with attendance and certificates; idempotent."""

from datetime import date

import pytest
from django.core.management import call_command

from motcua.control.computations import get as computation
from motcua.core.models import AuditEvent
from motcua.org.models import Agency
from motcua.outreach.models import (
    Article,
    Attendance,
    CommunicationActivity,
    Distribution,
    Faq,
    Question,
    ReadingPoint,
    TrainingCourse,
)

pytestmark = pytest.mark.django_db


def test_the_demo_communication_is_loaded_through_the_services_and_a_second_load_writes_nothing(
    client, settings, tmp_path
):
    settings.MOTCUA_PRIVATE_ROOT = str(tmp_path)
    call_command("load_demo", stdout=None)
    published = Article.objects.filter(status="published")
    assert published.count() == 3
    assert set(published.values_list("issue__number", flat=True)) == {"10/2026", "11/2026"}
    assert CommunicationActivity.objects.filter(article__in=published).count() == 3
    page = client.get("/tuyen-truyen/ban-tin/").content.decode()
    assert "không phụ thuộc địa giới hành chính" in page

    statuses = dict(Question.objects.values_list("title", "status"))
    assert statuses["Đăng ký khai sinh cho con khi bố mẹ chưa đăng ký kết hôn"] == "published"
    assert statuses["Lệ phí cấp bản sao trích lục khai sinh"] == "awaiting_approval"
    assert statuses["Thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ"] == "received"
    faq = Faq.objects.get(source_question__isnull=False)
    assert faq.published
    assert faq.procedure.national_code == "1.001193"
    assert "Nguyễn Văn Thành" not in faq.question + faq.answer  # the asker's name is masked

    held = TrainingCourse.objects.get(starts_on=date(2026, 9, 15))
    present = held.attendees.filter(attended=True)
    assert present.count() >= 4
    assert held.attendees.get(user__username="motcua.tinh").attended is False
    assert all(a.certificate_number for a in present)
    assert not Attendance.objects.filter(course__starts_on__year=2027, attended__isnull=False).exists()
    # The target "100% of one-stop and control officers trained" from those rows: the commune Đông Hưng
    # is fully trained, the province's centre (its officer was absent) is not.
    rate = computation("outreach.officials_trained_rate").compute
    donghung = Agency.objects.filter(code__in=["000.00.44.H99", "000.01.44.H99"]).values_list("pk", flat=True)
    centre = Agency.objects.filter(code="000.00.02.H99").values_list("pk", flat=True)
    year = (date(2026, 1, 1), date(2026, 12, 31))
    assert rate([frozenset(donghung)], *year, {}) == 100
    assert rate([frozenset(centre)], *year, {}) == 0

    # Reading points: three commune post offices received material (with a proof photo), Yên Thành's
    # has not yet: the seed's target "100% of post-office reading points have reform material" is 75%.
    assert ReadingPoint.objects.filter(kind="post_office").count() == 4
    assert Distribution.objects.exclude(proof="").count() == 4
    with Distribution.objects.exclude(proof="").first().proof.open("rb") as photo:
        assert photo.read(3) == b"\xff\xd8\xff"  # a JPEG, stored like an uploaded one
    points = computation("outreach.reading_points_with_material_rate").compute
    communes = [
        frozenset(Agency.objects.filter(code=code).values_list("pk", flat=True))
        for code in ("000.00.44.H99", "000.00.45.H99", "000.00.46.H99", "000.00.47.H99")
    ]
    assert points(communes, *year, {}) == 75

    events = AuditEvent.objects.count()
    call_command("load_demo", stdout=None)
    assert AuditEvent.objects.count() == events
