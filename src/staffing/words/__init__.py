"""The catalogue's words by area, each a dict of key → (Chinese, English); `staffing.messages`
merges them into the one catalogue.  A bilingual text is one value, `Words`."""

from __future__ import annotations

from typing import NamedTuple


class Words(NamedTuple):
    """One text in both languages: `words("zh")` or `words.zh`, `words("en")` or `words.en`.

    Passed as a parameter of a message, it is shown in the message's language."""

    zh: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    @classmethod
    def same(cls, text: str) -> Words:
        """A text that reads the same in both languages (a name from the plan)."""
        return cls(text, text)
