"""Demo communication of the Minh Sơn province (data/outreach.json), written by outreach's services: the
e-bulletin's columns, two issues and three published articles; three citizens' questions at different
stages (one answered and published in the Q&A with the asker's name masked, one awaiting the leader's
approval, one waiting at the desk); a training course held in September 2026 with its attendance and
certificates, and one planned for March 2027; the reading points of four communes (three commune
post offices with material delivered and a proof photo, one still waiting, and a commune library).
Rows are found again by their title, so loading again writes nothing. Needs the organisation, the
catalog and the FAQ topics (demo.faq) loaded first."""

from __future__ import annotations

from datetime import date, datetime
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from motcua.catalog.models import Procedure
from motcua.org.models import Agency, Role, User
from motcua.outreach import articles, questions, reading_points, training
from motcua.outreach.models import (
    Article,
    ArticleCategory,
    BulletinIssue,
    Distribution,
    FaqTopic,
    Question,
    ReadingPoint,
    TrainingCourse,
)

from . import records

VN = ZoneInfo("Asia/Ho_Chi_Minh")
WRITER = "tuyentruyen"  # the demo communication officer (Sở Nội vụ): writes the articles, organises training


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=VN)


def _procedure(code: str | None) -> Procedure | None:
    return Procedure.objects.filter(national_code=code).first() if code else None


def load() -> dict[str, int]:
    data = records.read("outreach.json")
    writer = User.objects.filter(username=WRITER).first()
    if writer is None:  # the demo organisation is not loaded
        return {"articles": 0, "questions": 0, "training_courses": 0, "reading_points": 0}
    with transaction.atomic():
        _bulletin(data, writer)
    with transaction.atomic():
        _questions(data["questions"])
    with transaction.atomic():
        _courses(data["courses"], writer)
    with transaction.atomic():
        _reading_points(data["reading_points"])
    return {
        "articles": Article.objects.count(),
        "questions": Question.objects.count(),
        "training_courses": TrainingCourse.objects.count(),
        "reading_points": ReadingPoint.objects.count(),
        "material_deliveries": Distribution.objects.count(),
    }


def _bulletin(data: dict[str, Any], writer: User) -> None:
    categories = {
        row["name"]: records.upsert(
            ArticleCategory,
            lookup={"name": row["name"]},
            values={"order": row["order"]},
            action="article_category",
        )
        for row in data["categories"]
    }
    issues = {
        row["number"]: records.upsert(
            BulletinIssue,
            lookup={"number": row["number"]},
            values={"title": row["title"], "issued_on": row["issued_on"]},
            action="bulletin_issue",
        )
        for row in data["issues"]
    }
    known = set(Article.objects.values_list("title", flat=True))
    for row in data["articles"]:
        if row["title"] in known:
            continue
        agency = Agency.objects.get(code=row["agency"])
        # The province's officer writes for the provincial agency; a commune's article comes from its
        # communication staff, which the demo does not have, so the system writes it under a byline.
        author = writer if writer.has_perm("outreach.manage_faq_for", agency) else None
        article = articles.write_article(
            actor=author,
            agency=agency,
            category=categories[row["category"]],
            issue=issues.get(row.get("issue", "")),
            title=row["title"],
            summary=row["summary"],
            body=row["body"],
            byline="" if author else f"Ban biên tập {agency.name}",
            procedures=[p for p in (_procedure(c) for c in row.get("procedures", [])) if p],
        )
        article = articles.submit(actor=author, article=article, expected_version=article.version)
        # Approved by the editorial desk (the system here: the demo's only editor wrote the article).
        articles.approve(
            actor=None, article=article, expected_version=article.version, at=_at(row["publish_at"])
        )


def _questions(rows: list[dict[str, Any]]) -> None:
    known = set(Question.objects.values_list("title", flat=True))
    for row in rows:
        if row["title"] in known:
            continue
        asked = _at(row["asked_at"])
        question = questions.ask(
            actor=None,
            name=row["name"],
            email=row.get("email", ""),
            phone=row.get("phone", ""),
            title=row["title"],
            body=row["body"],
            procedure=_procedure(row.get("procedure")),
            at=asked,
        )
        if row["stage"] == "received":
            continue
        question = questions.route(
            actor=None,
            question=question,
            expected_version=question.version,
            agency=Agency.objects.get(code=row["route_to"]),
            at=asked,
        )
        question = questions.draft_answer(
            actor=None, question=question, expected_version=question.version, answer=row["answer"]
        )
        if row["stage"] == "awaiting_approval":
            continue
        done = _at(row["done_at"])
        question = questions.approve(
            actor=None, question=question, expected_version=question.version, at=done
        )
        questions.publish(
            actor=None,
            question=question,
            expected_version=question.version,
            topic=FaqTopic.objects.get(name=row["topic"]),
            at=done,
        )


def _courses(rows: list[dict[str, Any]], writer: User) -> None:
    known = set(TrainingCourse.objects.values_list("topic", flat=True))
    today = timezone.localdate()
    for row in rows:
        if row["topic"] in known:
            continue
        course = training.create_course(
            actor=writer,
            agency=Agency.objects.get(code=row["agency"]),
            **{k: row[k] for k in ("topic", "audience", "trainer", "mode", "place")},
            **records.typed(TrainingCourse, {"starts_on": row["starts_on"], "ends_on": row["ends_on"]}),
        )
        for code in row["enrol"]:
            training.enrol_officials(
                actor=writer,
                course=course,
                agency=Agency.objects.get(code=code),
                roles=[Role.ONE_STOP_OFFICER, Role.CONTROL_OFFICER],
            )
        if course.starts_on > today:
            continue
        absent = set(row.get("absent", []))
        present = {
            a.pk
            for a in course.attendees.select_related("user")
            if a.user is None or a.user.username not in absent
        }
        training.record_attendance(actor=writer, course=course, present=present)
        if row.get("certificates") and course.ends_on <= today:
            for attendance in course.attendees.filter(attended=True).order_by("pk"):
                training.issue_certificate(actor=writer, attendance=attendance)


def _proof_photo(name: str) -> ContentFile:
    """A stand-in for the photo a commune takes of the material on the shelf (a small JPEG drawn here,
    so the demo carries no image files): stored and served like a real one."""
    out = BytesIO()
    Image.new("RGB", (320, 240), (222, 235, 247)).save(out, "JPEG", quality=80)
    return ContentFile(out.getvalue(), name=name)


def _reading_points(rows: list[dict[str, Any]]) -> None:
    """Written by the system (actor None): in the demo the communes' staff who keep the points have no
    accounts of their own."""
    for row in rows:
        agency = Agency.objects.get(code=row["agency"])
        point = ReadingPoint.objects.filter(agency=agency, name=row["name"]).first()
        if point is None:
            point = reading_points.add_point(
                actor=None, agency=agency, kind=row["kind"], name=row["name"], address=row["address"]
            )
        known = set(point.distributions.values_list("title", "delivered_on"))
        for n, item in enumerate(row["deliveries"], start=1):
            day = date.fromisoformat(item["delivered_on"])
            if (item["title"], day) in known:
                continue
            reading_points.record_distribution(
                actor=None,
                point=point,
                material=item["material"],
                title=item["title"],
                quantity=item["quantity"],
                delivered_on=day,
                proof=_proof_photo(f"minh-chung-{point.pk}-{n}.jpg") if item["proof"] else None,
            )
