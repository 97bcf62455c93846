"""The back-office upload page: dry run first, then the import, the report download, refusals as messages."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.catalog.models import Procedure
from motcua.core.models import AuditEvent
from motcua.org.models import Role
from tests.catalog.factories import SectorFactory
from tests.catalog.test_import_layouts import HEADER, ROWS
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

URL = reverse("catalog:import")


def csv_upload(rows=ROWS, name="tthc.csv"):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode("utf-8"), content_type="text/csv")


def text(response) -> str:
    """The page as the browser gets it: an import's page is streamed (progress, then the report)."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.fixture
def officer(client, make_staff):
    SectorFactory(code="G09-TP01", name="Hộ tịch")
    user = make_staff(AgencyFactory(), Role.CONTROL_OFFICER)
    client.force_login(user)
    return user


def test_a_dry_run_shows_each_row_and_writes_nothing_then_the_import_writes(client, officer):
    page = client.post(URL, {"file": csv_upload(), "dry_run": "on"})
    assert page.status_code == 200
    shown = text(page)
    assert "Kết quả chạy thử" in shown
    assert "1.001193" in shown
    assert "Tạo mới / created" in shown
    # Progress while it runs: a line per procedure done (two here), inside the live status region.
    assert "Đã xử lý 1/2 thủ tục" in shown
    assert shown.index("Đã xử lý 2/2 thủ tục") < shown.index("Kết quả chạy thử")
    assert not Procedure.objects.exists()
    report = client.get(reverse("catalog:import_report"))
    assert report.status_code == 200
    assert report["Content-Disposition"].startswith("attachment")
    assert "C08_XPHCDB" in report.content.decode("utf-8-sig")

    done = client.post(URL, {"file": csv_upload()})
    assert "Đã nhập" in text(done)
    assert Procedure.objects.count() == 2
    assert AuditEvent.objects.filter(action="procedure.create", actor=officer).count() == 2


def test_a_broken_or_foreign_file_is_a_message_on_the_form_not_an_error_page(client, officer):
    broken = client.post(URL, {"file": SimpleUploadedFile("a.xlsx", b"not a workbook")})
    assert broken.status_code == 200
    assert "Unreadable Excel file" in text(broken)
    wrong = client.post(URL, {"file": SimpleUploadedFile("a.exe", b"MZ")})
    assert "Only .xlsx, .json or .csv files" in text(wrong)
    no_header = client.post(URL, {"file": SimpleUploadedFile("a.csv", b"a,b\n1,2\n")})
    assert "Tên thủ tục" in text(no_header)
    assert not Procedure.objects.exists()


def test_only_the_control_officer_may_import(client, make_staff):
    assert client.get(URL).status_code == 302  # anonymous: to the login page
    client.force_login(make_staff(AgencyFactory(), Role.ONE_STOP_OFFICER))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"file": csv_upload()}).status_code == 403
    assert client.get(reverse("catalog:import_report")).status_code == 403
