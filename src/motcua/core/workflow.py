"""Status changes as one declarative table per model: (state, action) → next state, and who may do it.

The dossier lifecycle (dossiers/lifecycle.py) was the first such table; this is its mechanism, for every
stateful model:

    PLAN = Workflow(
        "plan",
        (
            Transition(PlanStatus.DRAFT, "issue", PlanStatus.ISSUED, frozenset({MANAGER})),
            Transition(PlanStatus.ISSUED, "close", PlanStatus.CLOSED, frozenset({MANAGER})),
        ),
        status_field="status",
        statuses=PlanStatus,
    )

    PLAN.apply(plan, "issue", roles)          # sets plan.status, or raises ActionNotPossible/NotAllowed

    class Meta:
        constraints = [PLAN.check_constraint("control_plan_status_valid")]

`apply` is the only code that assigns the status field. `transition` and `allowed_actions` answer the
questions a page asks (which buttons to show); `walk` lets a test check every (state × action × roles)
combination against what the table says. Roles are plain strings the app defines (org roles, "applicant",
"plan_manager" …); the app decides which roles an actor holds on a record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext as _

NEW = ""  # the source "state" of a record that does not exist yet
SYSTEM = "system"  # the role of the platform itself (`actor=None`): data loading, imports, commands


@dataclass(frozen=True)
class Transition:
    source: str
    action: str
    target: str
    roles: frozenset[str]


def row(source: str, action: str, target: str, roles: Iterable[str]) -> Transition:
    """A table row with `roles` given as any iterable."""
    return Transition(str(source), str(action), str(target), frozenset(str(r) for r in roles))


def system_row(source: str, action: str, target: str, roles: Iterable[str]) -> Transition:
    """A table row that the platform itself (SYSTEM) may also take: demo loading, imports, commands."""
    return row(source, action, target, {*roles, SYSTEM})


def acting_roles(actor: object, *held: str) -> frozenset[str]:
    """The roles an actor acts in once the service's permission check passed (`held`); the platform
    itself (`actor=None`) holds SYSTEM only."""
    return frozenset({SYSTEM}) if actor is None else frozenset(held)


class TransitionRefused(Exception):
    """The action is not possible in this state (`permission` False), or not for these roles (True)."""

    def __init__(self, message: str, *, permission: bool) -> None:
        super().__init__(message)
        self.permission = permission

    def as_error(self) -> PermissionDenied | ValidationError:
        """The service error pages and the API already map (403 or 400)."""
        return ActionNotAllowed(str(self)) if self.permission else ActionNotPossible(str(self), code="state")


class ActionNotAllowed(PermissionDenied):
    """The table does not give the actor's roles this action."""


class ActionNotPossible(ValidationError):
    """The table has no such action from the record's state."""


class Workflow:
    def __init__(
        self,
        name: str,
        table: Iterable[Transition],
        *,
        status_field: str = "status",
        statuses: type[models.TextChoices],
        actions: type[models.TextChoices] | None = None,
        subject: str | Promise = "",
        pseudo_targets: Iterable[str] = (),
    ) -> None:
        """`pseudo_targets` are targets the service resolves itself (the dossier's "resume": back to the
        state before the supplement request); `subject` names the record in messages ("kế hoạch")."""
        self.name = name
        self.table = tuple(table)
        self.status_field = status_field
        self.statuses = statuses
        self.actions = actions
        self.subject = subject
        self.pseudo_targets = frozenset(pseudo_targets)
        self._index: dict[tuple[str, str], Transition] = {}
        values = set(statuses.values)
        for t in self.table:
            if (t.source, t.action) in self._index:
                raise ValueError(f"{name}: ({t.source!r}, {t.action!r}) appears twice")
            if t.source != NEW and t.source not in values:
                raise ValueError(f"{name}: unknown source state {t.source!r}")
            if t.target not in values and t.target not in self.pseudo_targets:
                raise ValueError(f"{name}: unknown target state {t.target!r}")
            self._index[(t.source, t.action)] = t

    def __repr__(self) -> str:
        return f"<Workflow {self.name}: {len(self.table)} transitions>"

    # --------------------------------------------------------------------------------------- questions

    def transition(self, source: str, action: str, roles: Iterable[str]) -> Transition:
        """The transition the table allows for an actor holding `roles`, else TransitionRefused."""
        found = self._index.get((str(source), str(action)))
        if found is None:
            raise TransitionRefused(
                _(
                    "Không thể “%(action)s” khi %(subject)s ở trạng thái “%(status)s”. "
                    "/ This action is not possible in the current state."
                )
                % {
                    "action": self.action_label(action),
                    "status": self.status_label(source),
                    "subject": self.subject or _("bản ghi"),
                },
                permission=False,
            )
        if not found.roles & {str(r) for r in roles}:
            raise TransitionRefused(
                _("Bạn không có quyền “%(action)s”. / You are not allowed to do this.")
                % {"action": self.action_label(action)},
                permission=True,
            )
        return found

    def check(self, source: str, action: str, roles: Iterable[str]) -> Transition:
        """`transition`, refusing with the service errors (ActionNotPossible/ActionNotAllowed) instead:
        for a service that only asks whether the action is open, without moving this record."""
        try:
            return self.transition(source, action, roles)
        except TransitionRefused as refused:
            raise refused.as_error() from None

    def allowed_actions(self, source: str, roles: Iterable[str]) -> list[str]:
        """Actions an actor with `roles` may take from `source`, in table order (what a page offers)."""
        held = {str(r) for r in roles}
        return [t.action for t in self.table if t.source == str(source) and t.roles & held]

    def targets(self) -> frozenset[str]:
        return frozenset(t.target for t in self.table)

    def sources(self) -> frozenset[str]:
        return frozenset(t.source for t in self.table)

    def all_actions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.action for t in self.table))

    def all_roles(self) -> frozenset[str]:
        return frozenset().union(*(t.roles for t in self.table))

    def action_label(self, action: str) -> str:
        if self.actions is not None and action in self.actions.values:
            return str(self.actions(action).label)
        return str(action)

    def status_label(self, value: str) -> str:
        if value in self.statuses.values:
            return str(self.statuses(value).label)
        return str(_("chưa có")) if value == NEW else str(value)

    # ------------------------------------------------------------------------------------------ change

    def apply(
        self, instance: models.Model, action: str, roles: Iterable[str], *, target: str | None = None
    ) -> Transition:
        """Move `instance` along the table: set its status field (not saved). Raises ActionNotPossible or
        ActionNotAllowed (service errors) when the table refuses. `target` resolves a pseudo target."""
        source = getattr(instance, self.status_field) if instance.pk is not None else NEW
        found = self.check(source, action, roles)
        new = found.target
        if new in self.pseudo_targets:
            if target is None or target not in self.statuses.values:
                raise ValueError(f"{self.name}: {action!r} leads to {new!r}; pass the real target")
            new = target
        setattr(instance, self.status_field, new)
        return found

    def start(self, instance: models.Model, action: str, roles: Iterable[str]) -> Transition:
        """The first transition of a new record (source NEW), even before it has a primary key."""
        found = self.check(NEW, action, roles)
        setattr(instance, self.status_field, found.target)
        return found

    # -------------------------------------------------------------------------------------- database

    def check_constraint(self, name: str) -> models.CheckConstraint:
        """For the model's Meta.constraints: the status column holds one of the statuses only."""
        return status_constraint(name, self.statuses, field=self.status_field)

    # ----------------------------------------------------------------------------------------- tests

    def walk(self, roles: Iterable[str] | None = None) -> Iterator[tuple[str, str, frozenset[str]]]:
        """Every (state, action, held roles) combination: each state including NEW, each action of the
        table, and each single role plus no role at all (a role never narrows what another allows)."""
        known = sorted(roles if roles is not None else self.all_roles())
        role_sets = [frozenset(), *(frozenset(c) for c in combinations(known, 1))]
        for source in [NEW, *self.statuses.values]:
            for action in self.all_actions():
                for held in role_sets:
                    yield source, action, held


def status_constraint(
    name: str, statuses: type[models.TextChoices], *, field: str = "status"
) -> models.CheckConstraint:
    """The check that a status column holds one of `statuses` only: `Workflow.check_constraint`, and for a
    model whose table lives in a module that imports the model (a dossier's payments)."""
    return models.CheckConstraint(condition=models.Q(**{f"{field}__in": list(statuses.values)}), name=name)


def assert_walk(workflow: Workflow, expected: Any) -> int:
    """Test helper: for every combination of `workflow.walk()`, `expected(source, action, roles)` returns
    the target the table must give, or None where it must refuse. Returns the number of checks."""
    count = 0
    for source, action, held in workflow.walk():
        want = expected(source, action, held)
        try:
            got: str | None = workflow.transition(source, action, held).target
        except TransitionRefused:
            got = None
        where = f"{workflow.name}: ({source!r}, {action!r}, {sorted(held)})"
        assert got == want, f"{where} → {got!r}, not {want!r}"
        count += 1
    return count
