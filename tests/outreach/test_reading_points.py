"""Reading points: the communes record their points and the material delivered with a photo; the seed's
target "100% of commune post-office reading points have reform material" is computed from those rows."""

from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from motcua.control.computations import get as computation
from motcua.org.models import Role
from motcua.outreach import reading_points
from motcua.outreach.models import Distribution

RATE = "outreach.reading_points_with_material_rate"


@pytest.fixture
def points(province, make_staff):
    a, b = province.communes["Xã A"]["committee"], province.communes["Xã B"]["committee"]
    staff_a = make_staff(a, Role.SPECIALIST, username="cv-a")
    return {
        "a": a,
        "b": b,
        "staff_a": staff_a,
        "post_a": reading_points.add_point(actor=staff_a, agency=a, kind="post_office", name="BĐVHX A"),
        "library_a": reading_points.add_point(actor=staff_a, agency=a, kind="library", name="Tủ sách A"),
        "post_b": reading_points.add_point(actor=None, agency=b, kind="post_office", name="BĐVHX B"),
    }


def deliver(point, day, actor=None, **extra):
    return reading_points.record_distribution(
        actor=actor,
        point=point,
        material="leaflet",
        title="Tờ gấp NĐ 118",
        quantity=50,
        delivered_on=day,
        **extra,
    )


def rate(groups, start=date(2026, 1, 1), end=date(2026, 12, 31), **params):
    return computation(RATE).compute(groups, start, end, params)


def test_the_target_counts_post_office_points_that_received_material(points):
    deliver(points["post_a"], date(2026, 3, 2))
    deliver(points["library_a"], date(2026, 3, 2))  # a library does not count for the post-office target
    both = [frozenset({points["a"].pk}), frozenset({points["b"].pk})]
    assert rate(both) == Decimal("50.00")
    assert rate([frozenset({points["a"].pk})]) == Decimal("100.00")
    assert rate([frozenset({points["b"].pk})]) == Decimal("0")
    # Outside the period it does not count; other kinds count when the target names them.
    assert rate(both, start=date(2026, 4, 1)) == Decimal("0")
    assert rate([frozenset({points["a"].pk})], point_kinds=["library"]) == Decimal("100.00")
    deliver(points["post_b"], date(2026, 5, 1))
    assert rate(both) == Decimal("100.00")


def test_who_records_and_what_is_refused(points, make_staff):
    staff_b = make_staff(points["b"], Role.SPECIALIST, username="cv-b")
    with pytest.raises(PermissionDenied):
        deliver(points["post_a"], date(2026, 3, 2), actor=staff_b)
    with pytest.raises(ValidationError):
        deliver(points["post_a"], timezone.localdate() + timedelta(days=1), actor=points["staff_a"])
    fake = SimpleUploadedFile("anh.jpg", b"MZ\x90\x00 not a photo", content_type="image/jpeg")
    with pytest.raises(ValidationError):
        deliver(points["post_a"], date(2026, 3, 2), actor=points["staff_a"], proof=fake)
    assert Distribution.objects.count() == 0


def test_the_pages_record_a_delivery_with_its_photo(client, points, settings, tmp_path):
    settings.MOTCUA_PRIVATE_ROOT = str(tmp_path)
    client.force_login(points["staff_a"])
    listing = client.get(reverse("outreach:reading_points")).content.decode()
    assert "BĐVHX A" in listing
    assert "BĐVHX B" not in listing
    assert client.get(reverse("outreach:reading_point", args=[points["post_b"].pk])).status_code == 404
    out = BytesIO()
    Image.new("RGB", (40, 30), "blue").save(out, "JPEG")
    photo = SimpleUploadedFile("anh.jpg", out.getvalue(), content_type="image/jpeg")
    url = reverse("outreach:reading_point", args=[points["post_a"].pk])
    bad = client.post(
        url, {"material": "leaflet", "title": "Tờ gấp", "quantity": 0, "delivered_on": "02/03/2026"}
    )
    assert bad.status_code == 400  # the form again with its message
    done = client.post(
        url,
        {
            "material": "poster",
            "title": "Áp phích",
            "quantity": 5,
            "delivered_on": "02/03/2026",
            "proof": photo,
        },
    )
    assert done.status_code == 302
    row = Distribution.objects.get()
    assert row.delivered_on == date(2026, 3, 2)
    served = client.get(reverse("core:download", args=["outreach-distribution", row.pk]))
    assert served["Content-Type"] == "image/jpeg"


def test_the_api_reads_the_points_of_ones_scope_with_their_deliveries(client, points):
    deliver(points["post_a"], date(2026, 3, 2))
    deliver(points["post_b"], date(2026, 4, 2))
    assert client.get("/api/v1/outreach/reading-points/").status_code in (401, 403)
    client.force_login(points["staff_a"])
    listing = client.get("/api/v1/outreach/reading-points/").json()
    rows = listing["results"] if isinstance(listing, dict) else listing
    assert {r["name"] for r in rows} == {"BĐVHX A", "Tủ sách A"}  # never commune B's
    post = next(r for r in rows if r["name"] == "BĐVHX A")
    assert (post["kind"], post["last_delivery"], post["agency"]) == (
        "post_office",
        "2026-03-02",
        points["a"].code,
    )
    assert next(r for r in rows if r["name"] == "Tủ sách A")["last_delivery"] is None
    only = client.get("/api/v1/outreach/reading-points/?kind=library").json()
    assert [r["name"] for r in (only["results"] if isinstance(only, dict) else only)] == ["Tủ sách A"]
    one = client.get(f"/api/v1/outreach/reading-points/{points['post_a'].pk}/").json()
    assert one["deliveries"] == [
        {
            "id": Distribution.objects.get(point=points["post_a"]).pk,
            "material": "leaflet",
            "title": "Tờ gấp NĐ 118",
            "quantity": 50,
            "delivered_on": "2026-03-02",
            "has_proof": False,
        }
    ]
    assert client.get(f"/api/v1/outreach/reading-points/{points['post_b'].pk}/").status_code == 404
    assert client.get("/api/v1/outreach/reading-points/?kind=%00").status_code == 400  # the boundary
