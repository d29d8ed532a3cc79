"""Sentence boundaries where a page's quotation marks do not pair up."""

from __future__ import annotations

from stories.sentences import MAX_QUOTE, split_paragraph

# dev data (ru): a page whose text came wrapped in CSV quotes, with doubled quotes inside.
WRAPPED = (
    '"Число погибших при столкновении двух автомобилей в Еврейской автономной области выросло '
    "до пяти человек. Об этом ТАСС сообщили в ГИБДД России. На федеральной трассе "
    '""Амур"" между селами Белгородское и Смидович столкнулись два автомобиля. Ранее '
    "сообщалось, что в результате аварии погибли четыре человека. "
)


def _texts(paragraph: str) -> list[str]:
    return [s.text for s in split_paragraph(paragraph)]


def test_a_paragraph_wrapped_whole_in_quotes_is_split_into_its_sentences() -> None:
    paragraph = WRAPPED * (MAX_QUOTE // len(WRAPPED) + 1) + 'Конец."'
    sentences = _texts(paragraph)
    assert sentences[1] == "Об этом ТАСС сообщили в ГИБДД России."
    assert sentences[3] == "Ранее сообщалось, что в результате аварии погибли четыре человека."


def test_a_stray_quote_does_not_join_sentences() -> None:
    sentences = _texts('He said "never. The police came. They left.')
    assert sentences == ['He said "never.', "The police came.", "They left."]


def test_a_quotation_of_several_sentences_stays_one() -> None:
    sentences = _texts('She said: "We are free. We are home." Then she left.')
    assert sentences == ['She said: "We are free. We are home."', "Then she left."]
