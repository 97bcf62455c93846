"""Issue 17: a result sent by post needs the address to send it to, asked on the applicant page and
refused by the dossier service (online and at the counter) when it is missing."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from motcua.portal.models import Draft
from tests.dossiers.factories import applicant, receive
from tests.portal.factories import PDF
from tests.portal.flow import applicant_data, documents, start, step_url

MESSAGE = "Nhập địa chỉ nhận kết quả qua bưu chính. / Enter the address the result is to be posted to."


def test_the_applicant_page_asks_for_the_postal_address(logged_in, desk):
    draft = start(logged_in, desk.procedure)
    page = logged_in.post(step_url(draft, 1), applicant_data(desk, applicant_address="  "))
    assert page.status_code == 200
    html = page.content.decode()
    assert MESSAGE in html
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*id="id_applicant_address"', html)
    assert Draft.objects.get(pk=draft.pk).step == 1
    # Without the post, no address is needed; with one, the citizen goes on.
    no_post = applicant_data(desk, applicant_address="", result_by_post="")
    assert logged_in.post(step_url(draft, 1), no_post).status_code == 302
    assert logged_in.post(step_url(draft, 1), applicant_data(desk)).status_code == 302


@pytest.mark.parametrize("address", ["", "   "])
def test_the_counter_cannot_record_a_postal_return_without_an_address(desk, address):
    with pytest.raises(ValidationError) as refused:
        receive(desk, result_by_post=True, applicant=applicant(commune=desk.commune(), address=address))
    assert refused.value.message_dict == {"applicant_address": [MESSAGE]}
    assert receive(desk, result_by_post=False, applicant=applicant(commune=desk.commune(), address="")).pk


def test_the_form_step_offers_the_blank_forms_to_download(logged_in, desk, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    first, second = documents(desk)
    # A published version is not edited through the model; the catalog's form template set directly.
    name = default_storage.save("catalog/forms/to-khai.pdf", ContentFile(PDF))
    type(first).objects.filter(pk=first.pk).update(form_name="Mẫu TP/HT-2020-KS.1", form_template=name)
    draft = start(logged_in, desk.procedure)
    assert logged_in.post(step_url(draft, 1), applicant_data(desk)).status_code == 302
    html = logged_in.get(step_url(draft, 2)).content.decode()
    link = reverse("catalog:form_template", args=[first.pk])
    assert f'<li><a href="{link}">Mẫu TP/HT-2020-KS.1</a></li>' in html
    assert reverse("catalog:form_template", args=[second.pk]) not in html  # no blank form for it
    assert logged_in.get(link).status_code == 200
