"""Pages of the training: the communication officer's list of courses, a course with its attendees
(enrol officials by agency and role, add guests, take the attendance, issue certificates), the coverage
of officials trained per agency in a year, and each official's own trainings with the certificates."""

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from motcua.core.access import staff_required
from motcua.core.errors import run

from . import selectors, training, training_papers
from .models import TrainingCourse
from .training import TRAINED_ROLES
from .training_forms import CourseForm, EnrolForm, GuestForm, YearForm

organiser = staff_required("outreach.manage_training")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(content: bytes, content_type: str, filename: str, *, inline: bool = False) -> HttpResponse:
    reply = HttpResponse(content, content_type=content_type)
    reply["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    return reply


@organiser
@require_safe
def course_list(request: HttpRequest) -> HttpResponse:
    year = YearForm(request.GET or None).year()
    return render(
        request,
        "outreach/training/list.html",
        {"courses": selectors.courses_for(request.user, year=year), "year": year},
    )


def _course_form(request: HttpRequest, initial: dict | None = None) -> CourseForm:
    return CourseForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        agencies=selectors.faq_agencies(request.user),
    )


@organiser
def course_create(request: HttpRequest) -> HttpResponse:
    form = _course_form(request)
    if request.method == "POST" and form.is_valid():
        course = run(
            request,
            lambda: training.create_course(
                actor=request.user, agency=form.cleaned_data["agency"], **form.service_data()
            ),
            form=form,
            success=_("Đã tạo lớp tập huấn."),
        )
        if course is not None:
            return redirect("outreach:course", pk=course.pk)
    return render(request, "outreach/training/form.html", {"form": form, "title": _("Lớp tập huấn mới")})


@organiser
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    course = selectors.course_for(request.user, pk)
    fields = ("topic", "audience", "trainer", "starts_on", "ends_on", "mode", "place", "materials_link")
    form = _course_form(
        request, initial={"agency": course.agency_id, **{f: getattr(course, f) for f in fields}}
    )
    form.fields["agency"].disabled = True
    if request.method == "POST" and form.is_valid():
        saved = run(
            request,
            lambda: training.update_course(actor=request.user, course=course, **form.service_data()),
            form=form,
            success=_("Đã lưu lớp tập huấn."),
        )
        if saved is not None:
            return redirect("outreach:course", pk=course.pk)
    return render(
        request,
        "outreach/training/form.html",
        {"form": form, "course": course, "title": _("Sửa lớp tập huấn")},
    )


def _detail(
    request: HttpRequest, course: TrainingCourse, *, enrol=None, guest=None, status=200
) -> HttpResponse:
    return render(
        request,
        "outreach/training/detail.html",
        {
            "course": course,
            "attendees": selectors.attendees_of(course),
            "enrol": enrol or EnrolForm(agencies=selectors.faq_agencies(request.user)),
            "guest": guest or GuestForm(),
        },
        status=status,
    )


@organiser
@require_safe
def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, selectors.course_for(request.user, pk))


@organiser
@require_POST
def course_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    course = selectors.course_for(request.user, pk)
    if action == "ghi-danh":
        enrol = EnrolForm(request.POST, agencies=selectors.faq_agencies(request.user))
        if not enrol.is_valid():
            return _detail(request, course, enrol=enrol, status=400)
        added = run(
            request,
            lambda: training.enrol_officials(actor=request.user, course=course, **enrol.cleaned_data),
            form=enrol,
        )
        if added is None:
            return _detail(request, course, enrol=enrol, status=400)
        messages.success(request, _("Đã thêm %(n)s học viên.") % {"n": len(added)})
    elif action == "khach-moi":
        guest = GuestForm(request.POST)
        if (
            not guest.is_valid()
            or run(
                request,
                lambda: training.add_guest(actor=request.user, course=course, **guest.cleaned_data),
                form=guest,
                success=_("Đã thêm khách mời."),
            )
            is None
        ):
            return _detail(request, course, guest=guest, status=400)
    elif action == "diem-danh":
        present = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
        run(
            request,
            lambda: training.record_attendance(actor=request.user, course=course, present=present),
            success=_("Đã lưu điểm danh."),
        )
    elif action == "cap-giay":
        issued = run(request, lambda: _issue_all(request, course))
        if issued is not None:
            messages.success(request, _("Đã cấp %(n)s giấy chứng nhận.") % {"n": issued})
    else:
        raise Http404
    return redirect("outreach:course", pk=course.pk)


def _issue_all(request: HttpRequest, course: TrainingCourse) -> int:
    """Number a certificate for every attendee present who has none yet."""
    waiting = course.attendees.filter(attended=True, certificate_number="")
    return len([training.issue_certificate(actor=request.user, attendance=a) for a in waiting])


@organiser
@require_POST
def attendee_remove(request: HttpRequest, pk: int) -> HttpResponse:
    attendance = selectors.attendance_for(request.user, pk)
    if not request.user.has_perm("outreach.manage_training_for", attendance.course.agency):
        raise Http404
    run(
        request,
        lambda: training.remove_attendee(actor=request.user, attendance=attendance),
        success=_("Đã xóa học viên khỏi danh sách."),
    )
    return redirect("outreach:course", pk=attendance.course_id)


@staff_required
@require_safe
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    """The certificate of one attendee: for the course's organisers and for the official himself."""
    attendance = selectors.attendance_for(request.user, pk)
    if not attendance.certificate_number:
        raise Http404
    pdf = training_papers.certificate_pdf(attendance)
    return _file(pdf, "application/pdf", f"giay-chung-nhan-{attendance.pk}.pdf", inline=True)


@organiser
@require_safe
def attendance_export(request: HttpRequest, pk: int) -> HttpResponse:
    course = selectors.course_for(request.user, pk)
    content = training_papers.attendance_xlsx(course, selectors.attendees_of(course))
    return _file(content, XLSX, f"hoc-vien-lop-{course.pk}.xlsx")


def _coverage(request: HttpRequest) -> tuple[int, list]:
    year = YearForm(request.GET or None).year()
    rows = selectors.coverage_for(
        request.user, start=date(year, 1, 1), end=date(year, 12, 31), roles=list(TRAINED_ROLES)
    )
    return year, rows


@organiser
@require_safe
def coverage(request: HttpRequest) -> HttpResponse:
    year, rows = _coverage(request)
    officials = sum(r.officials for r in rows)
    trained = sum(r.trained for r in rows)
    return render(
        request,
        "outreach/training/coverage.html",
        {
            "year": year,
            "rows": rows,
            "officials": officials,
            "trained": trained,
            "rate": round(100 * trained / officials, 2) if officials else 0,
        },
    )


@organiser
@require_safe
def coverage_export(request: HttpRequest) -> HttpResponse:
    year, rows = _coverage(request)
    return _file(training_papers.coverage_xlsx(rows, year=year), XLSX, f"tap-huan-{year}.xlsx")


@staff_required
@require_safe
def mine(request: HttpRequest) -> HttpResponse:
    return render(request, "outreach/training/mine.html", {"rows": selectors.own_trainings(request.user)})
