"""Pages of the integrations: the public signature check and the administrators' adapter status."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from . import signatures
from .forms import VerifyForm
from .signatures.verification import verdict_of


@require_http_methods(["GET", "POST"])
def verify_signature(request: HttpRequest) -> HttpResponse:
    """Anyone holding a result file checks its digital signature; the file is read, never stored."""
    form = VerifyForm(request.POST or None, request.FILES or None)
    checks, verdict, status = None, None, 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            upload.seek(0)
            checks = signatures.verify(upload.read())
            verdict = verdict_of(checks)
        else:
            status = 400
    context = {"form": form, "checks": checks, "verdict": verdict}
    return render(request, "integrations/verify.html", context, status=status)
