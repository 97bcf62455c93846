"""The verdict is stored with the rule version that made it, and graded again after a rule change."""

from datetime import date
from io import StringIO

from django.core.management import call_command

from motcua.core.models import AuditEvent
from motcua.dossiers.models import Dossier, Timeliness, TimelinessRule
from tests.dossiers.factories import vn
from tests.dossiers.test_appointment import apologise, at_leader, finish


def late_apologised(desk) -> Dossier:
    dossier = apologise(desk, at_leader(desk), at=vn(2026, 3, 13, 9, 0))
    return finish(desk, dossier, at=vn(2026, 3, 18, 9, 0))


def recompute(*args) -> str:
    out = StringIO()
    call_command("recompute_verdicts", *args, stdout=out)
    return out.getvalue()


def test_a_rule_change_is_applied_by_the_command_which_says_how_many_changed(desk):
    dossier = late_apologised(desk)
    on_time = finish(desk, at_leader(desk), at=vn(2026, 3, 12, 9, 0))
    assert (dossier.timeliness, on_time.timeliness) == (Timeliness.LATE_APOLOGISED, Timeliness.EARLY)

    # A province decides from 1/3/2026 to count apologised dossiers as plain late (a new dated row).
    TimelinessRule.objects.filter(valid_to__isnull=True).update(valid_to=date(2026, 2, 28))
    TimelinessRule.objects.create(
        code="TINH-2026",
        valid_from=date(2026, 3, 1),
        apology_counted_apart=False,
        legal_basis="Quyết định thử nghiệm của tỉnh",
    )
    assert "2 hồ sơ; 1 sẽ thay đổi kết quả, 1 chỉ đổi phiên bản quy tắc" in recompute("--dry-run")
    dossier.refresh_from_db()
    assert dossier.timeliness == Timeliness.LATE_APOLOGISED

    assert "Recomputed 2 dossiers; 1 changed verdict, 1 only the rule version" in recompute()
    dossier.refresh_from_db()
    on_time.refresh_from_db()
    assert dossier.timeliness == Timeliness.LATE
    assert dossier.timeliness_rule.code == on_time.timeliness_rule.code == "TINH-2026"
    event = AuditEvent.objects.get(action="dossier.recompute_verdict", target_id=str(dossier.pk))
    assert event.changes["timeliness"] == ["late_apologised", "late"]
    assert "0 changed verdict, 0 only" in recompute()
