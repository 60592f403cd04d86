"""The prefilter's misspelling gate: the statistical NER (a fifth of the coder's time)
runs only on articles where an actor's name may really be misspelt, not where a common
word or an unrelated name merely looks like an actor's."""

from __future__ import annotations

import pytest

from riftwatch.article import Article, parse_article
from riftwatch.coding import Coder


def _needs_ner(coder: Coder, text: str) -> bool:
    art = parse_article({"id": "g", "text": text, "published_at": "2025-03-01T00:00:00Z"})
    assert isinstance(art, Article)
    return coder.select(art).needs_ner


@pytest.mark.parametrize("text", [
    "Hezbollah leader Hassan Hasrallah accused Israel of spying on Lebanon.",
    "A North Korian diplomat defected to South Korea.",
    "President Erdgoan accused Israel of spying on Turkey.",
    "French President Emmanuel Nacron accused Russia of spying on France.",
    "Hazbollah accused Israel of spying on Lebanon.",
    "Hezbollah chief Hassan Nasralah accused Israel of spying on Lebanon.",
])
def test_a_misspelt_actor_name_needs_ner(coder: Coder, text: str) -> None:
    assert _needs_ner(coder, text)


@pytest.mark.parametrize("text", [
    "Relations between Israel and Iran soured after Iran accused Israel of spying.",
    "In April, Iran accused Israel of spying.",
    "Aides to the minister said Iran accused Israel of spying.",
    "Adding to the row, Iran accused Israel of spying.",
    "Having denied it, Israel accused Iran of spying.",
    "Channel 12 reported that Iran accused Israel of spying.",
    "Counter-intelligence officers said Iran accused Israel of spying.",
    "Whoever leaked it, Iran accused Israel of spying.",
    "Prosecutors in Nuremberg said Iran accused Israel of spying.",
])
def test_a_common_word_like_an_actor_name_needs_no_ner(coder: Coder, text: str) -> None:
    assert not _needs_ner(coder, text)


def test_common_words_know_inflections_and_compounds(coder: Coder) -> None:
    words = coder.prefilter._common
    for word in ("relations", "aides", "adding", "analytics", "counter-intelligence"):
        assert word in words, word
    assert "hasrallah" not in words and "korian" not in words
