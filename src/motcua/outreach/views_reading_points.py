"""Pages of the reading points: the list (with the date each last received material) and one point with
its deliveries and the form to record one."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.core.access import staff_required
from motcua.core.errors import run
from motcua.core.forms import BootstrapForm, VietnameseDateField
from motcua.org.selectors import visible_agencies

from . import reading_points, selectors
from .models import MaterialKind, ReadingPointKind


class PointForm(BootstrapForm):
    agency = forms.ModelChoiceField(label=_("Xã, cơ quan quản lý"), queryset=None)
    kind = forms.ChoiceField(label=_("Loại điểm"), choices=ReadingPointKind.choices)
    name = forms.CharField(label=_("Tên điểm"), max_length=200)
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class DistributionForm(BootstrapForm):
    material = forms.ChoiceField(label=_("Loại tài liệu"), choices=MaterialKind.choices)
    title = forms.CharField(label=_("Tên tài liệu"), max_length=255)
    quantity = forms.IntegerField(label=_("Số lượng"), min_value=1, max_value=1_000_000)
    delivered_on = VietnameseDateField(label=_("Ngày cấp phát"))
    proof = forms.FileField(
        label=_("Ảnh minh chứng"),
        required=False,
        help_text=_("Ảnh JPEG, PNG, GIF, WebP tối đa 5 MB."),
    )


@staff_required
def point_list(request: HttpRequest) -> HttpResponse:
    form = PointForm(request.POST or None, agencies=visible_agencies(request.user).order_by("name"))
    if request.method == "POST" and form.is_valid():
        added = run(
            request,
            lambda: reading_points.add_point(actor=request.user, **form.cleaned_data),
            form=form,
            success=gettext("Đã thêm điểm đọc."),
        )
        if added is not None:
            return redirect("outreach:reading_point", pk=added.pk)
    return render(
        request,
        "outreach/reading_points/list.html",
        {"form": form, "points": selectors.reading_points_for(request.user)[:500]},
        status=400 if request.method == "POST" else 200,
    )


@staff_required
def point_detail(request: HttpRequest, pk: int) -> HttpResponse:
    point = selectors.reading_point_for(request.user, pk)
    form = DistributionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        done = run(
            request,
            lambda: reading_points.record_distribution(actor=request.user, point=point, **form.cleaned_data),
            form=form,
            success=gettext("Đã ghi nhận cấp phát tài liệu."),
        )
        if done is not None:
            return redirect("outreach:reading_point", pk=point.pk)
    return render(
        request,
        "outreach/reading_points/detail.html",
        {"point": point, "form": form, "deliveries": point.distributions.all()[:200]},
        status=400 if request.method == "POST" else 200,
    )
