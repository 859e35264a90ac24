"""Weak labels of scraped pages: each labelling rule on invented pages, and the scores built on them."""

from __future__ import annotations

from evaluation.scraped import (
    BODY,
    NOISE,
    WeakLine,
    WeakPage,
    label_against_body,
    label_repeats,
    label_segments,
    label_trailer,
    score_pages,
    score_segments,
)

BODY_TEXT = (
    "The harbour board voted on Tuesday to close the old ferry pier for repairs.\n"
    "Repairs are expected to take most of the winter, the board said in a statement."
)
PAGE = (
    "Home\nNews\nSport\n"
    "Harbour pier to close for winter repairs\n"
    "The harbour board voted on Tuesday to close the old ferry pier for repairs.\n"
    "Advertisement\n"
    "Repairs are expected to take most of the winter, the board said in a statement.\n"
    "Most read\nContact us"
)


def labelled(text: str, lines: tuple[WeakLine, ...]) -> dict[str, str]:
    return {text[line.start : line.end]: line.label for line in lines}


def test_page_lines_are_body_inside_the_article_and_noise_outside_it() -> None:
    labels = labelled(PAGE, label_against_body(PAGE, BODY_TEXT))
    assert labels["The harbour board voted on Tuesday to close the old ferry pier for repairs."] == BODY
    assert labels["Advertisement"] == NOISE
    assert labels["Contact us"] == NOISE
    assert labels["Home"] == NOISE


def test_the_longer_line_just_above_the_body_stays_unlabelled() -> None:
    labels = labelled(PAGE, label_against_body(PAGE, BODY_TEXT))
    assert "Harbour pier to close for winter repairs" not in labels


def test_a_line_sharing_words_with_the_body_is_not_called_noise() -> None:
    page = "Menu\nThe board said in a statement on Monday that more work is due.\n" + BODY_TEXT
    labels = labelled(page, label_against_body(page, BODY_TEXT))
    assert "The board said in a statement on Monday that more work is due." not in labels


def test_segments_label_their_lines_and_a_line_with_both_kinds_stays_unlabelled() -> None:
    page = "Read also: a story\nThe council met at noon.\nMixed: a story. The council met"
    labels = labelled(page, label_segments(page, keep=["council met"], drop=["a story"]))
    assert labels == {"Read also: a story": NOISE, "The council met at noon.": BODY}


def test_trailer_tags_label_the_short_closing_lines() -> None:
    sentence = "The ministry said the new rules would apply to every port in the country from next month onwards."
    text = f"{sentence}\nwriter@example.org\n16:31"
    labels = labelled(text, label_trailer(text, ["author_email_trailer"]))
    assert labels == {sentence: BODY, "writer@example.org": NOISE, "16:31": NOISE}
    assert labelled(text, label_trailer(text, ["nbsp_padding"])) == {sentence: BODY}


def test_lines_repeated_across_a_source_are_noise_and_unique_sentences_body() -> None:
    body = "Officials said that the bridge would reopen once the inspection of its cables had been completed."
    texts = [f"Story number {n} begins here.\nShare this story!" for n in range(3)] + [f"{body}\nShare this story!"]
    last = labelled(texts[-1], label_repeats(texts)[-1])
    assert last == {body: BODY, "Share this story!": NOISE}


def test_scores_count_lines_by_their_removed_characters() -> None:
    text = "Menu\nA body line that stays.\nFooter"
    lines = (WeakLine(0, 4, NOISE), WeakLine(5, 24, BODY), WeakLine(25, 31, NOISE))
    page = WeakPage("scrapinghub_aeb", "p1", "example.org", "en", None, text, lines)
    output = {"removed": [{"start": 0, "end": 4}, {"start": 27, "end": 31}]}
    scores = score_pages([page], [output])
    assert (scores["noise_removed"], scores["body_kept"]) == (1.0, 1.0)
    scores = score_pages([page], [{"removed": [{"start": 5, "end": 6}]}])
    assert (scores["noise_removed"], scores["body_kept"]) == (0.0, 0.0)


def test_segment_scores_follow_the_clean_text() -> None:
    row = {"text": "Keep me here. Drop me there.", "must_contain": ["Keep me"], "must_not_contain": ["Drop me"]}
    scores = score_segments([row], [{"clean_text": "Keep me here."}])
    assert (scores["must_not_removed"], scores["must_kept"]) == (1.0, 1.0)
