"""Who may do what with plans, tasks and reports (django-rules, loaded by autodiscovery).

- A plan is managed by the staff of its issuing or following agency who hold a managing role (control or
  communication officer, agency leader, administrator): they edit, issue and close it, review the lead
  agency's reports, urge agencies and ask for periodic reports.
- An agency's staff (any role at that very agency) accept its tasks, report its progress and fill in its
  periodic reports; nobody reports for another agency.
"""

import rules

from motcua.core.readonce import remembered
from motcua.org.models import Agency, AgencyKind, Role
from motcua.org.rules import can_manage_organisation

MANAGING_ROLES = frozenset(
    {Role.CONTROL_OFFICER, Role.COMMUNICATION_OFFICER, Role.AGENCY_LEADER, Role.ADMINISTRATOR}
)


def managing_agency_ids(user) -> set[int]:
    """Agencies whose plans the user manages; the office of a People's Committee drafts, follows and
    reviews the Committee's plans, so its managing staff act for the Committee too."""
    return set(remembered(user, "control_managing_agencies", lambda: frozenset(_managing_agency_ids(user))))


def _managing_agency_ids(user) -> set[int]:
    from motcua.org.selectors import active_roles

    roles = list(active_roles(user).filter(role__in=MANAGING_ROLES))
    ids = {role.agency_id for role in roles}
    office_units = {
        role.agency.administrative_unit_id for role in roles if role.agency.kind == AgencyKind.OFFICE
    }
    if office_units:
        committees = Agency.objects.filter(
            kind=AgencyKind.PEOPLES_COMMITTEE, administrative_unit__in=office_units
        )
        ids |= set(committees.values_list("pk", flat=True))
    return ids


def member_agency_ids(user) -> set[int]:
    from motcua.org.selectors import active_roles

    return set(
        remembered(
            user,
            "control_member_agencies",
            lambda: frozenset(active_roles(user).values_list("agency_id", flat=True)),
        )
    )


@rules.predicate
def manages_plan(user, plan) -> bool:
    if plan is None:
        return False
    return bool({plan.issuing_agency_id, plan.owner_agency_id} & managing_agency_ids(user))


@rules.predicate
def manages_agency(user, agency) -> bool:
    return agency is not None and agency.pk in managing_agency_ids(user)


@rules.predicate
def works_at(user, agency) -> bool:
    return agency is not None and agency.pk in member_agency_ids(user)


@rules.predicate
def is_control_officer(user) -> bool:
    from motcua.org.selectors import active_roles

    return active_roles(user).filter(role__in=[Role.CONTROL_OFFICER, Role.COMMUNICATION_OFFICER]).exists()


rules.add_perm("control.manage_plan", rules.is_superuser | manages_plan)
rules.add_perm("control.issue_plan_for", rules.is_superuser | manages_agency)
rules.add_perm("control.act_for_agency", works_at)

# The admin: configuration (cut-offs, reminder rules, templates) and records, for administrators and
# control officers; the pages are the normal way of working.
can_use_control_admin = can_manage_organisation | is_control_officer
rules.add_perm("control", can_use_control_admin)
for model in (
    "plan",
    "target",
    "targetvalue",
    "task",
    "taskoccurrence",
    "progressreport",
    "controlparameter",
    "reminderrule",
    "reminder",
    "reportingcutoff",
    "reportingperiod",
    "reporttemplate",
    "reportrequest",
    "report",
):
    for action in ("view", "add", "change", "delete"):
        rules.add_perm(f"control.{action}_{model}", can_use_control_admin)
