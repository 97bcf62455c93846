"""The demo catalog loads, is complete enough to demonstrate, and loading it twice changes nothing."""

import pytest
from django.core.management import call_command

from motcua.catalog import selectors
from motcua.catalog.models import AgencyProcedure, Procedure, Process
from motcua.catalog.search import search_procedures
from motcua.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_load_demo_twice():
    call_command("load_demo", stdout=None)
    events = AuditEvent.objects.count()
    call_command("load_demo")
    assert AuditEvent.objects.count() == events
    assert Procedure.objects.count() >= 40
    for procedure in Procedure.objects.all():
        assert selectors.version_in_force(procedure) is not None
        assert Process.objects.filter(procedure=procedure).exists()
    birth = Procedure.objects.get(national_code="1.001193")
    assert AgencyProcedure.objects.filter(procedure=birth).count() == 8
    assert AgencyProcedure.objects.get(procedure__national_code="2.001417").agency.code == "000.00.03.H99"
    # The national database's codes (issue 13, problem 11): 1.004222 permanent, 1.004194 temporary residence.
    assert Procedure.objects.get(national_code="1.004222").name == "Đăng ký thường trú"
    assert Procedure.objects.get(national_code="1.004194").name == "Đăng ký tạm trú"
    assert search_procedures("lay vo")[0].name == "Đăng ký kết hôn"
    assert search_procedures("xin so do lan dau")[0].procedure.national_code == "1.012766"
