"""The demo catalog's papers come with blank forms an anonymous citizen downloads from the procedure page."""

import re
import subprocess

import pytest
from django.urls import reverse

from motcua.catalog import selectors
from motcua.catalog.models import Procedure, RequiredDocument
from motcua.core.models import AuditEvent
from motcua.demo import catalog, org

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_catalog():
    org.load()
    catalog.load()


def test_an_anonymous_citizen_downloads_the_blank_form_from_the_procedure_page(
    demo_catalog, client, tmp_path
):
    birth = selectors.version_in_force(Procedure.objects.get(national_code="1.001193"))
    declaration = birth.documents.get(form_name="Mẫu TP/HT-2020-KS.1")
    page = client.get(reverse("catalog:detail", args=["1.001193"]))
    assert page.status_code == 200
    link = reverse("catalog:form_template", args=[declaration.pk])
    assert re.search(rf'<a href="{link}">\s*Mẫu TP/HT-2020-KS.1\s*</a>', page.content.decode())

    download = client.get(link)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(b"".join(download.streaming_content))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    text = " ".join(text.decode().split())
    assert "Mẫu TP/HT-2020-KS.1" in text
    assert declaration.name.upper() in text
    assert "Đăng ký khai sinh" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text


def test_every_named_form_of_the_demo_has_its_file_written_once(demo_catalog):
    named = RequiredDocument.objects.exclude(form_name="").filter(version__decision__isnull=False)
    assert named.count() >= 30
    assert not named.filter(form_template="").exists()
    events = AuditEvent.objects.filter(action="document.form_template").count()
    assert events == named.count()
    catalog.load()  # a second load finds every decision issued and writes nothing
    assert AuditEvent.objects.filter(action="document.form_template").count() == events
