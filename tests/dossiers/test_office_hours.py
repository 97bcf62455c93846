"""Issue 17: one source for the centres' opening hours. The footer of every page, the home page's centre
cards and the contact page say the hours of the office-hours rows the deadline clock uses, and follow them
when an administrator changes them."""

from datetime import date

from django.urls import reverse

from motcua.dossiers import reference
from motcua.workdays.models import OfficeHours

NATIONAL = "08:00–12:00, 13:00–17:00"
SAID = "Thứ hai đến thứ sáu: {} (trừ ngày nghỉ lễ, Tết)"


def test_every_page_says_the_hours_the_clock_uses(client, province):
    centre = province.communes["Xã A"]["centre"]
    centre.office_hours_note = "Sáng thứ bảy tiếp nhận hồ sơ đất đai"
    centre.save()
    for url in ("/", reverse("portal:centres"), reverse("catalog:list")):
        page = client.get(url).content.decode()
        assert SAID.format(NATIONAL) in page, url
    home = client.get("/").content.decode()
    assert "Sáng thứ bảy tiếp nhận hồ sơ đất đai" in home  # the centre's own remark stays, beside the hours

    OfficeHours.objects.create(
        periods="07:30-11:30,13:30-17:00", valid_from=date(2020, 1, 1), legal_basis="Quyết định của UBND tỉnh"
    )
    reference.clear()  # as the row's save signal does in the process that saved it
    for url in ("/", reverse("portal:centres")):
        page = client.get(url).content.decode()
        assert SAID.format("07:30–11:30, 13:30–17:00") in page, url
        assert NATIONAL not in page


def test_the_hours_in_english(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert "Monday to Friday: 08:00–12:00, 13:00–17:00 (except public holidays and Tết)" in page
