"""Public help pages of the portal: Q&A, how-to guides and the service centres' contacts and hours."""

from datetime import date

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from motcua.core.forms import BootstrapForm

from . import help as selectors
from .forms import TrackForm


class FaqSearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm câu hỏi"), max_length=200, required=False)


class DayForm(BootstrapForm):
    """`?ngay=` shows the hours of another day (planning a visit after Tết); bad input falls back to today."""

    ngay = forms.DateField(
        label=_("Xem giờ làm việc của ngày"),
        required=False,
        error_messages={"invalid": _("Ngày không hợp lệ. / Invalid date.")},
    )

    def clean_ngay(self) -> date | None:
        day = self.cleaned_data["ngay"]
        if day is not None and not selectors.is_supported_day(day):
            raise forms.ValidationError(_("Ngày nằm ngoài lịch. / The date is outside the calendar."))
        return day


@require_safe
def faq(request: HttpRequest) -> HttpResponse:
    form = FaqSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    groups = selectors.faq_by_topic(query)
    return render(
        request,
        "portal/help/faq.html",
        {"form": form, "query": query, "groups": groups, "found": sum(len(g[1]) for g in groups)},
    )


@require_safe
def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/help/help.html", {"track_form": TrackForm()})


@require_safe
def centres(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = DayForm(request.GET or None, initial={"ngay": today})
    day = (form.cleaned_data["ngay"] if form.is_valid() else None) or today
    return render(
        request,
        "portal/help/centres.html",
        {"form": form, "day": day, "is_today": day == today, "centres": selectors.centres_with_hours(on=day)},
    )
