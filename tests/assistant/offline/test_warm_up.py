"""The first chat turn after the server starts does not pay for lazy loading: the app's startup
answers a few messages with the offline model before it serves anyone."""

from __future__ import annotations

from typing import Any

import pytest

from backend.assistant.offline import model as offline_model
from backend.assistant.offline.model import OfflineModel
from tests.conftest import AppFactory

pytestmark = pytest.mark.asyncio


async def test_the_apps_startup_warms_the_offline_model_up(
    app_with_model: AppFactory, monkeypatch: pytest.MonkeyPatch
):
    warmed: list[OfflineModel] = []
    warm_up = OfflineModel.warm_up

    async def spy(self: OfflineModel) -> None:
        warmed.append(self)
        await warm_up(self)

    monkeypatch.setattr(OfflineModel, "warm_up", spy)
    model = OfflineModel()
    await app_with_model(model)  # its lifespan has run: the app is ready to serve
    assert warmed == [model]


async def test_the_warm_up_decides_messages_that_use_every_stage(monkeypatch: pytest.MonkeyPatch):
    decided: list[tuple[Any, list[Any]]] = []
    decide = offline_model._decide

    def spy(input: Any, *args: Any) -> list[Any]:
        output = decide(input, *args)
        decided.append((input, output))
        return output

    monkeypatch.setattr(offline_model, "_decide", spy)
    await OfflineModel().warm_up()
    assert [text for text, _ in decided] == offline_model._WARM_UP
    # the add is read in full (date, time, tag, priority), not answered with a reply
    [add] = decided[0][1]
    assert add.name == "add_task"
    assert all(word in add.arguments for word in ("due_date", "17:00", "home", "high"))
