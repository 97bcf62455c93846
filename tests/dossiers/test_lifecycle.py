"""The lifecycle table, every (state, action, role) combination: first against the law as written here,
then through the services, which must refuse exactly what the table refuses."""

import itertools
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from motcua.dossiers import lifecycle, services
from motcua.dossiers.lifecycle import ACTING_ROLES, NEW, RESUME, Action, Status
from motcua.dossiers.rules import roles_on
from motcua.dossiers.services import ActionNotAllowed, ActionNotPossible
from tests.dossiers.factories import build_desk, submit_online, vn
from tests.factories import CitizenFactory

AP, OS, SP, HD, LD = ACTING_ROLES
S, A = Status, Action
# Written out from domain.md §5, independently of the table in lifecycle.py.
EXPECTED = {
    (NEW, A.SUBMIT): ({AP, OS}, S.SUBMITTED),
    (NEW, A.RECEIVE_AT_COUNTER): ({OS}, S.RECEIVED),
    (S.SUBMITTED, A.RECEIVE): ({OS}, S.RECEIVED),
    (S.SUBMITTED, A.REQUEST_COMPLETION): ({OS}, S.SUPPLEMENT_REQUESTED),
    (S.SUBMITTED, A.REFUSE): ({OS}, S.REFUSED),
    (S.SUBMITTED, A.WITHDRAW): ({AP, OS}, S.WITHDRAWN),
    (S.RECEIVED, A.HAND_OVER): ({OS}, S.PROCESSING),
    (S.RECEIVED, A.REQUEST_SUPPLEMENT): ({OS, SP, HD, LD}, S.SUPPLEMENT_REQUESTED),
    (S.RECEIVED, A.EXTEND): ({HD, LD}, S.RECEIVED),
    (S.RECEIVED, A.STOP): ({HD, LD}, S.STOPPED),
    (S.RECEIVED, A.REFUSE): ({HD, LD}, S.REFUSED),
    (S.RECEIVED, A.WITHDRAW): ({AP, OS}, S.WITHDRAWN),
    (S.PROCESSING, A.HAND_OVER): ({SP, HD, LD}, S.PROCESSING),
    (S.PROCESSING, A.SEND_BACK): ({SP, HD, LD}, S.PROCESSING),
    (S.PROCESSING, A.REQUEST_SUPPLEMENT): ({SP, HD, LD}, S.SUPPLEMENT_REQUESTED),
    (S.PROCESSING, A.EXTEND): ({HD, LD}, S.PROCESSING),
    (S.PROCESSING, A.STOP): ({HD, LD}, S.STOPPED),
    (S.PROCESSING, A.REFUSE): ({HD, LD}, S.REFUSED),
    (S.PROCESSING, A.ATTACH_RESULT): ({SP, HD, LD}, S.RESULT_READY),
    (S.PROCESSING, A.WITHDRAW): ({AP, OS}, S.WITHDRAWN),
    (S.SUPPLEMENT_REQUESTED, A.SUPPLEMENT): ({AP, OS}, RESUME),
    (S.SUPPLEMENT_REQUESTED, A.STOP): ({HD, LD}, S.STOPPED),
    (S.SUPPLEMENT_REQUESTED, A.WITHDRAW): ({AP, OS}, S.WITHDRAWN),
    (S.RESULT_READY, A.RETURN_RESULT): ({OS}, S.RETURNED),
}
STATES = [NEW, *Status.values]
COMBINATIONS = list(itertools.product(STATES, Action.values, ACTING_ROLES))


@pytest.mark.parametrize(("state", "action", "role"), COMBINATIONS)
def test_every_state_action_role_combination(state, action, role):
    allowed_roles, target = EXPECTED.get((state, action), (set(), None))
    if role in allowed_roles:
        assert lifecycle.transition(state, action, {role}).target == target
    else:
        with pytest.raises(lifecycle.TransitionRefused) as refused:
            lifecycle.transition(state, action, {role})
        assert refused.value.permission == ((state, action) in EXPECTED)


def test_final_states_allow_nothing():
    for state in lifecycle.FINAL:
        assert lifecycle.allowed_actions(state, ACTING_ROLES) == []


# --------------------------------------------------------------------------- the same through the services

AT = vn(2026, 3, 3, 9, 0)


def _call(action, actor, dossier):
    common = {"actor": actor, "dossier": dossier, "expected_version": dossier.version, "at": AT}
    calls = {
        A.RECEIVE: lambda: services.receive(**common),
        A.REQUEST_COMPLETION: lambda: services.request_completion(**common, missing="Tờ khai"),
        A.REFUSE: lambda: services.refuse(**common, reason="Không đủ điều kiện"),
        A.HAND_OVER: lambda: services.hand_over(**common),
        A.SEND_BACK: lambda: services.send_back(**common, reason="Cần thẩm định lại"),
        A.REQUEST_SUPPLEMENT: lambda: services.request_supplement(**common, missing="Tờ khai"),
        A.SUPPLEMENT: lambda: services.record_supplement(**common),
        A.STOP: lambda: services.stop(**common, reason="Người nộp đề nghị dừng"),
        A.EXTEND: lambda: services.extend(**common, new_due_day=date(2026, 3, 20), reason="Cần xác minh"),
        A.WITHDRAW: lambda: services.withdraw(**common, reason="Rút hồ sơ"),
        A.ATTACH_RESULT: lambda: services.attach_result(
            **common, number="12/GKS", signed_on=date(2026, 3, 3)
        ),
        A.RETURN_RESULT: lambda: services.return_result(**common, method="counter"),
    }
    return calls[action]()


def _dossiers_in_every_state(desk, citizen):
    t = vn(2026, 3, 2, 9, 0)
    o, sp, ld = desk.officer_a, desk.specialist_a, desk.leader_a

    def fresh():
        return submit_online(desk, citizen, at=t)

    def received():
        d = fresh()
        return services.receive(actor=o, dossier=d, expected_version=d.version, at=t)

    def processing():
        d = received()
        return services.hand_over(actor=o, dossier=d, expected_version=d.version, at=t)

    def at_leader():
        d = processing()
        return services.hand_over(actor=sp, dossier=d, expected_version=d.version, at=t)

    def waiting():
        d = processing()
        return services.request_supplement(actor=sp, dossier=d, expected_version=d.version, missing="x", at=t)

    def ready():
        d = at_leader()
        return services.attach_result(
            actor=ld,
            dossier=d,
            expected_version=d.version,
            number="1",
            signed_on=date(2026, 3, 2),
            at=t,
        )

    def returned():
        d = ready()
        return services.return_result(actor=o, dossier=d, expected_version=d.version, method="counter", at=t)

    def closed(action):
        def make():
            d = processing()
            actor = o if action == "withdraw" else ld
            return getattr(services, action)(
                actor=actor, dossier=d, expected_version=d.version, reason="x", at=t
            )

        return make

    return {
        S.SUBMITTED: fresh(),
        S.RECEIVED: received(),
        S.PROCESSING: at_leader(),
        S.SUPPLEMENT_REQUESTED: waiting(),
        S.RESULT_READY: ready(),
        S.RETURNED: returned(),
        S.STOPPED: closed("stop")(),
        S.REFUSED: closed("refuse")(),
        S.WITHDRAWN: closed("withdraw")(),
    }


@pytest.mark.django_db
def test_services_refuse_exactly_what_the_table_refuses(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    desk = build_desk()
    citizen = CitizenFactory()
    actors = {AP: citizen, OS: desk.officer_a, SP: desk.specialist_a, HD: desk.head_a, LD: desk.leader_a}
    dossiers = _dossiers_in_every_state(desk, citizen)
    walked = 0
    for (state, dossier), action, (role, actor) in itertools.product(
        dossiers.items(),
        [a for a in Action.values if a not in (A.SUBMIT, A.RECEIVE_AT_COUNTER)],
        actors.items(),
    ):
        assert dossier.status == state
        allowed = action in lifecycle.allowed_actions(state, roles_on(actor, dossier))
        try:
            with transaction.atomic():
                _call(action, actor, dossier)
                raise _Undo()
        except _Undo:
            outcome = "done"
        except ActionNotAllowed:
            outcome = "not allowed"
        except ActionNotPossible:
            outcome = "not possible"
        except ValidationError as error:  # a business rule after the table said yes (e.g. last step)
            outcome = f"rule: {error.messages[0][:40]}"
        assert (outcome in ("not allowed", "not possible")) != allowed, (state, action, role, outcome)
        walked += 1
    assert walked == 9 * 12 * 5


class _Undo(Exception):
    """Rolls the savepoint back so every combination starts from the same dossier."""
