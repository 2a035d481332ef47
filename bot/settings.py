"""Settings from the environment and `.env`, built on demand by `get_settings()`."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from knowledge.text.corpus import BUNDLED_DIR

_TOKEN_RE = re.compile(r"^\d{3,15}:[A-Za-z0-9_-]{30,64}$")
_TIME_RE = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$", re.ASCII)
_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class Settings(BaseSettings):
    """Every setting regionbot reads; `.env.example` documents each one."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = "sqlite:///./data/regionbot.db"
    knowledge_dir: Path = BUNDLED_DIR
    # Admin uploads go here, never into the (read-only) bundled corpus; /reload reads both folders.
    upload_dir: Path = Path("data/articles")
    timezone: str = "Asia/Shanghai"
    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str | None = None
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    digest_time: str = "08:00"
    digest_skip_quiet_days: bool = False
    digest_lease_seconds: float = Field(default=30.0, gt=0, le=600)
    max_upload_bytes: int = Field(default=2_000_000, ge=1)
    flood_limit_per_minute: int = Field(default=20, ge=1)
    log_level: str = "INFO"

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: object) -> frozenset[int]:
        if value is None or value == "":
            return frozenset()
        if isinstance(value, str):
            parts = [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]
            try:
                return frozenset(int(p) for p in parts)
            except ValueError as exc:
                raise ValueError(f"ADMIN_IDS must be comma-separated numeric user ids, got {value!r}") from exc
        if isinstance(value, int):
            return frozenset({value})
        if isinstance(value, list | tuple | set | frozenset):
            return frozenset(int(v) for v in value)
        raise ValueError(f"ADMIN_IDS must be comma-separated numeric user ids, got {value!r}")

    @field_validator("knowledge_dir")
    @classmethod
    def _check_knowledge_dir(cls, value: Path) -> Path:
        if not value.is_dir():
            raise ValueError(f"KNOWLEDGE_DIR {str(value)!r} is not a folder")
        return value

    @field_validator("upload_dir")
    @classmethod
    def _absolute_upload_dir(cls, value: Path) -> Path:
        return value.expanduser().absolute()

    @field_validator("webhook_secret")
    @classmethod
    def _check_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        if not _SECRET_RE.match(value.get_secret_value()):
            raise ValueError("WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ -")
        return value

    @field_validator("log_level")
    @classmethod
    def _check_level(cls, value: str) -> str:
        if value.strip().upper() not in _LEVELS:
            raise ValueError(f"LOG_LEVEL must be one of {', '.join(_LEVELS)}, got {value!r}")
        return value.strip().upper()

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown TIMEZONE {value!r}") from exc
        return value

    @field_validator("digest_time")
    @classmethod
    def _check_digest_time(cls, value: str) -> str:
        if not _TIME_RE.match(value.strip()):
            raise ValueError(f"DIGEST_TIME must look like HH:MM, got {value!r}")
        return value.strip()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def bot_token(self) -> str:
        """The token, validated; raises `ValueError` with a one-line reason when it is unusable."""
        if self.telegram_bot_token is None or not self.telegram_bot_token.get_secret_value().strip():
            raise ValueError("TELEGRAM_BOT_TOKEN is not set (get one from @BotFather and put it in .env)")
        token = self.telegram_bot_token.get_secret_value().strip()
        if not _TOKEN_RE.match(token):
            raise ValueError("TELEGRAM_BOT_TOKEN is malformed (expected '<digits>:<35 letters>')")
        return token


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment and `.env`."""
    return Settings()
