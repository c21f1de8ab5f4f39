"""Which model drives the agent: the built-in offline model, OpenAI, any OpenAI-compatible
server, or (optional extra) LiteLLM. Chosen once, from settings."""

from __future__ import annotations

from agents import OpenAIChatCompletionsModel, OpenAIResponsesModel, set_tracing_disabled
from agents.models.interface import Model
from openai import AsyncOpenAI

from backend.assistant.offline import OfflineModel
from backend.config import Settings

OFFLINE = "offline"
DEFAULT_OPENAI_MODEL = "gpt-4.1-mini"
LITELLM_PREFIX = "litellm/"
PROVIDER_TIMEOUT_SECONDS = 60.0


class ModelConfigError(ValueError):
    """The model settings cannot work; the message says what to set."""


def model_name(settings: Settings) -> str:
    if settings.assistant_model:
        return settings.assistant_model
    return DEFAULT_OPENAI_MODEL if settings.openai_api_key else OFFLINE


def build_model(settings: Settings) -> Model:
    name = model_name(settings)
    # Traces go to OpenAI's dashboard: only when a real OpenAI key is in use.
    set_tracing_disabled(
        name == OFFLINE or not settings.openai_api_key or bool(settings.openai_base_url)
    )
    if name == OFFLINE:
        return OfflineModel(intents=settings.offline_assistant_intents)
    if name.startswith(LITELLM_PREFIX):
        try:
            from agents.extensions.models.litellm_model import LitellmModel
        except ImportError as exc:
            raise ModelConfigError(
                f"ASSISTANT_MODEL={name} needs the LiteLLM extra: uv sync --extra litellm"
            ) from exc
        return LitellmModel(
            model=name.removeprefix(LITELLM_PREFIX),
            base_url=settings.openai_base_url or None,
            api_key=settings.openai_api_key or None,
        )
    if not settings.openai_api_key and not settings.openai_base_url:
        raise ModelConfigError(
            f"ASSISTANT_MODEL={name} needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local "
            "OpenAI-compatible server); unset ASSISTANT_MODEL to use the offline assistant"
        )
    client = AsyncOpenAI(
        api_key=settings.openai_api_key or "not-needed",  # local servers ignore the key
        base_url=settings.openai_base_url or None,
        timeout=PROVIDER_TIMEOUT_SECONDS,
        max_retries=1,
    )
    if settings.openai_base_url:
        # Compatible servers (Ollama, vLLM, LM Studio) speak Chat Completions.
        return OpenAIChatCompletionsModel(model=name, openai_client=client)
    return OpenAIResponsesModel(model=name, openai_client=client)


def is_offline(settings: Settings) -> bool:
    return model_name(settings) == OFFLINE
