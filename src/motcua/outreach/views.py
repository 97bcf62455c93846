"""Pages for recording and listing communication activities, and for keeping the public Q&A."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.control.selectors import member_agencies
from motcua.core.access import staff_required
from motcua.core.errors import service_errors

from . import selectors, services
from .forms import ActivityForm, FaqFilterForm, FaqForm, FaqTopicForm, FilterForm

# Staff pages of the Q&A: communication officers and administrators only.
faq_writer = staff_required("outreach.write_faq")


@staff_required
def activity_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.activities_for(
        request.user, kind=filters.get("kind", ""), start=filters.get("start"), end=filters.get("end")
    )
    return render(
        request,
        "outreach/activity_list.html",
        {
            "form": form,
            "activities": rows[:300],
            "totals": selectors.totals_by_kind(rows),
            "can_record": member_agencies(request.user).exists(),
        },
    )


def _form(request, instance=None):
    return ActivityForm(
        request.POST or None,
        request.FILES or None,
        instance=instance,
        agencies=member_agencies(request.user),
        tasks=selectors.tasks_for_recording(request.user),
    )


def _save(request, form, action) -> bool:
    with service_errors(form) as outcome:
        action(form.cleaned_data)
    return outcome.ok


@staff_required
def activity_create(request: HttpRequest) -> HttpResponse:
    form = _form(request)
    recorded = (
        request.method == "POST"
        and form.is_valid()
        and _save(request, form, lambda data: services.record_activity(actor=request.user, **data))
    )
    if recorded:
        messages.success(request, _("Đã ghi nhận hoạt động tuyên truyền."))
        return redirect("outreach:activities")
    return render(
        request, "outreach/activity_form.html", {"form": form, "title": _("Ghi nhận hoạt động tuyên truyền")}
    )


@staff_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_for(request.user, pk)
    agency = activity.agency
    form = _form(request, instance=activity)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "agency"}
        if data.get("evidence") is False:
            data["evidence"] = ""
        activity.refresh_from_db()
        if form.cleaned_data["agency"] != agency:
            form.add_error("agency", _("Không đổi được cơ quan thực hiện; hãy xóa và ghi nhận lại."))
        elif _save(
            request,
            form,
            lambda _data: services.update_activity(actor=request.user, activity=activity, **data),
        ):
            messages.success(request, _("Đã cập nhật hoạt động."))
            return redirect("outreach:activities")
    return render(
        request,
        "outreach/activity_form.html",
        {"form": form, "title": _("Sửa hoạt động"), "activity": activity},
    )


@staff_required
@require_POST
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_for(request.user, pk)
    with service_errors(request=request) as outcome:
        services.delete_activity(actor=request.user, activity=activity)
    if outcome.ok:
        messages.success(request, _("Đã xóa hoạt động."))
    return redirect("outreach:activities")


# ------------------------------------------------------------------------------------------------ FAQ


@faq_writer
def faq_list(request: HttpRequest) -> HttpResponse:
    form = FaqFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.faqs_for(request.user, topic=filters.get("topic"), query=filters.get("q", ""))
    return render(request, "outreach/faq_list.html", {"form": form, "faqs": rows[:300]})


def _faq_form(request, initial=None):
    return FaqForm(
        request.POST or None,
        initial=initial,
        topics=selectors.faq_topics(),
        agencies=selectors.faq_agencies(request.user),
    )


@faq_writer
def faq_create(request: HttpRequest) -> HttpResponse:
    form = _faq_form(request)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and _save(request, form, lambda _data: services.create_faq(actor=request.user, **form.service_data()))
    )
    if saved:
        messages.success(request, _("Đã thêm câu hỏi."))
        return redirect("outreach:faqs")
    return render(request, "outreach/faq_form.html", {"form": form, "title": _("Thêm câu hỏi thường gặp")})


@faq_writer
def faq_edit(request: HttpRequest, pk: int) -> HttpResponse:
    faq = selectors.faq_for(request.user, pk)
    initial = {
        "topic": faq.topic_id,
        "agency": faq.agency_id,
        "question": faq.question,
        "answer": faq.answer,
        "procedure_code": faq.procedure.national_code if faq.procedure else "",
        "order": faq.order,
        "published": faq.published,
    }
    form = _faq_form(request, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            request,
            form,
            lambda _data: services.update_faq(actor=request.user, faq=faq, **form.service_data()),
        )
    ):
        messages.success(request, _("Đã cập nhật câu hỏi."))
        return redirect("outreach:faqs")
    return render(
        request, "outreach/faq_form.html", {"form": form, "title": _("Sửa câu hỏi thường gặp"), "faq": faq}
    )


@faq_writer
@require_POST
def faq_delete(request: HttpRequest, pk: int) -> HttpResponse:
    faq = selectors.faq_for(request.user, pk)
    with service_errors(request=request) as outcome:
        services.delete_faq(actor=request.user, faq=faq)
    if outcome.ok:
        messages.success(request, _("Đã xóa câu hỏi."))
    return redirect("outreach:faqs")


@faq_writer
def faq_topics(request: HttpRequest) -> HttpResponse:
    """The topics and a form to add one, on one page."""
    form = FaqTopicForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(request, form, lambda data: services.create_faq_topic(actor=request.user, **data))
    ):
        messages.success(request, _("Đã thêm chủ đề."))
        return redirect("outreach:faq_topics")
    return render(request, "outreach/faq_topics.html", {"form": form, "topics": selectors.faq_topics()})


@faq_writer
def faq_topic_edit(request: HttpRequest, pk: int) -> HttpResponse:
    topic = get_object_or_404(selectors.faq_topics(), pk=pk)
    form = FaqTopicForm(request.POST or None, initial={"name": topic.name, "order": topic.order})
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(
            request, form, lambda data: services.update_faq_topic(actor=request.user, topic=topic, **data)
        )
    ):
        messages.success(request, _("Đã cập nhật chủ đề."))
        return redirect("outreach:faq_topics")
    return render(request, "outreach/faq_topic_form.html", {"form": form, "topic": topic})


@faq_writer
@require_POST
def faq_topic_delete(request: HttpRequest, pk: int) -> HttpResponse:
    topic = get_object_or_404(selectors.faq_topics(), pk=pk)
    with service_errors(request=request) as outcome:
        services.delete_faq_topic(actor=request.user, topic=topic)
    if outcome.ok:
        messages.success(request, _("Đã xóa chủ đề."))
    return redirect("outreach:faq_topics")
