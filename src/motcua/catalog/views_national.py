"""The control officer's page of the national TTHC database pull: a dry run by default, then apply."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from motcua.core.forms import BootstrapFormMixin

from .national_sync import pull
from .transfer import Action
from .views_import import catalog_manager


class NationalPullForm(BootstrapFormMixin, forms.Form):
    since = forms.DateField(
        label=gettext_lazy("Quyết định có hiệu lực từ ngày"),
        required=False,
        help_text=gettext_lazy("Để trống: mọi quyết định CSDL quốc gia đang cung cấp."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


@catalog_manager
@require_http_methods(["GET", "POST"])
def national_pull(request: HttpRequest) -> HttpResponse:
    form = NationalPullForm(request.POST or None)
    context: dict = {"form": form}
    status = 200
    if request.method == "POST":
        if form.is_valid():
            report = pull(
                actor=request.user,
                dry_run=not request.POST.get("apply"),
                since=form.cleaned_data["since"],
            )
            context.update(
                report=report,
                created=report.count(Action.CREATED),
                versioned=report.count(Action.VERSIONED),
                unchanged=report.count(Action.UNCHANGED),
            )
        else:
            status = 400
    return render(request, "catalog/national_pull.html", context, status=status)
