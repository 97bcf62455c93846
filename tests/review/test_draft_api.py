"""/api/v1/review/drafts/…: the register, a draft with its procedures' figures, the report's counts; scoped
like the pages, bad filters are 400 in core.errors' shape."""

from .test_drafts import assess, register


def test_the_register_and_a_draft_for_the_office(world, client):
    draft = register(world)
    assess(world, draft)
    client.force_login(world.officer)
    rows = client.get("/api/v1/review/drafts/", {"status": "registered", "year": 2026}).json()["results"]
    assert [r["id"] for r in rows] == [draft.pk]
    assert rows[0]["opinion_due_on"] == "2026-03-03"
    assert rows[0]["time_limit_working_days"] == 10
    detail = client.get(f"/api/v1/review/drafts/{draft.pk}/").json()
    amended = detail["procedures"][0]
    assert amended["procedure"] == world.procedure.national_code
    assert (amended["annual_before"], amended["annual_after"]) == ("573750000", "165000000")
    assert detail["procedures"][1]["procedure"] is None
    counts = client.get("/api/v1/review/drafts/counts/", {"year": 2026}).json()
    assert counts["drafts"] == 1
    assert counts["procedures"] == 2


def test_another_department_sees_nothing_and_bad_filters_are_400(world, client):
    draft = register(world)
    client.force_login(world.outsider)
    assert client.get("/api/v1/review/drafts/").json()["results"] == []
    assert client.get(f"/api/v1/review/drafts/{draft.pk}/").status_code == 404
    assert client.get("/api/v1/review/drafts/counts/").json()["drafts"] == 0
    client.force_login(world.officer)
    for query in ({"status": "nope"}, {"year": "1"}, {"year": "x\x00"}):
        response = client.get("/api/v1/review/drafts/", query)
        assert response.status_code == 400, query
        assert response.json()["code"]
