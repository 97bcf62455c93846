"""A URLconf for the toolkit's tests: the site's own URLs plus small views built only from the toolkit."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import Throttled
from rest_framework.views import APIView

from motcua.core.access import citizen_required, staff_required
from motcua.core.errors import Conflict, error_responses, run
from motcua.core.forms import BootstrapForm
from motcua.urls import urlpatterns as site_urlpatterns

handler403 = "motcua.core.access.permission_denied"


@staff_required
def staff_page(request):
    return HttpResponse("staff page")


@staff_required("control.manage_plan")
def manager_page(request):
    return HttpResponse("manager page")


@citizen_required
def citizen_page(request):
    return HttpResponse("citizen page")


class NameForm(BootstrapForm):
    name = forms.CharField(label="Tên", max_length=20)


def rename(*, name: str) -> str:
    """A stand-in service: refuses one name on the field, another as a whole."""
    if name == "trung":
        raise ValidationError({"name": "Tên đã có. / Name taken."})
    if name == "khoa":
        raise ValidationError("Hồ sơ đang bị khóa. / The record is locked.")
    if name == "cam":
        raise PermissionDenied("Không được đổi. / Not allowed.")
    return name.upper()


def rename_page(request):
    form = NameForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = run(
            request, lambda: rename(name=form.cleaned_data["name"]), form=form, success="Xong / Done"
        )
    return render(request, "forms/_errors.html", {"form": form}) if result is None else HttpResponse(result)


def rename_by_message(request):
    result = run(request, lambda: rename(name=request.GET.get("name", "")), success="Xong / Done")
    messages = [str(m) for m in request._messages]
    return HttpResponse("|".join(messages) + f"#{result}")


class In(serializers.Serializer):
    name = serializers.CharField(max_length=5)
    items = serializers.ListField(child=serializers.IntegerField(), required=False)


class ErrorsApi(APIView):
    """Raises what a service or DRF raises, by name."""

    permission_classes = ()

    @extend_schema(responses={200: None, **error_responses(400, 403, 404, 409, 429)})
    def get(self, request, what: str):
        if what == "django-invalid":
            raise ValidationError({"name": ["Tên sai. / Bad name."], "__all__": ["Chung. / General."]})
        if what == "django-invalid-plain":
            raise ValidationError("Ngày không hợp lệ. / Invalid date.")
        if what == "catalog-style":
            from rest_framework.exceptions import ValidationError as ApiValidationError

            raise ApiValidationError({"detail": "Unknown sector / Lĩnh vực không có"})
        if what == "denied":
            raise PermissionDenied("Không có quyền. / Not allowed.")
        if what == "missing":
            raise Http404
        if what == "conflict":
            raise Conflict("Đã bị sửa. / Changed by someone else.")
        if what == "throttled":
            raise Throttled(wait=30)
        return HttpResponse("ok")

    @extend_schema(request=In, responses={200: None, **error_responses(400)})
    def post(self, request, what: str):
        In(data=request.data).is_valid(raise_exception=True)
        return HttpResponse("ok")


class StatusConflict(Exception):
    status_code = 409


class DuckConflictApi(APIView):
    permission_classes = ()

    def get(self, request):
        raise StatusConflict("Xung đột. / Conflict.")


urlpatterns = [
    path("t/staff/", staff_page),
    path("t/manager/", manager_page),
    path("t/citizen/", citizen_page),
    path("t/rename/", rename_page),
    path("t/rename-message/", rename_by_message),
    path("t/api/duck/", DuckConflictApi.as_view()),
    path("t/api/<str:what>/", ErrorsApi.as_view()),
    *site_urlpatterns,
]
