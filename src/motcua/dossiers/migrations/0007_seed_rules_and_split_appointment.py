"""The dated rules of the verdict and of extensions, and existing rows split into appointment and promised date.

Before 0006 an extension overwrote `due_at` with the apology's new date, and the audit event of each
extension kept the date it replaced (changes["due_at"] = [old, new]). The first extension's old date is the
appointment; the current `due_at` becomes the promised date. A supplement pause that ended after the
extension moved the promised date, not the appointment: such rows keep the appointment of the audit event
(the few office hours of that pause are not re-added). Ended dossiers are graded again against the
appointment with the rule in force on the day their processing ended.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import migrations

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

# The law as found; "(chưa xác minh điều khoản)" marks a clause not checked against the published text here.
TIMELINESS_RULES = [
    {
        "code": "ND61-2018",
        "valid_from": date(2018, 6, 21),
        "valid_to": date(2025, 6, 30),
        "legal_basis": "NĐ 61/2018/NĐ-CP, sửa đổi bởi NĐ 107/2021/NĐ-CP; quy tắc đúng hạn của Cổng DVC quốc gia "
        "(chưa xác minh điều khoản)",
    },
    {
        "code": "ND118-2025",
        "valid_from": date(2025, 7, 1),
        "valid_to": None,
        "legal_basis": "NĐ 118/2025/NĐ-CP; quy tắc đúng hạn của Cổng DVC quốc gia (chưa xác minh điều khoản)",
    },
]
EXTENSION_RULES = [
    {
        "valid_from": date(2018, 6, 21),
        "valid_to": date(2021, 12, 5),
        "max_extensions": None,
        "legal_basis": "NĐ 61/2018/NĐ-CP Điều 19 (bản gốc, chưa giới hạn số lần hẹn lại)",
    },
    {
        "valid_from": date(2021, 12, 6),
        "valid_to": date(2025, 6, 30),
        "max_extensions": 1,
        "legal_basis": "NĐ 61/2018/NĐ-CP Điều 19, sửa đổi bởi NĐ 107/2021/NĐ-CP: hẹn lại ngày trả kết quả "
        "không quá một lần (chưa xác minh điều khoản)",
    },
    {
        "valid_from": date(2025, 7, 1),
        "valid_to": None,
        "max_extensions": 1,
        "legal_basis": "NĐ 118/2025/NĐ-CP: hẹn lại ngày trả kết quả không quá một lần (chưa xác minh điều khoản)",
    },
]


def _rule_on(rules, day):
    for rule in rules:
        if rule.valid_from <= day and (rule.valid_to is None or day <= rule.valid_to):
            return rule
    return None


def _grade(ended, due, supplements, apologised, rule):
    if ended > due or supplements > rule.max_supplement_requests:
        return "late_apologised" if apologised and rule.apology_counted_apart else "late"
    if ended.astimezone(VIETNAM).date() < due.astimezone(VIETNAM).date():
        return "early"
    return "on_time"


def seed(apps, schema_editor):
    """The rule rows, idempotently: run by this migration and again after every flush (DossiersConfig.ready),
    since without a rule in force a finished dossier cannot be graded."""
    TimelinessRule = apps.get_model("dossiers", "TimelinessRule")
    ExtensionRule = apps.get_model("dossiers", "ExtensionRule")
    for row in TIMELINESS_RULES:
        TimelinessRule.objects.get_or_create(code=row["code"], defaults=row)
    for row in EXTENSION_RULES:
        ExtensionRule.objects.get_or_create(valid_from=row["valid_from"], defaults=row)


def forwards(apps, schema_editor):
    TimelinessRule = apps.get_model("dossiers", "TimelinessRule")
    Dossier = apps.get_model("dossiers", "Dossier")
    DossierEvent = apps.get_model("dossiers", "DossierEvent")
    AuditEvent = apps.get_model("core", "AuditEvent")
    seed(apps, schema_editor)
    rules = list(TimelinessRule.objects.order_by("-valid_from"))

    extended = DossierEvent.objects.filter(action="extend").values_list("dossier_id", flat=True).distinct()
    for dossier in Dossier.objects.filter(pk__in=list(extended)).iterator():
        events = list(DossierEvent.objects.filter(dossier=dossier, action="extend").order_by("occurred_at", "id"))
        first = (
            AuditEvent.objects.filter(action="dossier.extend", target_id=str(dossier.pk)).order_by("id").first()
        )
        old = ((first.changes or {}).get("due_at") or [None])[0] if first else None
        dossier.promised_at = dossier.due_at
        if old:
            dossier.due_at = datetime.fromisoformat(old)
        dossier.extensions = len(events)
        dossier.apologised_at = events[0].occurred_at
        dossier.save(update_fields=["promised_at", "due_at", "extensions", "apologised_at"])

    for dossier in Dossier.objects.filter(processing_ended_at__isnull=False, due_at__isnull=False).iterator():
        rule = _rule_on(rules, dossier.processing_ended_at.astimezone(VIETNAM).date())
        if rule is None:
            continue
        dossier.timeliness = _grade(
            dossier.processing_ended_at,
            dossier.due_at,
            dossier.supplement_requests,
            dossier.extensions > 0,
            rule,
        )
        dossier.timeliness_rule = rule
        dossier.save(update_fields=["timeliness", "timeliness_rule"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_initial"),
        ("dossiers", "0006_appointment_and_promised_date"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
