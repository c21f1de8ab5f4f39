"""The offline model takes the turn's "today" from the run context (the request's time zone)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from fastapi import FastAPI

from backend.assistant.agent import TurnBoundModel
from backend.assistant.offline.model import OfflineModel
from tests.chat_helpers import new_thread, tasks
from tests.conftest import PASSWORD, make_client

pytestmark = pytest.mark.asyncio


@pytest.mark.parametrize("tz", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])  # UTC+14, UTC-11
async def test_today_is_the_users_today(app: FastAPI, tz: str):
    async with make_client(app, headers={"X-Timezone": tz}) as client:
        r = await client.post(
            "/api/auth/signup", json={"email": f"tz-{tz[8:]}@example.com", "password": PASSWORD}
        )
        assert r.status_code == 201, r.text
        await new_thread(client, "add call mom today")
        [task] = await tasks(client)
    assert task["due_date"] == str(datetime.now(ZoneInfo(tz)).date())


async def test_a_turn_gets_its_own_model_with_that_date():
    model = OfflineModel()
    assert isinstance(model, TurnBoundModel)
    turn = model.for_turn(date(2030, 1, 2))
    assert turn is not model and model.today is None
    response = await turn.get_response(None, "add call mom tomorrow")
    [call] = response.output
    assert '"due_date": "2030-01-03"' in call.arguments  # type: ignore[union-attr]
    assert datetime.now(UTC).year < 2030
