"""Due times, repeats and quick add through the API (both databases)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

pytestmark = pytest.mark.asyncio


async def create(c: httpx.AsyncClient, **fields: object) -> dict:
    r = await c.post("/api/tasks", json=fields)
    assert r.status_code == 201, r.text
    return r.json()


async def patch(c: httpx.AsyncClient, task: dict, **fields: object) -> dict:
    r = await c.patch(f"/api/tasks/{task['id']}", json=fields)
    assert r.status_code == 200, r.text
    return r.json()


def _zone_away_from_midnight() -> tuple[str, datetime]:
    """A zone whose wall clock is not within a minute of midnight, so "00:00 today has passed"
    and "23:59 today has not" both hold while the test runs."""
    for name in ("UTC", "Asia/Tokyo", "America/New_York"):
        now = datetime.now(ZoneInfo(name))
        if (0, 2) <= (now.hour, now.minute) <= (23, 57):
            return name, now
    raise AssertionError("unreachable: the zones are hours apart")


class TestFields:
    async def test_time_and_repeat_round_trip(self, alice: httpx.AsyncClient):
        t = await create(
            alice,
            title="Swim",
            due_date="2030-01-07",
            due_time="7:05",
            recurrence="freq=weekly;byday=MO,WE;interval=1",
        )
        assert t["due_time"] == "07:05"
        assert t["recurrence"] == "FREQ=WEEKLY;BYDAY=MO,WE"  # one spelling
        assert t["recurrence_text"] == "every Monday and Wednesday"
        assert t["last_completed_at"] is None
        got = (await alice.get(f"/api/tasks/{t['id']}")).json()
        assert (got["due_time"], got["recurrence"]) == ("07:05", "FREQ=WEEKLY;BYDAY=MO,WE")

    async def test_plain_task_has_no_time_or_repeat(self, alice: httpx.AsyncClient):
        t = await create(alice, title="Plain")
        assert (t["due_time"], t["recurrence"], t["recurrence_text"]) == (None, None, None)

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"due_time": "09:00"}, "due_time needs a due_date"),
            ({"recurrence": "FREQ=DAILY"}, "recurrence needs a due_date"),
            ({"due_date": "2030-01-01", "due_time": "25:00"}, "due_time must be a time of day"),
            ({"due_date": "2030-01-01", "due_time": "9am"}, "due_time must be a time of day"),
            ({"due_date": "2030-02-30"}, "due_date must be a real date written YYYY-MM-DD"),
            ({"due_date": "01/02/2030"}, "due_date must be a real date written YYYY-MM-DD"),
            (
                {"due_date": "2030-01-01", "recurrence": "FREQ=HOURLY"},
                "unsupported repeat frequency HOURLY",
            ),
            (
                {"due_date": "2030-01-01", "recurrence": "FREQ=DAILY;BYHOUR=9"},
                "unsupported repeat rule part BYHOUR",
            ),
            (
                {"due_date": "2030-01-01", "recurrence": "FREQ=WEEKLY;BYDAY=XX"},
                "repeat rule is not valid",
            ),
            (
                {"due_date": "2030-01-01", "recurrence": "FREQ=DAILY;COUNT=2;UNTIL=20300105"},
                "COUNT or UNTIL, not both",
            ),
            (
                {"due_date": "2030-01-01", "recurrence": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"},
                "never happens",
            ),
            (
                {"due_date": "2030-01-01", "recurrence": "FREQ=DAILY;INTERVAL=0"},
                "INTERVAL must be a whole number",
            ),
            ({"title": "x" * 201}, "title must be at most 200 characters"),
        ],
    )
    async def test_each_bad_input_has_its_own_message(
        self, alice: httpx.AsyncClient, fields: dict, message: str
    ):
        r = await alice.post("/api/tasks", json={"title": "T", **fields})
        assert r.status_code == 422, r.text
        assert message in r.json()["detail"]

    async def test_patch_checks_the_stored_day(self, alice: httpx.AsyncClient):
        undated = await create(alice, title="Undated")
        r = await alice.patch(f"/api/tasks/{undated['id']}", json={"due_time": "10:00"})
        assert r.status_code == 422 and "due_time needs a due_date" in r.json()["detail"]
        dated = await create(alice, title="Dated", due_date="2030-01-01")
        assert (await patch(alice, dated, due_time="10:00"))["due_time"] == "10:00"

    async def test_clearing_the_day_clears_its_time_and_repeat(self, alice: httpx.AsyncClient):
        t = await create(
            alice, title="Gym", due_date="2030-01-01", due_time="18:00", recurrence="FREQ=DAILY"
        )
        cleared = await patch(alice, t, due_date=None)
        assert (cleared["due_date"], cleared["due_time"], cleared["recurrence"]) == (None,) * 3
        r = await alice.patch(f"/api/tasks/{t['id']}", json={"due_time": "09:00"})
        assert r.status_code == 422

    async def test_clearing_only_the_time_or_the_repeat(self, alice: httpx.AsyncClient):
        t = await create(
            alice, title="Gym", due_date="2030-01-01", due_time="18:00", recurrence="FREQ=DAILY"
        )
        t = await patch(alice, t, due_time=None)
        assert (t["due_date"], t["due_time"], t["recurrence"]) == ("2030-01-01", None, "FREQ=DAILY")
        t = await patch(alice, t, recurrence=None)
        assert (t["recurrence"], t["recurrence_text"]) == (None, None)


class TestCompletingARepeat:
    async def test_moves_to_the_next_day_and_stays_open(self, alice: httpx.AsyncClient):
        t = await create(
            alice,
            title="Bins",
            due_date="2030-01-07",  # a Monday
            due_time="07:00",
            recurrence="FREQ=WEEKLY;BYDAY=MO,TH",
        )
        done = await patch(alice, t, completed=True)
        assert done["completed"] is False and done["completed_at"] is None
        assert (done["due_date"], done["due_time"]) == ("2030-01-10", "07:00")
        assert done["last_completed_at"] is not None
        again = await patch(alice, done, completed=True)
        assert again["due_date"] == "2030-01-14"

    async def test_keeps_its_wall_time_across_dst(self, alice: httpx.AsyncClient):
        berlin = {"X-Timezone": "Europe/Berlin"}  # clocks go forward on 2030-03-31
        t = await create(
            alice, title="Walk", due_date="2030-03-30", due_time="09:00", recurrence="FREQ=DAILY"
        )
        r = await alice.patch(f"/api/tasks/{t['id']}", json={"completed": True}, headers=berlin)
        assert (r.json()["due_date"], r.json()["due_time"]) == ("2030-03-31", "09:00")

    async def test_count_runs_out_then_it_completes(self, alice: httpx.AsyncClient):
        t = await create(
            alice, title="Pills", due_date="2030-01-01", recurrence="FREQ=DAILY;COUNT=2"
        )
        assert t["recurrence_text"] == "every day, 2 times left"
        first = await patch(alice, t, completed=True)
        assert (first["completed"], first["due_date"]) == (False, "2030-01-02")
        assert first["recurrence"] == "FREQ=DAILY;COUNT=1"
        last = await patch(alice, first, completed=True)
        assert last["completed"] is True and last["due_date"] == "2030-01-02"
        assert last["completed_at"] is not None and last["last_completed_at"] is not None

    async def test_until_in_the_past_completes(self, alice: httpx.AsyncClient):
        t = await create(
            alice, title="Old", due_date="2030-01-01", recurrence="FREQ=DAILY;UNTIL=20291231"
        )
        done = await patch(alice, t, completed=True)
        assert done["completed"] is True and done["due_date"] == "2030-01-01"

    async def test_reopen_and_plain_tasks_unchanged(self, alice: httpx.AsyncClient):
        plain = await create(alice, title="Plain", due_date="2030-01-01")
        done = await patch(alice, plain, completed=True)
        assert done["completed"] is True and done["last_completed_at"] is not None
        reopened = await patch(alice, done, completed=False)
        assert reopened["completed"] is False and reopened["completed_at"] is None

    async def test_someone_elses_repeat_is_not_found(
        self, alice: httpx.AsyncClient, bob: httpx.AsyncClient
    ):
        t = await create(alice, title="Mine", due_date="2030-01-01", recurrence="FREQ=DAILY")
        r = await bob.patch(f"/api/tasks/{t['id']}", json={"completed": True})
        assert r.status_code == 404
        assert (await alice.get(f"/api/tasks/{t['id']}")).json()["due_date"] == "2030-01-01"


class TestTimesInLists:
    async def test_overdue_counts_todays_passed_times(self, alice: httpx.AsyncClient):
        zone, now = _zone_away_from_midnight()
        today = now.date().isoformat()
        yesterday = (now.date() - timedelta(days=1)).isoformat()
        await create(alice, title="passed", due_date=today, due_time="00:00")
        await create(alice, title="later", due_date=today, due_time="23:59")
        await create(alice, title="untimed", due_date=today)
        await create(alice, title="yesterday", due_date=yesterday, due_time="23:59")
        headers = {"X-Timezone": zone}
        overdue = (await alice.get("/api/tasks?due=overdue", headers=headers)).json()["items"]
        assert sorted(t["title"] for t in overdue) == ["passed", "yesterday"]
        todays = (await alice.get("/api/tasks?due=today", headers=headers)).json()["items"]
        assert sorted(t["title"] for t in todays) == ["later", "passed", "untimed"]

    async def test_sort_by_day_then_time_untimed_last_within_a_day(self, alice: httpx.AsyncClient):
        for title, day, at in [
            ("d2 untimed", "2030-01-02", None),
            ("d1 15:00", "2030-01-01", "15:00"),
            ("no date", None, None),
            ("d1 untimed", "2030-01-01", None),
            ("d1 09:00", "2030-01-01", "09:00"),
            ("d2 08:00", "2030-01-02", "08:00"),
        ]:
            await create(alice, title=title, due_date=day, due_time=at)
        expected = ["d1 09:00", "d1 15:00", "d1 untimed", "d2 08:00", "d2 untimed", "no date"]
        r = await alice.get("/api/tasks?sort=due")
        assert [t["title"] for t in r.json()["items"]] == expected
        # The same order page by page (the cursor carries the day and the time).
        assert await _all_pages(alice, "sort=due") == expected
        desc = await _all_pages(alice, "sort=due&order=desc")
        # Descending: latest first, yet tasks without a date (or time) stay last.
        assert desc == ["d2 08:00", "d2 untimed", "d1 15:00", "d1 09:00", "d1 untimed", "no date"]


async def _all_pages(c: httpx.AsyncClient, params: str) -> list[str]:
    seen: list[str] = []
    cursor = None
    while True:
        url = f"/api/tasks?{params}&limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = (await c.get(url)).json()
        seen += [t["title"] for t in page["items"]]
        if not (cursor := page["next_cursor"]):
            return seen


class TestQuickAdd:
    async def test_parses_and_saves_nothing(self, alice: httpx.AsyncClient):
        r = await alice.post(
            "/api/tasks/parse", json={"text": "pay rent on the 1st of every month #home !high"}
        )
        assert r.status_code == 200, r.text
        parsed = r.json()
        assert set(parsed) == {
            "title", "description", "priority", "due_date", "due_time", "tags", "recurrence",
            "recurrence_text",
        }  # fmt: skip
        assert parsed["title"] == "Pay rent"
        assert (parsed["priority"], parsed["tags"]) == ("high", ["home"])
        assert parsed["recurrence"] == "FREQ=MONTHLY;BYMONTHDAY=1"
        assert parsed["recurrence_text"] == "every month on the 1st"
        assert date.fromisoformat(parsed["due_date"]).day == 1
        assert (await alice.get("/api/tasks")).json()["items"] == []

    async def test_time_and_day_in_the_users_zone(self, alice: httpx.AsyncClient):
        zone = "Pacific/Kiritimati"  # UTC+14: often a day ahead of the server
        r = await alice.post(
            "/api/tasks/parse",
            json={"text": "call mom tomorrow at 5pm"},
            headers={"X-Timezone": zone},
        )
        tomorrow = datetime.now(ZoneInfo(zone)).date() + timedelta(days=1)
        assert r.json() | {"description": None} == {
            "title": "Call mom", "description": None, "priority": "medium",
            "due_date": tomorrow.isoformat(), "due_time": "17:00", "tags": [],
            "recurrence": None, "recurrence_text": None,
        }  # fmt: skip

    async def test_the_result_can_be_saved_as_it_is(self, alice: httpx.AsyncClient):
        parsed = (
            await alice.post(
                "/api/tasks/parse", json={"text": "standup every weekday at 9:30 !low"}
            )
        ).json()
        saved = await create(alice, **{k: v for k, v in parsed.items() if k != "recurrence_text"})
        assert saved["recurrence_text"] == "every weekday" and saved["due_time"] == "09:30"

    async def test_needs_sign_in_and_text(
        self, client: httpx.AsyncClient, alice: httpx.AsyncClient
    ):
        assert (await client.post("/api/tasks/parse", json={"text": "x"})).status_code == 401
        assert (await alice.post("/api/tasks/parse", json={"text": ""})).status_code == 422
        assert (await alice.post("/api/tasks/parse", json={})).status_code == 422
