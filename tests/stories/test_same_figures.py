"""Figures two outlets give alike: sums with a currency sign before them, one sum of one
holder, and one number with and without a qualifier.

The sentences are real, from ``pairs-dev`` (``../shared/data/pairs-dev/articles.jsonl``, id in
the comment), cut to the sentences that hold the figures.
"""

from __future__ import annotations

from stories.compare import diff_story
from stories.names import resolve_people
from stories.numbers import find_numbers
from stories.sentences import split_sentences
from tests.support.story_views import told


def _read(text: str, language: str) -> list[tuple[str, float, str]]:
    found = find_numbers(split_sentences(text), language=language)
    return [(n.text, n.value, n.counted) for n in found]


def test_a_sign_before_a_scaled_sum_names_its_currency_a_space_between_or_not() -> None:
    # uaea4b69a63e9d057 (argumentiru.com): each sum in pounds with its dollars beside it.
    assert _read(
        "У Михаила Фридмана состояние оценивается в £10,23 млрд ($12,4 млрд), у Романа "
        "Абрамовича – в £10,16 млрд ($12,31 млрд).",
        "ru",
    ) == [
        ("10,23 млрд", 10_230_000_000, "pounds"),
        ("12,4 млрд", 12_400_000_000, "dollars"),
        ("10,16 млрд", 10_160_000_000, "pounds"),
        ("12,31 млрд", 12_310_000_000, "dollars"),
    ]
    # ufbd8322d422dec69 (apostrophe.ua): a space after the sign.
    assert _read(
        "Они жили в Кенсингтонском дворце, но после ремонта стоимостью $ 1,7 млн Гарри и Меган "
        "решили жить в другом месте.",
        "ru",
    ) == [("1,7 млн", 1_700_000, "dollars")]


# u52978673c722fb95 (politexpert.net) and uaea4b69a63e9d057 (argumentiru.com), whole (their
# order matters: Abramovich's 10,16 comes before argumentiru's 10,23 for Fridman): the Sunday
# Times rich list's Russians.
POLITEXPERT = (
    "Трое российских бизнесменов вошли в топ-20 богатейших жителей Великобритании. "
    "Российские бизнесмены Алишер Усманов, Михаил Фридман и Роман Абрамович вошли в топ-20 "
    "самых богатых жителей Великобритании по версии газеты Sunday Times. Седьмое место в "
    "рейтинге занял основатель USM Holdings Алишер Усманов, сообщает ТАСС. Его состояние "
    "оценивается в 11,68 млрд фунтов стерлингов (более 1 трлн рублей). Акционер и глава "
    "наблюдательного совета консорциума «Альфа-Групп» Михаил Фридман занимает 11-ю строчку "
    "рейтинга. Его состояние оценили в 10,23 млрд фунтов стерлингов (911 млн рублей). Главный "
    "владелец инвесткомпании Millhouse и основной акционер Evraz Роман Абрамович занял 12-е "
    "место в таблице, составленной британским изданием. Газета оценивает его состояние в 10,16 "
    "млрд фунтов (905 млн рублей). Лидирующую строчку рейтинга в этом году занимают основатель "
    "компании Dyson Джеймс Дайсон и его семья. Журналисты издания также оценили влияние "
    "пандемии коронавирусной инфекции на самых состоятельных жителей Британии. Так, за "
    "последний период они потеряли около 54 млрд фунтов стерлингов. Алишер Усманов пожертвовал "
    "на борьбу с COVID-19 2 млрд рублей. Он перевел их оперштабу."
)
ARGUMENTI = (
    "Сразу трое россиян вошли в двадцатку богатейших жителей, проживающих в Великобритании. "
    "На седьмой позиции в ТОП-20 – Алишер Усманов. На 11-й строчке – Михаил Фридман. Ну, и "
    "Роман Абрамович тоже там. Ранее, как сообщает РБК, российский бизнесмен Алишер Усманов "
    "был на восьмой строке рейтинга, однако улучшил свои позиции. По данным Sunday Times, "
    "состояние Усманова достигло £11,68 млрд, что эквивалентно $14,16 млрд). В прошлом году "
    "этот показатель был на миллиард долларов меньше - $13,73 млрд.У Михаила Фридмана "
    "состояние оценивается в £10,23 млрд ($12,4 млрд), у Романа Абрамовича – в £10,16 млрд "
    "($12,31 млрд)."
)


def test_a_sum_joins_the_outlet_that_gives_the_very_sum_before_a_like_sentence() -> None:
    views = told(("politexpert.net", "ru", POLITEXPERT), ("argumentiru.com", "ru", ARGUMENTI))
    diff = diff_story(views, resolve_people(views))
    assert not diff.numbers
    agreed = {v.value: len(v.outlets) for d in diff.agreed_numbers for v in d.values}
    assert agreed[10_230_000_000] == 2
    assert agreed[10_160_000_000] == 2


# ucc070cb6bf6f4bd0 (tvoygorodpskov.ru) and u900167ad631b3570 (3dnews.ru), cut: Dyson's
# electric car.
PSKOV = "Dyson показала свой электромобиль. На одном заряде такая машина могла бы победить 960 км."
DNEWS = (
    "Dyson раскрыла подробности электромобиля. Как пояснил её основатель сэр Джеймс Дайсон в "
    "интервью The Sunday Times, данное транспортное средство было бы способно принять на борт "
    "семь человек, на одном заряде оно преодолевало бы почти 960 км."
)


def test_a_number_and_the_same_number_qualified_are_one_figure() -> None:
    views = told(("tvoygorodpskov.ru", "ru", PSKOV), ("3dnews.ru", "ru", DNEWS))
    diff = diff_story(views, resolve_people(views))
    assert not diff.numbers
    (distance,) = [d for d in diff.agreed_numbers if d.values[0].value == 960]
    assert {v.qualifier.value for v in distance.values} == {"exact", "almost"}


# 1522687232 (goettinger-tageblatt.de) and 1522472681 (stern.de), cut: Caroline Flack's death.
TAGEBLATT = (
    "Ex von Prinz Harry ist tot. Die britische TV-Moderatorin Caroline Flack, die einst mit "
    "Prinz Harry liiert gewesen sein soll, ist im Alter von 40 Jahren gestorben."
)
STERN = (
    "Caroline Flack: Love-Island-Moderatorin stirbt mit 40 Jahren. Wie Flacks Familie "
    "bestätigte, starb die 40-Jährige am Samstag in ihrer Wohnung in London."
)


def test_the_same_age_agrees_whoever_it_is_read_as_belonging_to() -> None:
    # The age is read as Prinz Harry's in one, Flack's family's in the other.
    views = told(("goettinger-tageblatt.de", "de", TAGEBLATT), ("stern.de", "de", STERN))
    diff = diff_story(views, resolve_people(views))
    assert not diff.numbers
    (age,) = [d for d in diff.agreed_numbers if d.values[0].value == 40]
    assert {c.outlet for c in age.citations} == {"goettinger-tageblatt.de", "stern.de"}
