"""Pages of the e-bulletin: the public bulletin (categories, issues, search, feeds, media) and the
editorial pages (write, submit, approve now or at a set time, withdraw; the media library)."""

from collections.abc import Callable
from datetime import datetime, time
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from motcua.core.access import staff_required
from motcua.core.actions import action_forms, post_action
from motcua.core.errors import run
from motcua.core.uploads import serve_private

from . import articles, selectors
from .bulletin_forms import (
    ApproveArticleForm,
    ArticleForm,
    BulletinSearchForm,
    MediaForm,
    NoteForm,
    ReasonForm,
)
from .models import Article
from .qa_forms import VersionedForm
from .workflows import ARTICLE, ArticleAction, ArticleStatus

writer = staff_required("outreach.write_faq")


# ------------------------------------------------------------------------------------------- public


@require_safe
def public_list(request: HttpRequest) -> HttpResponse:
    form = BulletinSearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    query = (data.get("q") or "").strip()
    found = selectors.published_articles(category=data.get("chuyen_muc"), issue=data.get("so"), query=query)
    return render(
        request,
        "outreach/bulletin/public_list.html",
        {
            "form": form,
            "query": query,
            "articles": found,
            "categories": selectors.article_categories(),
            "current": data.get("chuyen_muc"),
        },
    )


@require_safe
def public_article(request: HttpRequest, pk: int) -> HttpResponse:
    article = selectors.published_article(pk)
    return render(
        request,
        "outreach/bulletin/public_article.html",
        {"article": article, "procedures": article.procedures.all(), "agencies": article.agencies.all()},
    )


@require_safe
def media_file(request: HttpRequest, pk: int) -> HttpResponse:
    media = selectors.public_media(pk)
    response = serve_private(request, media.file, filename=media.name, inline=True)
    response["Cache-Control"] = "public, max-age=86400"  # published material, the same for everyone
    return response


# ------------------------------------------------------------------------------------------- editors


@writer
def staff_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("trang-thai", "")
    if status not in ArticleStatus.values:
        status = ""
    return render(
        request,
        "outreach/bulletin/staff_list.html",
        {
            "articles": selectors.articles_for(request.user, status=status)[:300],
            "status": status,
            "statuses": ArticleStatus.choices,
        },
    )


def _article_form(request: HttpRequest, initial: dict[str, Any] | None = None) -> ArticleForm:
    return ArticleForm(request.POST or None, initial=initial, agencies=selectors.faq_agencies(request.user))


@writer
def create(request: HttpRequest) -> HttpResponse:
    form = _article_form(request)
    if request.method == "POST" and form.is_valid():
        article = run(
            request,
            lambda: articles.write_article(
                actor=request.user, agency=form.cleaned_data["agency"], **form.service_data()
            ),
            form=form,
            success=_("Đã lưu bản nháp."),
        )
        if article is not None:
            return redirect("outreach:article", pk=article.pk)
    return render(request, "outreach/bulletin/article_form.html", {"form": form, "title": _("Viết bài")})


def _initial(article: Article) -> dict[str, Any]:
    return {
        "agency": article.agency_id,
        "category": article.category_id,
        "issue": article.issue_id,
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "byline": article.byline,
        "procedure_codes": ", ".join(p.national_code for p in article.procedures.all()),
        "related_agencies": list(article.agencies.values_list("pk", flat=True)),
    }


@writer
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = selectors.article_for(request.user, pk)
    form = _article_form(request, initial=_initial(article))
    if request.method == "POST" and form.is_valid():
        version = request.POST.get("version", "")
        saved = run(
            request,
            lambda: articles.update_article(
                actor=request.user,
                article=article,
                expected_version=int(version) if version.isdigit() else -1,
                **form.service_data(),
            ),
            form=form,
            success=_("Đã lưu bài viết."),
        )
        if saved is not None:
            return redirect("outreach:article", pk=article.pk)
    return render(
        request,
        "outreach/bulletin/article_form.html",
        {"form": form, "title": _("Sửa bài viết"), "article": article},
    )


def _publish_at(data: dict[str, Any]) -> datetime | None:
    day = data.get("publish_on")
    if day is None:
        return None
    moment = datetime.combine(day, data.get("publish_time") or time(7, 0))
    return timezone.make_aware(moment)


Handler = Callable[[HttpRequest, Article, dict[str, Any]], Article]
ACTIONS: dict[str, tuple[type[VersionedForm], Handler]] = {
    ArticleAction.SUBMIT: (
        VersionedForm,
        lambda r, a, d: articles.submit(actor=r.user, article=a, expected_version=d["version"]),
    ),
    ArticleAction.RETURN: (
        NoteForm,
        lambda r, a, d: articles.return_to_author(
            actor=r.user, article=a, expected_version=d["version"], note=d["note"]
        ),
    ),
    ArticleAction.PUBLISH: (
        ApproveArticleForm,
        lambda r, a, d: articles.approve(
            actor=r.user, article=a, expected_version=d["version"], publish_at=_publish_at(d)
        ),
    ),
    ArticleAction.WITHDRAW: (
        ReasonForm,
        lambda r, a, d: articles.withdraw(
            actor=r.user, article=a, expected_version=d["version"], reason=d["reason"]
        ),
    ),
}


def _forms(request: HttpRequest, article: Article, failed: tuple[str, Any] | None) -> list:
    allowed = ARTICLE.allowed_actions(article.status, articles.roles_on(request.user, article))
    # Approving is one form: publish now or schedule (the service picks the transition).
    return action_forms(
        ARTICLE,
        allowed,
        ACTIONS,
        lambda a: ACTIONS[a][0](initial={"version": article.version}, prefix=a),
        failed,
        label=lambda a: (
            _("Duyệt và đăng (hoặc hẹn giờ)") if a == ArticleAction.PUBLISH else ARTICLE.action_label(a)
        ),
    )


def _detail(request: HttpRequest, article: Article, failed=None, status: int = 200) -> HttpResponse:
    editable = article.status == ArticleStatus.DRAFT or (
        article.status == ArticleStatus.SUBMITTED and "editor" in articles.roles_on(request.user, article)
    )
    return render(
        request,
        "outreach/bulletin/staff_article.html",
        {"article": article, "forms": _forms(request, article, failed), "editable": editable},
        status=status,
    )


@writer
def article(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, selectors.article_for(request.user, pk))


@writer
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    found = selectors.article_for(request.user, pk)
    return post_action(
        request,
        found,
        action,
        ARTICLE,
        ACTIONS,
        form=lambda: ACTIONS[action][0](request.POST, prefix=action),
        done=lambda: redirect("outreach:article", pk=found.pk),
        again=_detail,
    )


@writer
def media(request: HttpRequest) -> HttpResponse:
    form = MediaForm(
        request.POST or None, request.FILES or None, agencies=selectors.faq_agencies(request.user)
    )
    if request.method == "POST" and form.is_valid():
        saved = run(
            request,
            lambda: articles.upload_media(
                actor=request.user,
                agency=form.cleaned_data["agency"],
                upload=form.cleaned_data["upload"],
                caption=form.cleaned_data["caption"],
            ),
            form=form,
            field="upload",
        )
        if saved is not None:
            messages.success(request, _("Đã tải lên: %(name)s.") % {"name": saved.name})
            return redirect("outreach:bulletin_media")
    return render(
        request,
        "outreach/bulletin/media.html",
        {"form": form, "files": selectors.media_for(request.user)[:200]},
    )
