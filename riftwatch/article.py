"""Parse and validate raw article bytes into a typed Article, or a Rejection with a
machine-readable reason (the dead-letter topic and the CLI use the same codes)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from typing import Any

import fastjsonschema
import orjson

SUPPORTED_LANGS = frozenset({"en"})
MAX_ARTICLE_BYTES = 1_000_000

# Reason codes (stable: consumers of articles.deadletter match on them).
NOT_UTF8 = "not_utf8"
NOT_JSON = "not_json"
NOT_OBJECT = "not_object"
MISSING_FIELD = "missing_field"
WRONG_TYPE = "wrong_type"
EMPTY_FIELD = "empty_field"
BAD_TIMESTAMP = "bad_timestamp"
UNSUPPORTED_LANGUAGE = "unsupported_language"
TOO_LARGE = "too_large"
INVALID = "invalid"
CODING_ERROR = "coding_error"


@dataclass(frozen=True)
class Article:
    """A valid article; `raw` keeps every field, unknown ones included."""

    id: str
    text: str
    published_at: datetime
    title: str | None
    lang: str | None
    raw: dict[str, Any]

    @property
    def published_iso(self) -> str:
        return format_time(self.published_at)


@dataclass(frozen=True)
class Rejection:
    """Why an input could not be accepted; `field` names the offending field if any."""

    reason: str
    detail: str
    field: str | None = None
    article_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "detail": self.detail, "field": self.field,
                "article_id": self.article_id}


def format_time(ts: datetime) -> str:
    """UTC, second precision, `Z` suffix: the one time format of all outputs."""
    return ts.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: str) -> datetime:
    """RFC 3339 with a mandatory offset; raises ValueError otherwise."""
    ts = datetime.fromisoformat(value.replace("z", "Z").replace("t", "T"))
    if ts.tzinfo is None:
        raise ValueError("timestamp has no time zone offset")
    return ts


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = json.loads(resources.files("schemas").joinpath("article.schema.json").read_text())
    return fastjsonschema.compile(schema)


_RULE_REASONS = {"required": MISSING_FIELD, "type": WRONG_TYPE, "minLength": EMPTY_FIELD,
                 "pattern": BAD_TIMESTAMP}


def parse_article(data: bytes | str | dict[str, Any]) -> Article | Rejection:
    """Validate one input record. Never raises for bad input: returns a Rejection."""
    if isinstance(data, bytes | bytearray):
        if len(data) > MAX_ARTICLE_BYTES:
            return Rejection(TOO_LARGE, f"{len(data)} bytes exceeds {MAX_ARTICLE_BYTES}")
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            return Rejection(NOT_UTF8, f"invalid UTF-8 at byte {exc.start}")
    if isinstance(data, str):
        try:
            data = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            return Rejection(NOT_JSON, str(exc))
    if not isinstance(data, dict):
        return Rejection(NOT_OBJECT, f"expected a JSON object, got {type(data).__name__}")
    art_id = data.get("id") if isinstance(data.get("id"), str) else None
    try:
        _validator()(data)
    except fastjsonschema.JsonSchemaException as exc:
        field = exc.path[1] if exc.path and len(exc.path) > 1 else None
        if exc.rule == "required":
            missing = [k for k in ("id", "text", "published_at") if k not in data]
            field = missing[0] if missing else None
        reason = _RULE_REASONS.get(exc.rule or "", INVALID)
        if reason == BAD_TIMESTAMP and field != "published_at":
            reason = INVALID
        return Rejection(reason, exc.message, field, art_id)
    if not data["text"].strip():
        return Rejection(EMPTY_FIELD, "text is blank", "text", art_id)
    try:
        published = parse_time(data["published_at"])
    except ValueError as exc:
        return Rejection(BAD_TIMESTAMP, str(exc), "published_at", art_id)
    lang = data.get("lang")
    if lang is not None and lang.split("-")[0].lower() not in SUPPORTED_LANGS:
        return Rejection(UNSUPPORTED_LANGUAGE, f"lang {lang!r} is not supported "
                         f"(supported: {', '.join(sorted(SUPPORTED_LANGS))})", "lang", art_id)
    return Article(id=data["id"], text=data["text"], published_at=published,
                   title=data.get("title"), lang=lang, raw=data)
