"""Issue 17: a result sent by post needs the address to send it to, asked on the applicant page and
refused by the dossier service (online and at the counter) when it is missing."""

import re

import pytest
from django.core.exceptions import ValidationError

from motcua.portal.models import Draft
from tests.dossiers.factories import applicant, receive
from tests.portal.flow import applicant_data, start, step_url

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
