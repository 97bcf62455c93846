"""Who an actor is to a contest, and when a juror may not score an entry.

Members (models.Member) hold the roles SECRETARIAT and JUROR on their contest; nobody else acts on it
but the entrants on their own entries. A juror never scores an entry of their own agency (the agency they
sit for, any agency where they hold a role today, and the divisions below those), an entry they submitted,
or an entry for which a conflict of interest was declared.
"""

import rules as django_rules
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from motcua.core.trees import closure
from motcua.core.workflow import SYSTEM
from motcua.org.models import Agency, Role, User
from motcua.org.rules import can_manage_organisation
from motcua.org.selectors import active_roles

from .models import ConflictOfInterest, Contest, Entry, Member, MemberRole
from .workflows import JUROR, SECRETARIAT

Actor = User | AnonymousUser | None


def memberships(actor: Actor, contest: Contest) -> list[Member]:
    if not isinstance(actor, User) or actor.is_citizen or not actor.is_active:
        return []
    return list(Member.objects.filter(contest=contest, user=actor).select_related("agency"))


def roles_on(actor: Actor, contest: Contest) -> frozenset[str]:
    if actor is None:
        return frozenset({SYSTEM})
    held = {m.role for m in memberships(actor, contest)}
    return frozenset({SECRETARIAT} if MemberRole.SECRETARIAT in held else set()) | frozenset(
        {JUROR} if MemberRole.JUROR in held else set()
    )


def juror_of(actor: Actor, contest: Contest) -> Member | None:
    return next((m for m in memberships(actor, contest) if m.role == MemberRole.JUROR), None)


def own_agencies(member: Member) -> set[int]:
    """The agency the juror sits for, the agencies of their roles today, and the divisions below them in
    the same administrative unit (a department's divisions; never the communes under a province's
    People's Committee)."""
    roots = {member.agency_id, *active_roles(member.user).values_list("agency_id", flat=True)}
    units = set(Agency.objects.filter(pk__in=roots).values_list("administrative_unit_id", flat=True))
    below = closure(Agency, roots, link="parent")
    return set(
        Agency.objects.filter(pk__in=below, administrative_unit_id__in=units).values_list("pk", flat=True)
    )


def conflict_reason(
    member: Member,
    entry: Entry,
    *,
    agencies: set[int] | None = None,
    declared: dict[int, str] | None = None,
) -> str:
    """Why this juror may not score this entry ('' when they may). `agencies` and `declared` save queries
    when many entries are checked (see `conflicted_entries`)."""
    if entry.submitted_by_id == member.user_id:
        return _("Bài do chính giám khảo nộp. / The juror submitted this entry.")
    if entry.agency_id is not None and entry.agency_id in (
        agencies if agencies is not None else own_agencies(member)
    ):
        return _("Bài của cơ quan nơi giám khảo công tác. / An entry of the juror's own agency.")
    if declared is None:
        declared = dict(
            ConflictOfInterest.objects.filter(juror=member, entry=entry).values_list("entry_id", "reason")
        )
    if entry.pk in declared:
        return _("Đã khai báo xung đột lợi ích: %(reason)s") % {"reason": declared[entry.pk]}
    return ""


def conflicted_entries(member: Member, entries: list[Entry]) -> dict[int, str]:
    """{entry id: reason} for the entries among `entries` this juror may not score."""
    agencies = own_agencies(member)
    declared = dict(
        ConflictOfInterest.objects.filter(juror=member, entry__in=entries).values_list("entry_id", "reason")
    )
    found = {e.pk: conflict_reason(member, e, agencies=agencies, declared=declared) for e in entries}
    return {pk: reason for pk, reason in found.items() if reason}


REGISTER_ROLES = (Role.COMMUNICATION_OFFICER, Role.CONTROL_OFFICER, Role.ADMINISTRATOR)


@django_rules.predicate
def keeps_register(user) -> bool:
    return active_roles(user).filter(role__in=REGISTER_ROLES).exists()


@django_rules.predicate
def agency_visible(user, agency) -> bool:
    from motcua.org.selectors import visible_agencies

    return agency is not None and visible_agencies(user).filter(pk=agency.pk).exists()


# The register of good models (and of units doing poorly) is kept by communication and TTHC-control
# officers and administrators, for the agencies they see.
django_rules.add_perm("contest.keep_register", django_rules.is_superuser | (keeps_register & agency_visible))
django_rules.add_perm("contest.open_register", django_rules.is_superuser | keeps_register)

# Admin (django-rules): administrators set contests up (phases, criteria, prizes, members) and keep the
# register; every later change goes through the services.
django_rules.add_perm("contest", can_manage_organisation)
for _model in ("contest", "phase", "criterion", "prize", "member", "goodmodel", "goodmodellink"):
    for _action in ("view", "add", "change", "delete"):
        django_rules.add_perm(f"contest.{_action}_{_model}", can_manage_organisation)
for _model in ("entry", "conflictofinterest"):
    django_rules.add_perm(f"contest.view_{_model}", can_manage_organisation)
