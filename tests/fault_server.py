"""A real backend process for the fault tests: ``python -m tests.fault_server <listening fd>``.

The test opens the listening socket and passes it in, so it knows the port before the process
starts and early requests simply wait in the socket's backlog (no polling for readiness), and a
killed process can be replaced on the same port. Settings come from the environment, as in
production. The model is the offline one; with FAULT_HANG=1 a user message containing
``[hang]`` gets a reply that stops halfway, forever (see tests/fault_models.py).
"""

from __future__ import annotations

import os
import socket
import sys

import uvicorn

from backend.assistant.models import build_model
from backend.config import Settings
from backend.main import create_app
from tests.fault_models import HangOnMarker


def main() -> None:
    sock = socket.socket(fileno=int(sys.argv[1]))
    settings = Settings()
    model = HangOnMarker(build_model(settings)) if os.environ.get("FAULT_HANG") == "1" else None
    app = create_app(settings, model=model)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])


if __name__ == "__main__":
    main()
