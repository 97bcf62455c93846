"""Every write on the e-bulletin: write, edit, submit, return, approve (now or at a set time), publish
the scheduled ones, withdraw; upload media. Each in one transaction, through the status table
(workflows.ARTICLE), with an optimistic lock and an audit event.

Authors are the communication officers of the agency the article is for; editors are the province's Q&A
and bulletin desk (qa_rules.is_desk). An editor never approves an article he wrote himself. Each published
article is recorded as a communication activity (a portal article) so the plan's targets count it.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog.models import Procedure
from motcua.core.access import require
from motcua.core.audited import audited_save
from motcua.core.errors import Conflict
from motcua.core.uploads import COMMUNICATION_MEDIA, IMAGE, check_upload, safe_filename
from motcua.core.versioning import locked
from motcua.core.workflow import SYSTEM
from motcua.org.models import Agency, User

from . import bulletin
from .models import (
    ActivityKind,
    Article,
    ArticleCategory,
    BulletinIssue,
    BulletinMedia,
    CommunicationActivity,
    MediaKind,
)
from .qa_rules import Actor, is_desk
from .workflows import ARTICLE, AUTHOR, EDITOR, ArticleAction, ArticleStatus

AUDITED = ("status", "version", "title", "category", "issue", "agency", "editor", "publish_at")
EDITABLE_IN = (ArticleStatus.DRAFT, ArticleStatus.SUBMITTED)
CHANNEL = "Bản tin điện tử CCHC"


class ArticleConflict(Conflict):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Bài viết vừa được người khác cập nhật; vui lòng tải lại trang. "
                "/ Someone else has just updated this article; reload it."
            )
        )


def roles_on(actor: Actor, article: Article | None = None, agency: Agency | None = None) -> frozenset[str]:
    if actor is None:
        return frozenset({SYSTEM})
    held: set[str] = set()
    agency = agency or (article.agency if article is not None else None)
    if agency is not None and actor.has_perm("outreach.manage_faq_for", agency):
        held.add(AUTHOR)
    if is_desk(actor):
        held.add(EDITOR)
    return frozenset(held)


def _fields(
    *,
    title: str,
    summary: str,
    body: str,
    category: ArticleCategory,
    issue: BulletinIssue | None,
    byline: str,
) -> dict[str, Any]:
    cleaned = bulletin.clean(body)
    if not bulletin.plain_text(cleaned) and "<img" not in cleaned:
        raise ValidationError({"body": _("Bài viết chưa có nội dung. / The article has no content.")})
    return {
        "title": (title or "").strip(),
        "summary": (summary or "").strip(),
        "body": cleaned,
        "category": category,
        "issue": issue,
        "byline": (byline or "").strip(),
    }


def _links(article: Article, procedures: Iterable[Procedure], agencies: Iterable[Agency]) -> None:
    article.procedures.set(list(procedures))
    article.agencies.set(list(agencies))


@transaction.atomic
def write_article(
    *,
    actor: Actor,
    agency: Agency,
    category: ArticleCategory,
    title: str,
    summary: str,
    body: str,
    issue: BulletinIssue | None = None,
    byline: str = "",
    procedures: Iterable[Procedure] = (),
    agencies: Iterable[Agency] = (),
) -> Article:
    article = Article(
        agency=agency,
        author=actor if isinstance(actor, User) else None,
        **_fields(title=title, summary=summary, body=body, category=category, issue=issue, byline=byline),
    )
    ARTICLE.start(article, ArticleAction.WRITE, roles_on(actor, agency=agency))
    audited_save(article, actor=actor, action="article.write", fields=AUDITED)
    _links(article, procedures, agencies)
    return article


def _fresh(article: Article, expected_version: int) -> Article:
    rows = Article.objects.select_for_update(of=("self",)).select_related("agency")
    return locked(rows, article.pk, expected_version, ArticleConflict)


@transaction.atomic
def update_article(
    *,
    actor: Actor,
    article: Article,
    expected_version: int,
    procedures: Iterable[Procedure] = (),
    agencies: Iterable[Agency] = (),
    **changes: Any,
) -> Article:
    """Drafts by their authors; submitted articles by the editors (who correct before approving)."""
    article = _fresh(article, expected_version)
    held = roles_on(actor, article)
    allowed = (article.status == ArticleStatus.DRAFT and held & {AUTHOR, EDITOR, SYSTEM}) or (
        article.status == ArticleStatus.SUBMITTED and held & {EDITOR, SYSTEM}
    )
    if not allowed:
        raise ValidationError(
            _("Không sửa được bài ở trạng thái này. / The article cannot be edited in this state.")
        )
    for field, value in _fields(**changes).items():
        setattr(article, field, value)
    article.version += 1
    audited_save(article, actor=actor, action="article.update", fields=AUDITED)
    _links(article, procedures, agencies)
    return article


def _move(actor: Actor, article: Article, action: str, **changes: Any) -> Article:
    ARTICLE.apply(article, action, roles_on(actor, article))
    for field, value in changes.items():
        setattr(article, field, value)
    article.version += 1
    return audited_save(article, actor=actor, action=f"article.{action}", fields=AUDITED)


@transaction.atomic
def submit(*, actor: Actor, article: Article, expected_version: int) -> Article:
    return _move(actor, _fresh(article, expected_version), ArticleAction.SUBMIT)


@transaction.atomic
def return_to_author(*, actor: Actor, article: Article, expected_version: int, note: str) -> Article:
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Cần ghi ý kiến biên tập. / A note is required.")})
    return _move(
        actor, _fresh(article, expected_version), ArticleAction.RETURN, editor_note=note, publish_at=None
    )


@transaction.atomic
def approve(
    *,
    actor: Actor,
    article: Article,
    expected_version: int,
    publish_at: datetime | None = None,
    at: datetime | None = None,
) -> Article:
    """The editor's approval: published now, or scheduled for `publish_at` (the sweep publishes it)."""
    at = at or timezone.now()
    article = _fresh(article, expected_version)
    ARTICLE.check(article.status, ArticleAction.PUBLISH, roles_on(actor, article))
    if isinstance(actor, User) and article.author_id == actor.pk and not actor.is_superuser:
        raise ValidationError(
            _("Biên tập viên không tự duyệt bài mình viết. / An editor does not approve his own article.")
        )
    editor = actor if isinstance(actor, User) else None
    if publish_at is not None and publish_at > at:
        return _move(actor, article, ArticleAction.SCHEDULE, editor=editor, publish_at=publish_at)
    article = _move(actor, article, ArticleAction.PUBLISH, editor=editor, publish_at=at)
    _record_activity(article)
    return article


@transaction.atomic
def publish_due(*, at: datetime | None = None) -> int:
    """Publish the scheduled articles whose time has come (run every few minutes by cron/systemd)."""
    at = at or timezone.now()
    due = Article.objects.select_for_update(skip_locked=True).filter(
        status=ArticleStatus.SCHEDULED, publish_at__lte=at
    )
    count = 0
    for article in due:
        _move(None, article, ArticleAction.PUBLISH)
        _record_activity(article)
        count += 1
    return count


@transaction.atomic
def withdraw(*, actor: Actor, article: Article, expected_version: int, reason: str) -> Article:
    """Off the public pages; the activity it was stays recorded (it did happen)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Cần ghi lý do gỡ bài. / A reason is required.")})
    article = _fresh(article, expected_version)
    ARTICLE.apply(article, ArticleAction.WITHDRAW, roles_on(actor, article))
    article.editor_note = reason
    article.version += 1
    return audited_save(article, actor=actor, action="article.withdraw", fields=AUDITED, reason=reason)


def _record_activity(article: Article) -> None:
    """The published article as a communication activity of its agency, once."""
    if CommunicationActivity.objects.filter(article=article).exists():
        return
    assert article.publish_at is not None
    activity = CommunicationActivity(
        agency=article.agency,
        kind=ActivityKind.PORTAL_ARTICLE,
        title=article.title[:255],
        held_on=timezone.localdate(article.publish_at),
        channel=CHANNEL,
        audience=_("Người dân, doanh nghiệp"),
        article=article,
    )
    audited_save(activity, actor=None, action="activity.record_article")


# ---------------------------------------------------------------------------------------------- media


@transaction.atomic
def upload_media(*, actor: Actor, agency: Agency, upload: Any, caption: str = "") -> BulletinMedia:
    """An image (re-encoded for the web) or a document (PDF, Word, Excel), checked by its content."""
    if not roles_on(actor, agency=agency) & {AUTHOR, EDITOR, SYSTEM}:
        require(actor, "outreach.manage_faq_for", agency)  # refuses: not an author here, not an editor
    checked = check_upload(upload, COMMUNICATION_MEDIA)
    media = BulletinMedia(
        agency=agency,
        name=(upload.name or "tep")[:255],
        caption=(caption or "").strip(),
        uploaded_by=actor if isinstance(actor, User) else None,
    )
    if checked.kind in IMAGE.kinds:
        check_upload(upload, IMAGE)  # the image limit is smaller than the documents'
        content, media.width, media.height = bulletin.web_image(upload)
        media.kind = MediaKind.IMAGE
        media.file.save(content.name or "anh.jpg", content, save=False)
    elif checked.kind.name in {"pdf", "doc", "docx", "xls", "xlsx", "odt", "ods"}:
        media.kind = MediaKind.DOCUMENT
        media.file.save(safe_filename(upload.name or "tai-lieu", checked.kind), upload, save=False)
    else:
        raise ValidationError(
            _("Chỉ nhận ảnh hoặc tài liệu. / Only images and documents are accepted."), code="upload_type"
        )
    audited_save(media, actor=actor, action="bulletin_media.upload", fields=("kind", "name", "agency"))
    return media
