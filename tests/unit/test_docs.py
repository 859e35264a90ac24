"""docs/TEXT_STAGES.md names what the code does: the removal reasons and the `und` thresholds."""

from __future__ import annotations

from pathlib import Path

from flows.text import clean, language

PAGE = (Path(__file__).resolve().parents[2] / "docs" / "TEXT_STAGES.md").read_text(encoding="utf-8")


def test_text_stages_page_lists_every_removal_reason():
    listed = " ".join(PAGE.split())
    assert [r for r in clean.REASONS if r not in listed] == []


def test_text_stages_page_states_the_und_thresholds():
    assert f"fewer than {language.MIN_LETTERS} letters" in PAGE
    assert f"under {language.MIN_SCORE:g}" in PAGE
    assert f"under {language.WORD_MAX_CHARS}" in PAGE
