"""Writes on training courses: the course, its attendees (officials taken from the organisation's users
with the role they hold, and guests), the attendance, and the certificates' numbers. Each is one
transaction with an audit event, by the communication officers (and administrators) for the agencies
they see. Taking the attendance records the course as a communication activity (kind "training") with
the number present as its reach, so the plan's targets count it without typing."""

from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.access import require
from motcua.core.audited import audited_delete, audited_save
from motcua.core.trees import closure
from motcua.core.validity import valid_on
from motcua.org.models import Agency, Role, RoleAssignment, User

from .models import ActivityKind, Attendance, CommunicationActivity, CourseMode, TrainingCourse

Actor = User | None
EDITABLE = frozenset(
    {"topic", "audience", "trainer", "starts_on", "ends_on", "mode", "place", "materials", "materials_link"}
)
ATTENDANCE_AUDITED = ("course", "user", "agency", "role", "attended", "certificate_number")
# Officials counted by the coverage target and offered first when enrolling.
TRAINED_ROLES = (Role.ONE_STOP_OFFICER, Role.CONTROL_OFFICER)


def _manage(actor: Actor, agency: Agency) -> None:
    require(actor, "outreach.manage_training_for", agency)


def _check_dates(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise ValidationError(
            {"ends_on": _("Ngày kết thúc trước ngày bắt đầu. / The course ends before it starts.")}
        )


@transaction.atomic
def create_course(*, actor: Actor, agency: Agency, **fields: Any) -> TrainingCourse:
    _manage(actor, agency)
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValidationError(_("Trường không sửa được: %(f)s") % {"f": ", ".join(sorted(unknown))})
    fields.setdefault("mode", CourseMode.IN_PERSON)
    course = TrainingCourse(agency=agency, created_by=actor, **fields)
    _check_dates(course.starts_on, course.ends_on)
    return audited_save(
        course, actor=actor, action="training.create", fields=sorted(EDITABLE - {"materials"})
    )


@transaction.atomic
def update_course(*, actor: Actor, course: TrainingCourse, **changes: Any) -> TrainingCourse:
    _manage(actor, course.agency)
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValidationError(_("Trường không sửa được: %(f)s") % {"f": ", ".join(sorted(unknown))})
    course = TrainingCourse.objects.select_for_update().get(pk=course.pk)
    for name, value in changes.items():
        if name == "materials" and not value:
            continue  # no new file: the stored one stays
        setattr(course, name, value)
    _check_dates(course.starts_on, course.ends_on)
    if course.attendees.filter(attended__isnull=False).exists() and course.starts_on > timezone.localdate():
        raise ValidationError(
            {
                "starts_on": _(
                    "Đã điểm danh: lớp không thể bắt đầu sau hôm nay. / Attendance is taken already."
                )
            }
        )
    return audited_save(
        course, actor=actor, action="training.update", fields=sorted(EDITABLE - {"materials"})
    )


# ------------------------------------------------------------------------------------------- attendees


def officials_of(agency: Agency, roles: Iterable[str], day: date) -> list[RoleAssignment]:
    """The role assignments in force on `day` at the agency and the agencies below it: who a course for
    "the one-stop officers of commune X" takes its attendees from."""
    agencies = closure(Agency, [agency.pk], link="parent")
    return list(
        RoleAssignment.objects.filter(
            valid_on(day), agency__in=agencies, role__in=list(roles), user__is_active=True
        )
        .select_related("user", "agency")
        .order_by("agency__name", "user__full_name", "pk")
    )


@transaction.atomic
def enrol_officials(
    *, actor: Actor, course: TrainingCourse, agency: Agency, roles: Collection[str]
) -> list[Attendance]:
    """Add every official holding one of `roles` at `agency` (and below) on the course's first day; those
    already on the list stay as they are. Returns the attendees added."""
    _manage(actor, course.agency)
    if actor is not None:
        require(actor, "outreach.manage_training_for", agency)
    if not roles:
        raise ValidationError({"roles": _("Chọn ít nhất một vai trò. / Choose at least one role.")})
    present = set(course.attendees.filter(user__isnull=False).values_list("user_id", flat=True))
    added = []
    for assignment in officials_of(agency, roles, course.starts_on):
        if assignment.user_id in present:
            continue
        present.add(assignment.user_id)
        row = Attendance(course=course, user=assignment.user, agency=assignment.agency, role=assignment.role)
        added.append(audited_save(row, actor=actor, action="training.enrol", fields=ATTENDANCE_AUDITED))
    return added


@transaction.atomic
def add_guest(*, actor: Actor, course: TrainingCourse, name: str, organisation: str = "") -> Attendance:
    """A guest by name (a post-office clerk, a village head): not an account, never counted by the target."""
    _manage(actor, course.agency)
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Cần nhập họ tên khách mời. / The guest's name is required.")})
    row = Attendance(course=course, guest_name=name, guest_organisation=organisation.strip())
    return audited_save(row, actor=actor, action="training.add_guest", fields=ATTENDANCE_AUDITED)


@transaction.atomic
def remove_attendee(*, actor: Actor, attendance: Attendance) -> None:
    _manage(actor, attendance.course.agency)
    if attendance.certificate_number:
        raise ValidationError(
            _("Đã cấp giấy chứng nhận: không thể xóa học viên. / A certificate was issued to this attendee.")
        )
    audited_delete(attendance, actor=actor, action="training.remove", fields=ATTENDANCE_AUDITED)


@transaction.atomic
def record_attendance(*, actor: Actor, course: TrainingCourse, present: Collection[int]) -> TrainingCourse:
    """Mark the attendees whose ids are in `present` as present and the others as absent. Refused before
    the course starts; an attendee holding a certificate cannot be marked absent."""
    _manage(actor, course.agency)
    course = TrainingCourse.objects.select_for_update().get(pk=course.pk)
    if course.starts_on > timezone.localdate():
        raise ValidationError(_("Lớp chưa bắt đầu: chưa thể điểm danh. / The course has not started yet."))
    present = set(present)
    for row in course.attendees.select_related("user", "agency"):
        value = row.pk in present
        if row.attended is value:
            continue
        if not value and row.certificate_number:
            raise ValidationError(
                _("%(name)s đã được cấp giấy chứng nhận. / A certificate was issued to %(name)s.")
                % {"name": row.name}
            )
        row.attended = value
        audited_save(row, actor=actor, action="training.attendance", fields=ATTENDANCE_AUDITED)
    _record_activity(course)
    return course


def _record_activity(course: TrainingCourse) -> None:
    """The course as a communication activity of its agency (created once, its reach kept current)."""
    reach = course.attendees.filter(attended=True).count()
    activity = CommunicationActivity.objects.filter(course=course).first()
    if activity is None:
        activity = CommunicationActivity(
            agency=course.agency,
            kind=ActivityKind.TRAINING,
            title=course.topic[:255],
            held_on=course.starts_on,
            channel=course.place[:150],
            audience=(course.audience or _("Cán bộ, công chức"))[:150],
            course=course,
        )
    elif activity.reach == reach:
        return
    activity.reach = reach
    audited_save(activity, actor=None, action="activity.record_training")


# ---------------------------------------------------------------------------------------- certificates


@transaction.atomic
def issue_certificate(*, actor: Actor, attendance: Attendance) -> Attendance:
    """Number the attendee's certificate the first time (later prints reuse the number). Only for an
    attendee marked present at a course that has ended."""
    _manage(actor, attendance.course.agency)
    course = TrainingCourse.objects.select_for_update().get(pk=attendance.course_id)
    attendance = Attendance.objects.select_related("user", "agency").get(pk=attendance.pk)
    if attendance.certificate_number:
        return attendance
    if course.ends_on > timezone.localdate():
        raise ValidationError(_("Lớp chưa kết thúc. / The course has not ended yet."))
    if attendance.attended is not True:
        raise ValidationError(
            _("Chỉ cấp giấy chứng nhận cho học viên có mặt. / Certificates go to attendees marked present.")
        )
    course.certificates_issued += 1
    course.save(update_fields=["certificates_issued"])
    attendance.certificate_number = (
        f"{course.ends_on:%Y}/{course.pk:04d}-{course.certificates_issued:03d}/GCN"
    )
    attendance.certificate_issued_at = timezone.now()
    return audited_save(attendance, actor=actor, action="training.certificate", fields=ATTENDANCE_AUDITED)


def trained_users(user_ids: Iterable[int], start: date, end: date) -> set[int]:
    """Those of `user_ids` present at a course that ended within [start, end]."""
    return set(
        Attendance.objects.filter(
            user__in=list(user_ids), attended=True, course__ends_on__range=(start, end)
        ).values_list("user_id", flat=True)
    )


def holding_roles(agency_ids: Iterable[int], roles: Iterable[str], start: date, end: date) -> Q:
    """Role assignments at those agencies with one of `roles`, in force at some time in [start, end]."""
    return (
        Q(agency__in=list(agency_ids), role__in=list(roles), user__is_active=True)
        & (Q(valid_from__isnull=True) | Q(valid_from__lte=end))
        & (Q(valid_to__isnull=True) | Q(valid_to__gte=start))
    )
