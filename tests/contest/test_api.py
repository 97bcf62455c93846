"""/api/v1/contest/…: public reads, the blind standings, the caller's own entries."""

from motcua.contest import services
from motcua.contest.workflows import Round
from tests.contest.conftest import enter, launched, marks

PASSWORD = "matkhau-thu-123"


def test_a_launched_contest_is_public_with_its_scheme(client, world):
    assert client.get("/api/v1/contest/contests/").json()["count"] == 0
    launched(world)
    listed = client.get("/api/v1/contest/contests/").json()
    assert [c["code"] for c in listed["results"]] == ["SK2026"]
    detail = client.get("/api/v1/contest/contests/SK2026/").json()
    assert [c["weight"] for c in detail["criteria"]] == ["40.00", "35.00", "25.00"]
    assert [p["kind"] for p in detail["phases"]] == ["launch", "entries", "preliminary", "final", "awards"]
    assert detail["audience"] == ["citizens", "organisations", "agencies", "communes"]
    assert client.get("/api/v1/contest/contests/KHONG-CO/").status_code == 404


def test_standings_are_blind_until_the_round_closes_and_only_for_members(client, world):
    launched(world)
    entries = [enter(world, world.citizens[i], f"Bài {i}") for i in range(2)]
    for entry in entries:
        services.check_entry(actor=world.secretary, entry=entry, eligible=True)
    services.close_entries(actor=world.secretary, contest=world.contest)
    for juror in world.jurors:
        services.score_entry(
            actor=juror, entry=entries[0], round=Round.PRELIMINARY, marks=marks(world, 9, 9, 5)
        )
        services.score_entry(
            actor=juror, entry=entries[1], round=Round.PRELIMINARY, marks=marks(world, 5, 5, 5)
        )
    url = "/api/v1/contest/contests/SK2026/standings/?round=preliminary"
    assert client.get(url).status_code in (401, 403)
    client.login(username=world.jurors[0].username, password=PASSWORD)
    blind = client.get(url)
    assert blind.status_code == 403
    assert "blind" in blind.json()["detail"]
    assert client.get("/api/v1/contest/contests/SK2026/standings/?round=x").status_code == 400
    services.close_preliminary(actor=world.secretary, contest=world.contest)
    rows = client.get(url).json()
    assert [(r["rank"], r["code"], r["score"]) for r in rows] == [
        (1, "SK2026-0001", "92.50"),
        (2, "SK2026-0002", "62.50"),
    ]
    client.login(username=world.officer.username, password=PASSWORD)
    assert client.get(url).status_code == 404


def test_an_entrant_reads_their_own_entries_only(client, world):
    launched(world)
    enter(world, world.citizens[0], "Của tôi")
    enter(world, world.citizens[1], "Của người khác")
    client.login(username=world.citizens[0].username, password=PASSWORD)
    rows = client.get("/api/v1/contest/entries/mine/").json()["results"]
    assert [(r["code"], r["status"]) for r in rows] == [("SK2026-0001", "submitted")]
    assert "phone" not in rows[0]
