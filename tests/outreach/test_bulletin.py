"""The e-bulletin: a communication officer writes, the provincial editor approves (now or at a set time),
the public reads it by category, search and feeds; the body is sanitised; each published article is a
communication activity the targets count; media are checked by content and images re-encoded."""

from datetime import date, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from motcua.control.computations import get as computation
from motcua.core.models import AuditEvent
from motcua.org.models import Role
from motcua.outreach import articles, selectors
from motcua.outreach.models import ActivityKind, ArticleCategory, CommunicationActivity, MediaKind
from motcua.outreach.workflows import ArticleStatus
from tests.factories import CitizenFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")
HOSTILE = (
    '<p onclick="steal()">Từ 1/7/2025 <strong>xã</strong> nhận hồ sơ.</p><script>alert(1)</script>'
    '<a href="javascript:alert(1)">bấm</a><img src="/tuyen-truyen/ban-tin/tep/1/" onerror="x()" alt="Ảnh">'
    '<iframe src="https://evil.example"></iframe>'
)


@pytest.fixture
def team(province, make_staff):
    commune = province.communes["Xã A"]["committee"]
    return {
        "commune": commune,
        "author": make_staff(commune, Role.COMMUNICATION_OFFICER, username="tg-xa-a"),
        "editor": make_staff(province.department, Role.COMMUNICATION_OFFICER, username="bientap"),
        "category": ArticleCategory.objects.create(name="Cải cách ở cơ sở", order=1),
        "other": ArticleCategory.objects.create(name="Tin tức", order=0),
    }


def write(team, **overrides):
    values = {
        "actor": team["author"],
        "agency": team["commune"],
        "category": team["category"],
        "title": "Xã A tiếp nhận hồ sơ không phụ thuộc địa giới",
        "summary": "Người dân nộp hồ sơ ở bất kỳ xã nào trong tỉnh.",
        "body": HOSTILE,
    }
    values.update(overrides)
    return articles.write_article(**values)


def test_the_body_is_sanitised_when_stored(team):
    article = write(team)
    for bad in ("<script", "onclick", "onerror", "javascript:", "<iframe"):
        assert bad not in article.body
    assert "<strong>xã</strong>" in article.body
    assert 'alt="Ảnh"' in article.body


def test_an_article_goes_from_draft_to_the_public_page_and_the_targets(team):
    article = write(team)
    article = articles.submit(actor=team["author"], article=article, expected_version=1)
    at = datetime(2026, 12, 3, 8, 0, tzinfo=VN)
    article = articles.approve(actor=team["editor"], article=article, expected_version=2, at=at)
    assert article.status == ArticleStatus.PUBLISHED
    assert article.editor == team["editor"]
    activity = CommunicationActivity.objects.get(article=article)
    assert (activity.agency, activity.kind, activity.held_on) == (
        team["commune"],
        ActivityKind.PORTAL_ARTICLE,
        date(2026, 12, 3),
    )
    # The plan's target "articles on the portal" counts it without anyone typing it.
    count = computation("outreach.activity_count")
    value = count.compute(
        [frozenset({team["commune"].pk})],
        date(2026, 12, 1),
        date(2026, 12, 31),
        {"kinds": ["portal_article"]},
    )
    assert value == 1
    actions = list(
        AuditEvent.objects.filter(target_type="outreach.article")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["article.write", "article.submit", "article.publish"]


def test_an_editor_never_approves_his_own_article_and_an_author_never_approves(team):
    own = write(team, actor=team["editor"])
    own = articles.submit(actor=team["editor"], article=own, expected_version=1)
    with pytest.raises(ValidationError):
        articles.approve(actor=team["editor"], article=own, expected_version=2)
    article = articles.submit(actor=team["author"], article=write(team), expected_version=1)
    with pytest.raises(PermissionDenied):
        articles.approve(actor=team["author"], article=article, expected_version=2)


def test_a_scheduled_article_appears_when_its_time_comes(team):
    article = articles.submit(actor=team["author"], article=write(team), expected_version=1)
    now = datetime(2026, 12, 3, 8, 0, tzinfo=VN)
    later = datetime(2026, 12, 5, 7, 0, tzinfo=VN)
    article = articles.approve(
        actor=team["editor"], article=article, expected_version=2, publish_at=later, at=now
    )
    assert article.status == ArticleStatus.SCHEDULED
    assert selectors.published_articles() == []
    assert articles.publish_due(at=now) == 0
    assert articles.publish_due(at=later) == 1
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert CommunicationActivity.objects.get(article=article).held_on == date(2026, 12, 5)


def test_staff_outside_communication_cannot_write(team, province, make_staff):
    specialist = make_staff(team["commune"], Role.SPECIALIST, username="cv")
    for actor in (specialist, CitizenFactory()):
        with pytest.raises(PermissionDenied):
            write(team, actor=actor)
    other = make_staff(province.communes["Xã B"]["committee"], Role.COMMUNICATION_OFFICER, username="tt-b")
    with pytest.raises(PermissionDenied):
        write(team, actor=other)


def publish_now(team, **overrides):
    article = articles.submit(actor=team["author"], article=write(team, **overrides), expected_version=1)
    return articles.approve(actor=team["editor"], article=article, expected_version=2)


def test_the_public_bulletin_lists_searches_and_feeds(client, team):
    publish_now(team)
    publish_now(team, title="Tin tức tháng 12", category=team["other"], summary="Tổng hợp", body="<p>Tin</p>")
    draft = write(team, title="Bản nháp bí mật")
    page = client.get(reverse("outreach:bulletin")).content.decode()
    assert "Xã A tiếp nhận hồ sơ" in page
    assert "Bản nháp bí mật" not in page
    found = client.get(reverse("outreach:bulletin"), {"q": "dia gioi"}).content.decode()
    assert "Xã A tiếp nhận hồ sơ" in found
    assert "Tin tức tháng 12" not in found
    by_category = client.get(reverse("outreach:bulletin"), {"chuyen_muc": team["other"].pk}).content.decode()
    assert "Tin tức tháng 12" in by_category
    assert "Xã A tiếp nhận hồ sơ" not in by_category
    assert client.get(reverse("outreach:bulletin"), {"chuyen_muc": "x"}).status_code == 200
    assert client.get(reverse("outreach:bulletin_article", args=[draft.pk])).status_code == 404
    rss = client.get(reverse("outreach:bulletin_rss"))
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert "Xã A tiếp nhận hồ sơ" in rss.content.decode()
    atom = client.get(reverse("outreach:bulletin_atom"))
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Bản nháp" not in atom.content.decode()


def png(width, height, mode="RGB"):
    out = BytesIO()
    Image.new(mode, (width, height), "red").save(out, "PNG")
    return SimpleUploadedFile("anh.png", out.getvalue(), content_type="image/png")


def test_images_are_resized_and_re_encoded_and_bad_files_refused(team, settings, tmp_path):
    settings.MOTCUA_PRIVATE_ROOT = str(tmp_path)
    media = articles.upload_media(actor=team["author"], agency=team["commune"], upload=png(3200, 1000))
    assert (media.kind, media.width, media.height) == (MediaKind.IMAGE, 1600, 500)
    assert media.file.name.endswith(".jpg")
    with Image.open(media.file.open("rb")) as stored:
        assert stored.size == (1600, 500)
    fake = SimpleUploadedFile("anh.png", b"<html><script>alert(1)</script>", content_type="image/png")
    with pytest.raises(ValidationError):
        articles.upload_media(actor=team["author"], agency=team["commune"], upload=fake)
    truncated = SimpleUploadedFile("anh.png", png(10, 10).read()[:40], content_type="image/png")
    with pytest.raises(ValidationError):
        articles.upload_media(actor=team["author"], agency=team["commune"], upload=truncated)


def test_the_editorial_pages_over_http(client, team, settings, tmp_path):
    settings.MOTCUA_PRIVATE_ROOT = str(tmp_path)
    client.force_login(team["author"])
    data = {
        "agency": team["commune"].pk,
        "category": team["category"].pk,
        "title": "Bài qua trang",
        "summary": "Tóm tắt",
        "body": "<p>Nội dung <b>đậm</b></p><script>x</script>",
        "procedure_codes": "9.999999",
    }
    bad = client.post(reverse("outreach:article_create"), data)
    assert bad.status_code == 200
    assert "No published procedure has these codes." in bad.content.decode()
    created = client.post(reverse("outreach:article_create"), {**data, "procedure_codes": ""})
    assert created.status_code == 302
    article = selectors.articles_for(team["author"]).get(title="Bài qua trang")
    assert "<script" not in article.body
    assert (
        client.post(
            reverse("outreach:article_act", args=[article.pk, "submit"]), {"submit-version": 1}
        ).status_code
        == 302
    )
    client.force_login(team["editor"])
    stale = client.post(reverse("outreach:article_act", args=[article.pk, "publish"]), {"publish-version": 1})
    assert stale.status_code == 400
    done = client.post(reverse("outreach:article_act", args=[article.pk, "publish"]), {"publish-version": 2})
    assert done.status_code == 302
    client.logout()
    public = client.get(reverse("outreach:bulletin_article", args=[article.pk])).content.decode()
    assert "Nội dung <b>đậm</b>" in public
    client.force_login(team["author"])
    uploaded = client.post(
        reverse("outreach:bulletin_media"),
        {"agency": team["commune"].pk, "upload": png(20, 20), "caption": "Ảnh"},
    )
    assert uploaded.status_code == 302
    client.logout()
    media = selectors.media_for(team["author"]).get()
    served = client.get(reverse("outreach:bulletin_file", args=[media.pk]))
    assert served["Content-Type"] == "image/jpeg"
    assert served["X-Content-Type-Options"] == "nosniff"
