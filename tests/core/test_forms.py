"""One way to style forms, and dates read day first in both languages (04/09/2026 is 4 September)."""

from datetime import date

import pytest
from django import forms
from django.test import Client
from django.urls import reverse
from django.utils import translation

from motcua.control.models import ControlParameter
from motcua.core.forms import BootstrapForm, VietnameseDateField
from tests.factories import StaffFactory


class Sample(BootstrapForm):
    title = forms.CharField(label="Tên", help_text="Tên đầy đủ")
    kind = forms.ChoiceField(label="Loại", choices=[("a", "A"), ("b", "B")])
    signed_on = forms.DateField(label="Ngày ký")
    born_on = VietnameseDateField(label="Ngày sinh", required=False)
    agree = forms.BooleanField(label="Đồng ý", required=False)
    pick = forms.MultipleChoiceField(label="Chọn", choices=[("x", "X")], widget=forms.CheckboxSelectMultiple)
    way = forms.ChoiceField(
        label="Cách nhận", choices=[("post", "Bưu chính"), ("desk", "Tại quầy")], widget=forms.RadioSelect
    )


def test_widgets_get_bootstrap_classes_and_vietnamese_dates():
    form = Sample()
    assert 'class="form-control"' in str(form["title"])
    assert 'class="form-select"' in str(form["kind"])
    assert 'class="form-check-input"' in str(form["agree"])
    assert "form-control" not in str(form["pick"])
    assert [option.data["attrs"]["class"] for option in form["way"]] == ["form-check-input"] * 2
    for name in ("signed_on", "born_on"):  # every date field, a plain DateField included (issue 17)
        assert 'type="text"' in str(form[name])
        assert 'placeholder="dd/mm/yyyy"' in str(form[name])
        assert 'inputmode="numeric"' in str(form[name])


def test_a_field_with_errors_is_marked_invalid_and_djangos_own_aria_attributes_stay():
    form = Sample({"title": "", "kind": "a", "signed_on": "2026-09-04", "pick": ["x"], "way": "post"})
    assert not form.is_valid()
    html = str(form["title"])
    assert 'class="form-control is-invalid"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_title_helptext id_title_error"' in html
    assert "is-invalid" not in str(form["kind"])
    assert form.cleaned_data["signed_on"] == date(2026, 9, 4)  # the date picker sends ISO


def test_the_field_template_groups_a_radio_list_in_a_fieldset_tied_to_its_help_and_error():
    from django.template.loader import render_to_string

    form = Sample({"title": "x", "kind": "a", "signed_on": "2026-09-04", "pick": ["x"]})
    assert not form.is_valid()
    html = render_to_string("forms/_field.html", {"field": form["way"], "inline": True})
    assert '<fieldset class="mb-3" aria-describedby="id_way_error">' in html
    assert '<legend class="form-label fs-6 mb-1">Cách nhận' in html
    assert html.count('<div class="form-check form-check-inline">') == 2
    assert 'class="form-check-input is-invalid"' in html
    assert '<div class="invalid-feedback d-block" id="id_way_error">' in html
    title = render_to_string("forms/_field.html", {"field": form["title"]})
    assert '<div class="form-text" id="id_title_helptext">Tên đầy đủ</div>' in title
    assert '<span class="visually-hidden">(bắt buộc)</span>' in title


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    ("typed", "day"), [("04/09/2026", date(2026, 9, 4)), ("24/12/2026", date(2026, 12, 24))]
)
def test_a_vietnamese_date_is_day_first_in_both_languages(language, typed, day):
    with translation.override(language):
        form = Sample(
            {"title": "x", "kind": "a", "signed_on": typed, "born_on": typed, "pick": ["x"], "way": "post"}
        )
        assert form.is_valid(), form.errors
        assert form.cleaned_data["signed_on"] == day  # the site's input formats
        assert form.cleaned_data["born_on"] == day


def test_a_month_first_date_is_refused_not_misread():
    form = Sample(
        {
            "title": "x",
            "kind": "a",
            "signed_on": "12/24/2026",
            "born_on": "12/24/2026",
            "pick": ["x"],
            "way": "post",
        }
    )
    assert not form.is_valid()
    assert "Enter a date as dd/mm/yyyy." in form.errors["born_on"][0]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_admin_reads_04_09_2026_as_4_september_and_accepts_24_12_2026(language):
    client = Client()
    client.force_login(StaffFactory(is_staff=True, is_superuser=True))
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    add = reverse("admin:control_controlparameter_add")
    response = client.post(
        add,
        {
            "key": "due_soon_working_days",
            "value": "3",
            "valid_from": "04/09/2026",
            "valid_to": "24/12/2026",
            "legal_basis": "Quyết định 1739/QĐ-UBND",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    row = ControlParameter.objects.get(legal_basis="Quyết định 1739/QĐ-UBND")
    assert (row.valid_from, row.valid_to) == (date(2026, 9, 4), date(2026, 12, 24))
    change = client.get(reverse("admin:control_controlparameter_change", args=[row.pk])).content.decode()
    assert 'value="04/09/2026"' in change  # shown back day first


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("04/09/2026", date(2026, 9, 4)),
        ("24/12/2026", date(2026, 12, 24)),
        ("4-9-2026", date(2026, 9, 4)),
        ("04.09.2026", date(2026, 9, 4)),
        ("2026-09-04", date(2026, 9, 4)),
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_date_field_reads_day_first_or_iso_in_every_language(typed, meant, language):
    with translation.override(language):
        data = {"title": "x", "kind": "a", "signed_on": typed, "born_on": typed, "pick": ["x"], "way": "post"}
        form = Sample(data)
        assert form.is_valid(), form.errors
    assert form.cleaned_data["signed_on"] == meant
    assert form.cleaned_data["born_on"] == meant


def test_a_date_is_shown_back_as_dd_mm_yyyy_and_a_wrong_one_is_explained():
    form = Sample(initial={"signed_on": date(2026, 9, 4)})
    assert 'value="04/09/2026"' in str(form["signed_on"])
    form = Sample({"title": "x", "kind": "a", "signed_on": "09/24/2026", "pick": ["x"], "way": "post"})
    assert not form.is_valid()
    assert form.errors["signed_on"] == [
        "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 04/09/2026. / Enter a date as dd/mm/yyyy."
    ]
    assert 'value="09/24/2026"' in str(form["signed_on"])  # what was typed stays, to be corrected


def test_a_model_forms_date_field_is_vietnamese_too(db):
    from motcua.core.forms import BootstrapModelForm
    from motcua.workdays.models import OfficeHours

    class HoursForm(BootstrapModelForm):
        class Meta:
            model = OfficeHours
            fields = ["periods", "valid_from"]

    form = HoursForm({"periods": "08:00-12:00", "valid_from": "01/07/2026"})
    assert 'placeholder="dd/mm/yyyy"' in str(form["valid_from"])
    assert form.is_valid(), form.errors
    assert form.cleaned_data["valid_from"] == date(2026, 7, 1)
