"""The part-of-speech tagger behind the noun-phrase checks: jieba's own, on jieba's plain dictionary."""

from __future__ import annotations

from collections.abc import Iterator

import jieba
import jieba.posseg
import pytest

from knowledge.extract import nounphrase
from knowledge.extract.nounphrase import first_word
from knowledge.text.segment import add_words, cut


@pytest.fixture
def fresh_tagger() -> Iterator[None]:
    nounphrase._tagger.cache_clear()
    nounphrase._tags.cache_clear()
    yield
    nounphrase._tagger.cache_clear()
    nounphrase._tags.cache_clear()


def test_the_tagger_loads_no_dictionary_of_its_own(fresh_tagger: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A parse worker reads jieba's word tags and main dictionary once (jieba.posseg's import), not twice."""
    jieba.dt.initialize()
    made: list[str] = []
    initialize, load_word_tag = jieba.Tokenizer.initialize, jieba.posseg.POSTokenizer.load_word_tag

    def counted_initialize(self: jieba.Tokenizer, dictionary: str | None = None) -> None:
        if not self.initialized:
            made.append("main dictionary")
        initialize(self, dictionary)

    def counted_load_word_tag(self: jieba.posseg.POSTokenizer, f: object) -> None:
        made.append("word tags")
        load_word_tag(self, f)

    monkeypatch.setattr(jieba.Tokenizer, "initialize", counted_initialize)
    monkeypatch.setattr(jieba.posseg.POSTokenizer, "load_word_tag", counted_load_word_tag)
    assert first_word("招商引资项目") == "招商引资"
    assert made == []


def test_words_of_the_user_dictionary_are_not_words_to_the_tagger(fresh_tagger: None) -> None:
    """The shared tokenizer keeps a user word whole; the tagger still reads it in its dictionary words."""
    add_words(["青果蓝图"])
    assert cut("青果蓝图") == ["青果蓝图"]
    assert first_word("青果蓝图") == "青果"
