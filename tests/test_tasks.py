from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

pytestmark = pytest.mark.asyncio


async def create(c: httpx.AsyncClient, **fields: object) -> dict:
    r = await c.post("/api/tasks", json=fields)
    assert r.status_code == 201, r.text
    return r.json()


async def titles(c: httpx.AsyncClient, params: str = "") -> list[str]:
    r = await c.get(f"/api/tasks?{params}")
    assert r.status_code == 200, r.text
    return [t["title"] for t in r.json()["items"]]


def _parse(ts: str) -> datetime:
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


class TestCrud:
    async def test_create_returns_the_full_task(self, alice: httpx.AsyncClient):
        t = await create(
            alice,
            title="  Buy milk  ",
            description="2 litres",
            priority="high",
            due_date="2030-01-15",
            tags=["Shopping", "#home", "shopping"],
        )
        assert t["title"] == "Buy milk"
        assert t["description"] == "2 litres"
        assert t["priority"] == "high"
        assert t["due_date"] == "2030-01-15"
        assert t["tags"] == ["shopping", "home"]
        assert t["completed"] is False and t["completed_at"] is None
        created = _parse(t["created_at"])
        assert created.utcoffset() == timedelta(0)
        assert abs(datetime.now(UTC) - created) < timedelta(minutes=1)
        assert t["updated_at"] == t["created_at"]

    async def test_defaults(self, alice: httpx.AsyncClient):
        t = await create(alice, title="Plain")
        assert (t["priority"], t["due_date"], t["tags"], t["description"]) == (
            "medium",
            None,
            [],
            None,
        )

    async def test_get_update_delete(self, alice: httpx.AsyncClient):
        t = await create(alice, title="Draft", tags=["a"])
        got = await alice.get(f"/api/tasks/{t['id']}")
        assert got.status_code == 200 and got.json() == t

        r = await alice.patch(
            f"/api/tasks/{t['id']}",
            json={
                "title": "Final",
                "priority": "low",
                "tags": ["b", "c"],
                "due_date": "2031-02-03",
            },
        )
        assert r.status_code == 200
        u = r.json()
        assert (u["title"], u["priority"], u["tags"], u["due_date"]) == (
            "Final",
            "low",
            ["b", "c"],
            "2031-02-03",
        )
        assert u["description"] is None  # untouched fields stay as they were
        assert _parse(u["updated_at"]) >= _parse(t["updated_at"])
        assert (await alice.get(f"/api/tasks/{t['id']}")).json() == u

        assert (await alice.delete(f"/api/tasks/{t['id']}")).status_code == 204
        assert (await alice.get(f"/api/tasks/{t['id']}")).status_code == 404
        assert (await alice.delete(f"/api/tasks/{t['id']}")).status_code == 404

    async def test_complete_and_reopen(self, alice: httpx.AsyncClient):
        t = await create(alice, title="Finish")
        done = (await alice.patch(f"/api/tasks/{t['id']}", json={"completed": True})).json()
        assert done["completed"] is True
        assert done["completed_at"] is not None
        again = (await alice.patch(f"/api/tasks/{t['id']}", json={"completed": True})).json()
        assert again["completed_at"] == done["completed_at"]  # completing twice keeps the time
        reopened = (await alice.patch(f"/api/tasks/{t['id']}", json={"completed": False})).json()
        assert reopened["completed"] is False and reopened["completed_at"] is None

    async def test_clearing_optional_fields_with_null(self, alice: httpx.AsyncClient):
        t = await create(alice, title="X", description="d", due_date="2030-01-01")
        r = await alice.patch(f"/api/tasks/{t['id']}", json={"description": None, "due_date": None})
        assert (r.json()["description"], r.json()["due_date"]) == (None, None)

    async def test_unknown_ids_are_404(self, alice: httpx.AsyncClient):
        for path in ("/api/tasks/999999", "/api/tasks/0", "/api/tasks/99999999999999"):
            assert (await alice.get(path)).status_code == 404
            assert (await alice.patch(path, json={"title": "x"})).status_code == 404
            assert (await alice.delete(path)).status_code == 404
        assert (await alice.get("/api/tasks/abc")).status_code == 422

    async def test_requires_auth(self, client: httpx.AsyncClient):
        assert (await client.get("/api/tasks")).status_code == 401
        assert (await client.post("/api/tasks", json={"title": "x"})).status_code == 401
        assert (await client.get("/api/tasks/1")).status_code == 401


class TestValidation:
    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"title": ""}, "title"),
            ({"title": "   "}, "title"),
            ({"title": "x" * 201}, "title"),
            ({}, "title"),
            ({"title": "a\x00b"}, "title"),
            ({"title": "two\nlines"}, "title"),
            ({"title": "x", "description": "d" * 2001}, "description"),
            ({"title": "x", "priority": "urgent"}, "priority"),
            ({"title": "x", "due_date": "tomorrow"}, "due_date"),
            ({"title": "x", "due_date": "2030-02-30"}, "due_date"),
            ({"title": "x", "tags": [str(i) for i in range(11)]}, "tags"),
            ({"title": "x", "tags": ["t" * 33]}, "tags"),
            ({"title": "x", "tags": [""]}, "tags"),
            ({"title": "x", "tags": "work"}, "tags"),
            ({"title": "x", "owner_id": 2}, "owner_id"),
        ],
    )
    async def test_create_rejects(self, alice: httpx.AsyncClient, body: dict, field: str):
        r = await alice.post("/api/tasks", json=body)
        assert r.status_code == 422, r.text
        assert r.json()["detail"].startswith(field), r.json()
        assert (await alice.get("/api/tasks")).json()["items"] == []  # nothing half-written

    async def test_limits_are_inclusive(self, alice: httpx.AsyncClient):
        t = await create(
            alice,
            title="x" * 200,
            description="d" * 2000,
            tags=[f"{i}" + "t" * 31 for i in range(10)],
        )
        assert len(t["title"]) == 200 and len(t["tags"]) == 10
        assert await create(alice, title="Ünïcødé ✓ 任务 🚀")

    async def test_duplicate_tags_count_once(self, alice: httpx.AsyncClient):
        t = await create(alice, title="x", tags=["A"] * 11 + ["b"])
        assert t["tags"] == ["a", "b"]

    @pytest.mark.parametrize(
        "body",
        [
            {"title": None},
            {"title": ""},
            {"priority": None},
            {"tags": None},
            {"completed": None},
            {"completed": "maybe"},
            {"id": 5},
        ],
    )
    async def test_update_rejects(self, alice: httpx.AsyncClient, body: dict):
        t = await create(alice, title="Keep")
        r = await alice.patch(f"/api/tasks/{t['id']}", json=body)
        assert r.status_code == 422, r.text
        assert (await alice.get(f"/api/tasks/{t['id']}")).json() == t

    @pytest.mark.parametrize(
        "params",
        [
            "status=done",
            "priority=urgent",
            "due=someday",
            "sort=title",
            "order=up",
            "limit=0",
            "limit=101",
            "limit=x",
        ],
    )
    async def test_list_rejects_bad_parameters(self, alice: httpx.AsyncClient, params: str):
        r = await alice.get(f"/api/tasks?{params}")
        assert r.status_code == 422
        assert isinstance(r.json()["detail"], str)

    @pytest.mark.parametrize("cursor", ["garbage", "eyJzIjoiY3JlYXRlZCJ9", "e30"])
    async def test_bad_cursor_is_400(self, alice: httpx.AsyncClient, cursor: str):
        r = await alice.get(f"/api/tasks?cursor={cursor}")
        assert r.status_code == 400
        assert "cursor" in r.json()["detail"]

    async def test_cursor_from_another_sort_is_400(self, alice: httpx.AsyncClient):
        for i in range(3):
            await create(alice, title=f"t{i}")
        cursor = (await alice.get("/api/tasks?limit=1")).json()["next_cursor"]
        r = await alice.get(f"/api/tasks?limit=1&sort=due&cursor={cursor}")
        assert r.status_code == 400


class TestFilters:
    @pytest.fixture
    async def seeded(self, alice: httpx.AsyncClient) -> httpx.AsyncClient:
        today = datetime.now(UTC).date()
        await create(
            alice,
            title="Pay taxes",
            priority="high",
            due_date=str(today - timedelta(1)),
            tags=["money"],
        )
        await create(alice, title="Call mom", due_date=str(today), tags=["family"])
        await create(
            alice,
            title="Book dentist",
            priority="low",
            due_date=str(today + timedelta(6)),
            description="ask about 100% coverage",
        )
        await create(
            alice, title="Plan trip", due_date=str(today + timedelta(7)), tags=["family", "fun"]
        )
        done = await create(
            alice,
            title="Old taxes",
            priority="high",
            due_date=str(today - timedelta(3)),
            tags=["money"],
        )
        await alice.patch(f"/api/tasks/{done['id']}", json={"completed": True})
        await create(alice, title="Someday_maybe")
        return alice

    async def test_status(self, seeded: httpx.AsyncClient):
        assert await titles(seeded, "status=completed") == ["Old taxes"]
        assert "Old taxes" not in await titles(seeded, "status=pending")
        assert len(await titles(seeded, "status=pending")) == 5
        assert len(await titles(seeded)) == 6

    async def test_priority(self, seeded: httpx.AsyncClient):
        assert set(await titles(seeded, "priority=high")) == {"Pay taxes", "Old taxes"}
        assert await titles(seeded, "priority=low") == ["Book dentist"]

    async def test_tag(self, seeded: httpx.AsyncClient):
        assert set(await titles(seeded, "tag=family")) == {"Call mom", "Plan trip"}
        assert set(await titles(seeded, "tag=%23Money")) == {"Pay taxes", "Old taxes"}
        assert await titles(seeded, "tag=nothing") == []

    async def test_text_search_is_case_insensitive_and_literal(self, seeded: httpx.AsyncClient):
        assert set(await titles(seeded, "q=TAXES")) == {"Pay taxes", "Old taxes"}
        assert await titles(seeded, "q=coverage") == ["Book dentist"]  # description too
        assert await titles(seeded, "q=100%25") == ["Book dentist"]  # % is not a wildcard
        assert await titles(seeded, "q=_") == ["Someday_maybe"]  # nor is _

    async def test_due(self, seeded: httpx.AsyncClient):
        assert await titles(seeded, "due=overdue") == ["Pay taxes"]  # completed ones are not
        assert await titles(seeded, "due=today") == ["Call mom"]
        assert set(await titles(seeded, "due=week")) == {"Call mom", "Book dentist"}

    async def test_filters_combine(self, seeded: httpx.AsyncClient):
        assert await titles(seeded, "tag=money&status=pending&priority=high") == ["Pay taxes"]
        assert await titles(seeded, "tag=family&due=today&q=mom") == ["Call mom"]

    async def test_due_today_follows_the_time_zone(self, alice: httpx.AsyncClient):
        kiritimati = datetime.now(ZoneInfo("Pacific/Kiritimati")).date()  # UTC+14
        pago = datetime.now(ZoneInfo("Pacific/Pago_Pago")).date()  # UTC-11
        assert kiritimati != pago
        await create(alice, title="East", due_date=str(kiritimati))
        await create(alice, title="West", due_date=str(pago))
        east = await alice.get("/api/tasks?due=today", headers={"X-Timezone": "Pacific/Kiritimati"})
        west = await alice.get("/api/tasks?due=today", headers={"X-Timezone": "Pacific/Pago_Pago"})
        assert [t["title"] for t in east.json()["items"]] == ["East"]
        assert [t["title"] for t in west.json()["items"]] == ["West"]
        # An unknown zone falls back instead of failing.
        bogus = await alice.get("/api/tasks?due=today", headers={"X-Timezone": "Mars/Olympus"})
        assert bogus.status_code == 200


class TestSorting:
    async def test_sorts(self, alice: httpx.AsyncClient):
        await create(alice, title="A", priority="low", due_date="2030-03-01")
        await create(alice, title="B", priority="high")
        await create(alice, title="C", priority="medium", due_date="2030-01-01")
        await create(alice, title="D", priority="high", due_date="2030-02-01")
        assert await titles(alice) == ["D", "C", "B", "A"]  # newest first by default
        assert await titles(alice, "sort=created&order=asc") == ["A", "B", "C", "D"]
        assert await titles(alice, "sort=due") == ["C", "D", "A", "B"]  # no date last
        assert await titles(alice, "sort=due&order=desc") == ["A", "D", "C", "B"]
        assert await titles(alice, "sort=priority") == ["D", "B", "C", "A"]
        assert await titles(alice, "sort=priority&order=asc") == ["A", "C", "B", "D"]


class TestPagination:
    @pytest.mark.parametrize(
        "params",
        [
            "sort=created",
            "sort=created&order=asc",
            "sort=due",
            "sort=due&order=desc",
            "sort=priority",
            "sort=priority&order=asc",
        ],
    )
    async def test_every_task_exactly_once_while_tasks_are_added(
        self, alice: httpx.AsyncClient, params: str
    ):
        priorities = ["low", "medium", "high"]
        expected = set()
        for i in range(17):
            due = None if i % 4 == 0 else str(date(2030, 1, 1) + timedelta(days=i % 5))
            t = await create(alice, title=f"t{i}", priority=priorities[i % 3], due_date=due)
            expected.add(t["id"])

        seen: list[int] = []
        cursor = None
        pages = 0
        while True:
            url = f"/api/tasks?{params}&limit=4" + (f"&cursor={cursor}" if cursor else "")
            body = (await alice.get(url)).json()
            assert len(body["items"]) <= 4
            seen += [t["id"] for t in body["items"]]
            pages += 1
            # Someone adds a task between pages; it must not disturb the walk.
            await create(alice, title=f"added{pages}", due_date="2030-01-03", priority="medium")
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert len(seen) == len(set(seen)), "a task was returned twice"
        assert expected <= set(seen), "a task was skipped"
        assert pages == 5 or params.endswith("asc") or "due" in params

    async def test_last_page_has_no_cursor(self, alice: httpx.AsyncClient):
        for i in range(3):
            await create(alice, title=f"t{i}")
        body = (await alice.get("/api/tasks?limit=3")).json()
        assert len(body["items"]) == 3 and body["next_cursor"] is None
        first = (await alice.get("/api/tasks?limit=2")).json()
        assert len(first["items"]) == 2 and first["next_cursor"]


class TestIsolation:
    """Another user's task is indistinguishable from a missing one, on every route."""

    async def test_other_users_tasks_are_invisible_and_untouchable(
        self, alice: httpx.AsyncClient, bob: httpx.AsyncClient
    ):
        mine = await create(alice, title="Alice's secret", tags=["private"])
        path = f"/api/tasks/{mine['id']}"
        missing = "/api/tasks/987654"

        for method, kwargs in [
            ("GET", {}),
            ("PATCH", {"json": {"title": "pwned", "completed": True}}),
            ("DELETE", {}),
        ]:
            theirs = await bob.request(method, path, **kwargs)
            nothing = await bob.request(method, missing, **kwargs)
            assert theirs.status_code == nothing.status_code == 404
            assert theirs.json()["detail"].replace(str(mine["id"]), "N") == nothing.json()[
                "detail"
            ].replace("987654", "N")

        for params in ("", "tag=private", "q=secret", "status=all"):
            assert await titles(bob, params) == []
        assert (await alice.get(path)).json() == mine

    async def test_owner_cannot_be_set_through_the_api(
        self, alice: httpx.AsyncClient, bob: httpx.AsyncClient
    ):
        r = await bob.post("/api/tasks", json={"title": "x", "user_id": 1})
        assert r.status_code == 422
        await create(bob, title="Bob's")
        assert await titles(alice) == []
