"""The legal-parameter base: one period constraint declared once, checked by the database and by a
system check, and `in_force` finding the row of a day."""

from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from motcua.control.models import ControlParameter, ReportingCutoff
from motcua.core.checks import legal_parameters_keep_their_period_check
from motcua.core.models import DatedRow, LegalParameter, OptionalPeriod
from motcua.core.validity import in_force
from motcua.dossiers.models import FormTemplate
from motcua.serviceindex.models import FeeIntegration
from motcua.workdays.models import OfficeHours

pytestmark = pytest.mark.django_db


def parameter(**kwargs) -> ControlParameter:
    defaults = {"key": "due_soon_working_days", "value": 3, "legal_basis": "QĐ 1739/QĐ-UBND"}
    return ControlParameter(**{**defaults, **kwargs})


def test_a_period_that_ends_before_it_starts_is_refused_by_validation_and_by_the_database():
    bad = parameter(valid_from=date(2026, 9, 4), valid_to=date(2026, 9, 3))
    with pytest.raises(ValidationError, match="không được trước ngày có hiệu lực"):
        bad.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        bad.save()
    parameter(valid_from=date(2026, 9, 4), valid_to=date(2026, 9, 4)).save()  # one day is a period


def test_every_legal_parameter_model_keeps_the_constraint_and_its_own():
    subclasses = [m for m in apps.get_models() if issubclass(m, LegalParameter)]
    assert {m.__name__ for m in subclasses} >= {"ControlParameter", "ReminderRule", "ReportingCutoff"}
    for model in subclasses:
        assert f"{model._meta.app_label}_{model._meta.model_name}_valid_range" in {
            c.name for c in model._meta.constraints
        }
    assert "control_cutoff_months" in {c.name for c in ReportingCutoff._meta.constraints}
    assert legal_parameters_keep_their_period_check() == []


def test_the_system_check_names_a_subclass_that_dropped_the_constraint():
    class Forgetful(LegalParameter):
        class Meta:
            app_label = "core"
            constraints: list[models.BaseConstraint] = []

    try:
        errors = legal_parameters_keep_their_period_check()
        assert [e.id for e in errors] == ["motcua.E001"]
        assert "core.Forgetful" in errors[0].msg
    finally:
        apps.all_models["core"].pop("forgetful")
        apps.clear_cache()


def test_in_force_picks_the_row_of_the_day():
    old = parameter(valid_from=date(2025, 1, 1), valid_to=date(2026, 6, 30), value=3)
    new = parameter(valid_from=date(2026, 7, 1), value=5)
    old.save()
    new.save()
    rows = ControlParameter.objects.filter(pk__in=[old.pk, new.pk])  # the seeded row aside
    assert in_force(rows, date(2026, 6, 30)) == old
    assert in_force(rows, date(2026, 7, 1)) == new
    assert in_force(rows, date(2024, 12, 31)) is None


def test_every_row_with_a_period_is_a_dated_row_with_the_one_check():
    """The models that once declared the period and its check by hand (issue 14, group 8)."""
    assert issubclass(FormTemplate, LegalParameter)
    assert issubclass(OfficeHours, LegalParameter)
    assert issubclass(FeeIntegration, DatedRow)
    assert not issubclass(FeeIntegration, LegalParameter)  # a fact with a period, no legal text
    names = {c.name for c in FeeIntegration._meta.constraints}
    assert {"serviceindex_feeintegration_valid_range", "serviceindex_fee_integration_uniq"} <= names
    assert str(FeeIntegration._meta.get_field("valid_from").verbose_name) == "tích hợp từ ngày"
    for model in (FormTemplate, OfficeHours):
        assert str(model._meta.get_field("valid_from").verbose_name) == "hiệu lực từ"
        assert model._meta.get_field("legal_basis").max_length == 255


def test_a_dated_row_period_that_ends_before_it_starts_is_refused_by_validation_and_the_database(desk):
    def integration(valid_to: date) -> FeeIntegration:
        return FeeIntegration(
            agency=desk.province.department,
            procedure=desk.procedure,
            valid_from=date(2026, 9, 4),
            valid_to=valid_to,
        )

    with pytest.raises(ValidationError, match="The end of validity cannot be before its start"):
        integration(date(2026, 9, 3)).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        integration(date(2026, 9, 3)).save()
    integration(date(2026, 9, 4)).save()  # one day is a period


def test_agencies_units_and_procedure_versions_share_the_optional_period_check():
    """Their start may be empty (since before the register knew; a draft not yet published), so they sit on
    OptionalPeriod, DatedRow's base: the one range check, their own labels."""
    from motcua.catalog.models import ProcedureVersion
    from motcua.org.models import AdministrativeUnit, Agency

    for model in (AdministrativeUnit, Agency, ProcedureVersion):
        assert issubclass(model, OptionalPeriod)
        assert not issubclass(model, DatedRow)
        assert f"{model._meta.app_label}_{model._meta.model_name}_valid_range" in {
            c.name for c in model._meta.constraints
        }
        assert model._meta.get_field("valid_from").null
    assert str(Agency._meta.get_field("valid_from").verbose_name) == "hoạt động từ"
    assert issubclass(DatedRow, OptionalPeriod)
    assert not FeeIntegration._meta.get_field("valid_from").null  # a DatedRow starts on a day


def test_an_agency_that_closes_before_it_opened_is_refused_and_an_open_start_is_not(province):
    agency = province.department
    agency.valid_from, agency.valid_to = date(2026, 7, 1), date(2026, 6, 30)
    with pytest.raises(ValidationError, match="The end of validity cannot be before its start"):
        agency.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        agency.save()
    agency.valid_from = None  # active since before the register knew, closed on 30/06
    agency.full_clean()
    agency.save()
