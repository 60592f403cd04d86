"""Input validation: every bad input gets a machine-readable reason."""

import pytest

from riftwatch import article as A
from riftwatch.article import Article, Rejection, parse_article

GOOD = b'{"id":"a1","text":"Egypt met Qatar.","published_at":"2025-01-01T10:00:00+02:00"}'


@pytest.mark.parametrize("raw,reason,field", [
    (b"\xff\xfe{}", A.NOT_UTF8, None),
    (b"not json", A.NOT_JSON, None),
    (b"[1, 2]", A.NOT_OBJECT, None),
    (b'{"id":"a","published_at":"2025-01-01T00:00:00Z"}', A.MISSING_FIELD, "text"),
    (b'{"text":"t","published_at":"2025-01-01T00:00:00Z"}', A.MISSING_FIELD, "id"),
    (b'{"id":"a","text":"t"}', A.MISSING_FIELD, "published_at"),
    (b'{"id":"a","text":5,"published_at":"2025-01-01T00:00:00Z"}', A.WRONG_TYPE, "text"),
    (b'{"id":7,"text":"t","published_at":"2025-01-01T00:00:00Z"}', A.WRONG_TYPE, "id"),
    (b'{"id":"a","text":"","published_at":"2025-01-01T00:00:00Z"}', A.EMPTY_FIELD, "text"),
    (b'{"id":"a","text":"   ","published_at":"2025-01-01T00:00:00Z"}', A.EMPTY_FIELD, "text"),
    (b'{"id":"a","text":"t","published_at":"yesterday"}', A.BAD_TIMESTAMP, "published_at"),
    (b'{"id":"a","text":"t","published_at":"2025-02-30T00:00:00Z"}', A.BAD_TIMESTAMP,
     "published_at"),
    (b'{"id":"a","text":"t","published_at":"2025-01-01T00:00:00"}', A.BAD_TIMESTAMP,
     "published_at"),
    (b'{"id":"a","text":"t","published_at":"2025-01-01T00:00:00Z","lang":"fr"}',
     A.UNSUPPORTED_LANGUAGE, "lang"),
    (b'{"id":"a","text":"t","published_at":"2025-01-01T00:00:00Z","title":3}', A.WRONG_TYPE,
     "title"),
])
def test_bad_input_has_reason(raw: bytes, reason: str, field: str | None) -> None:
    result = parse_article(raw)
    assert isinstance(result, Rejection)
    assert (result.reason, result.field) == (reason, field)
    assert result.detail


def test_valid_article_keeps_unknown_fields_and_normalises_time() -> None:
    raw = GOOD[:-1] + b',"extra":{"k":1},"lang":"en-GB"}'
    art = parse_article(raw)
    assert isinstance(art, Article)
    assert art.raw["extra"] == {"k": 1}
    assert art.published_iso == "2025-01-01T08:00:00Z"


def test_oversized_input_rejected() -> None:
    result = parse_article(b"x" * (A.MAX_ARTICLE_BYTES + 1))
    assert isinstance(result, Rejection) and result.reason == A.TOO_LARGE
