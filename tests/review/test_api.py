"""/api/v1/review/…: the same scope and figures as the pages; bad filters are 400 in core.errors' shape."""

from django.urls import reverse

from motcua.review import services

from .conftest import filled_review


def test_reviews_and_summary_for_the_office(world, client):
    review = filled_review(world)
    services.submit(actor=world.reviewer, review=review)
    client.force_login(world.officer)
    rows = client.get("/api/v1/review/reviews/", {"plan": world.plan.pk}).json()["results"]
    assert [r["id"] for r in rows] == [review.pk]
    detail = client.get(f"/api/v1/review/reviews/{review.pk}/").json()
    assert detail["annual_before"] == "573750000"
    assert detail["annual_after"] == "165000000"
    assert detail["saving_percent"] == "71.24"
    assert {p["part"] for p in detail["parts"]} == {"documents", "time_limit"}
    assert len(detail["actions"]) == 6
    summary = client.get("/api/v1/review/summary/", {"plan": world.plan.pk}).json()
    assert summary["total"]["procedures"] == 1
    assert summary["total"]["options"] == 1


def test_another_department_sees_nothing(world, client):
    review = filled_review(world)
    client.force_login(world.outsider)
    assert client.get("/api/v1/review/reviews/").json()["results"] == []
    response = client.get(f"/api/v1/review/reviews/{review.pk}/")
    assert response.status_code == 404
    assert "detail" in response.json()
    assert client.get("/api/v1/review/summary/", {"plan": world.plan.pk}).status_code == 404


def test_bad_filters_are_400(world, client):
    client.force_login(world.officer)
    for query in ({"plan": "abc"}, {"status": "nope"}, {"plan": "1\x00"}):
        response = client.get("/api/v1/review/reviews/", query)
        assert response.status_code == 400, query
        assert response.json()["code"]
    assert client.get("/api/v1/review/summary/", {"year": "12"}).status_code == 400


def test_anonymous_is_refused(db, client):
    assert client.get("/api/v1/review/reviews/").status_code in (401, 403)
    assert reverse("review-summary") == "/api/v1/review/summary/"
