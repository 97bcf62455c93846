"""Pages: the citizen's rating of a dossier, and the unsatisfied ratings a leader follows up."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from motcua.core.access import citizen_required, staff_required
from motcua.core.errors import run
from motcua.core.forms import VietnameseDateField
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossier_detail

from . import selectors, services
from .answers import option
from .forms import RatingForm

FOR_APPLICANTS = gettext_lazy("Trang dành cho người nộp hồ sơ. / For applicants only.")
FOR_LEADERS = gettext_lazy(
    "Trang dành cho lãnh đạo cơ quan, lãnh đạo phòng. / For agency and division leaders."
)


@citizen_required(message=FOR_APPLICANTS)
@require_http_methods(["GET", "POST"])
def rate(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        dossier = dossier_detail(request.user, pk)
    except Dossier.DoesNotExist:
        raise Http404(_("Không tìm thấy hồ sơ. / Dossier not found.")) from None
    back = redirect("portal:dossier", pk=dossier.pk)
    if selectors.rating_of(dossier) is not None:
        messages.info(request, _("Hồ sơ này đã được đánh giá. Cảm ơn ông/bà."))
        return back
    if dossier.status not in services.RATEABLE:
        messages.warning(request, _("Chỉ đánh giá khi hồ sơ đã có kết quả. / Rate once the result is ready."))
        return back
    form = RatingForm(request.POST or None, criteria=selectors.criteria_in_force())
    if request.method == "POST" and form.is_valid():
        rating = run(
            request,
            lambda: services.rate_dossier(
                actor=request.user,
                dossier=dossier,
                answers=form.answers(),
                comment=form.cleaned_data["comment"],
            ),
            form=form,
            success=_("Cảm ơn ông/bà đã đánh giá."),
        )
        if rating is not None:
            return back
    return render(request, "evaluation/rate.html", {"d": dossier, "form": form})


def _day(text: str | None) -> date | None:
    """A filter's day as its field sends it (dd/mm/yyyy; ISO is read too); None when empty or invalid."""
    try:
        return VietnameseDateField(required=False).clean(text)
    except ValidationError:
        return None


@staff_required(message=FOR_LEADERS)
def unsatisfied(request: HttpRequest) -> HttpResponse:
    if not selectors.leads(request.user):
        raise PermissionDenied(FOR_LEADERS)
    start, end = _day(request.GET.get("start")), _day(request.GET.get("end"))
    if (request.GET.get("start") and start is None) or (request.GET.get("end") and end is None):
        messages.error(request, _("Ngày không hợp lệ. / Invalid date."))
    rows = selectors.unsatisfied_for(request.user, start=start, end=end)
    page = Paginator(rows, 20).get_page(request.GET.get("page"))
    english = (get_language() or "vi").startswith("en")
    items = [
        (
            rating,
            [
                (
                    a.criterion.question_en if english else a.criterion.question,
                    getattr(option(a.criterion.answer_set, a.value), "label", a.value),
                )
                for a in rating.answers.all()
            ],
        )
        for rating in page.object_list
    ]
    return render(
        request,
        "evaluation/unsatisfied.html",
        {"page": page, "items": items, "start": start, "end": end},
    )
