"""/who over one event told in seven languages (tests/stories/multilingual_texts.py RELEASE):
one person whatever the script or case form asked, spellings grouped by script."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.app import App
from bot.readers import InputDefaults, iter_paths
from handlers.reply import Reply, Tone
from storage.models import Mention
from stories.articles import RawArticle
from tests.support.commands import ask, text_of
from tests.support.multilingual_texts import RELEASE, RELEASE_DAY
from tests.support.seeds import SEEDS


async def _ingest_release(app: App) -> None:
    articles = [
        RawArticle(text=body, title=title, outlet=f"Outlet {language}", published=RELEASE_DAY)
        for language, (title, body) in RELEASE.items()
    ]
    await app.ingestor.ingest(articles)
    await app.facts.run()


def _spelled(reply: Reply) -> list[str]:
    return [
        line.text
        for section in reply.sections
        if section.heading == "Spelled"
        for line in section.lines
    ]


@pytest.mark.parametrize("query", ["Колесникову", "Kolesnikowa", "Kalesnikava", "Калеснікава"])
async def test_who_finds_one_person_in_any_script_or_case_form(app: App, query: str) -> None:
    await _ingest_release(app)
    reply = await ask(app, "who", query)
    assert reply.tone is Tone.OK, text_of(reply)
    assert reply.title == "Maria Kalesnikava", text_of(reply)
    spelled = _spelled(reply)
    scripts = {line.split(":", 1)[0] for line in spelled}
    assert {"Latin", "Cyrillic", "Greek"} <= scripts, spelled
    # each spelling once, its case forms folded in, the outlets behind it named
    assert any(line.startswith("Cyrillic: Мария Колесникова — ") for line in spelled), spelled
    assert not any("Колесникову" in line for line in spelled), spelled
    assert any(line.startswith("Cyrillic: Марія Колесникова — Outlet uk") for line in spelled)
    assert any("Maria Kolesnikowa — Outlet de" in line for line in spelled), spelled
    assert "Outlet el" in " ".join(spelled)


async def test_who_finds_bialiatski_by_a_belarusian_spelling(app: App) -> None:
    await _ingest_release(app)
    reply = await ask(app, "who", "Бяляцкі")
    assert reply.tone is Tone.OK, text_of(reply)
    assert reply.title == "Ales Bialiatski", text_of(reply)
    spelled = " ".join(_spelled(reply))
    assert "Алесь Бяляцький" in spelled, spelled
    assert "Άλες Μπιαλιάτσκι" in spelled, spelled


@pytest.mark.parametrize("query", ["Coale", "Коул", "Κόουλ"])
async def test_who_finds_an_english_name_written_as_said_in_other_scripts(
    app: App, query: str
) -> None:
    """John Coale keeps few letters in Cyrillic and Greek (Джоном Коулом, Τζον Κόουλ): one
    person whichever script is asked, with every outlet's spelling."""
    await _ingest_release(app)
    reply = await ask(app, "who", query)
    assert reply.tone is Tone.OK, text_of(reply)
    assert reply.title == "John Coale", text_of(reply)
    spelled = _spelled(reply)
    for outlet in ("Outlet en", "Outlet ru", "Outlet uk", "Outlet el", "Outlet de"):
        assert outlet in " ".join(spelled), spelled
    assert "Κόουλ" in " ".join(spelled), spelled
    # Polish and Lithuanian case forms of the English spelling are that spelling's
    latin = next(line for line in spelled if line.startswith("Latin: John Coale — "))
    assert "Outlet pl" in latin, spelled
    assert "Outlet lt" in latin, spelled
    assert not any("Coale'" in line for line in spelled), spelled


async def test_no_german_noun_is_part_of_a_name(app: App) -> None:
    await _ingest_release(app)
    async with app.sessions() as session:
        names = set(await session.scalars(select(Mention.name)))
    assert "Maria Kolesnikowa" in names, names
    assert not any("Oppositionspolitikerin" in name for name in names), names
    assert not any("Präsidentschaftskandidat" in name for name in names), names
    assert not any(name.startswith(("Президент", "Machthaber")) for name in names), names
    reply = await ask(app, "who", "Kolesnikowa")
    described = next(s for s in reply.sections if s.heading == "Described as")
    assert "Oppositionspolitikerin" in " ".join(line.text for line in described.lines)


async def test_a_name_in_a_case_form_keeps_its_stories(app: App) -> None:
    """A Lithuanian article names Bialiatski in its own nominative (Bialiackis); the story
    that names him is found under the key its surname is stored by, without the ending."""
    title, body = RELEASE["lt"]
    await app.ingestor.ingest([RawArticle(text=body, title=title, outlet="LRT")])
    await app.facts.run()
    reply = await ask(app, "who", "Bialiackis")
    assert reply.tone is Tone.OK, text_of(reply)
    stories = next(s for s in reply.sections if s.heading == "Stories, newest first")
    assert len(stories.lines) == 1


async def test_diff_does_not_call_another_script_a_spelling(app: App) -> None:
    await _ingest_release(app)
    reply = await ask(app, "diff")
    spelled = [
        line.text
        for section in reply.sections
        if section.heading and section.heading.startswith("Names spelled differently")
        for line in section.lines
    ]
    assert not any("Колесникова" in line or "Κολέσνικοβα" in line for line in spelled), spelled


async def test_a_man_named_in_the_genitive_by_one_outlet_is_one_person(app: App) -> None:
    """dev ue2f2331a0a129a11 and u483e06f379c13f02: one outlet names him in the genitive
    ("Олега Соколова"), another in the nominative; /who answers with one man under his
    nominative, named by both outlets."""
    await app.ingestor.ingest(
        [
            RawArticle(
                text="Подозреваемого в жестоком убийстве аспирантки Олега Соколова увезли с"
                " места происшествия на реке Мойке, где он сбросил останки возлюбленной.",
                title="На Мойке завершили следственный эксперимент",
                outlet="kavkaz.mk.ru",
                published=RELEASE_DAY,
                declared=True,
            ),
            RawArticle(
                text="Аспирантку, по версии следствия, убил и расчленил историк этого же вуза"
                " доцент Олег Соколов. Водолазы искали её останки в реке Мойке.",
                title="Водолазы нашли в Мойке череп",
                outlet="nevnov.ru",
                published=RELEASE_DAY,
                declared=True,
            ),
        ]
    )
    await app.facts.run()
    reply = await ask(app, "who", "Соколова")
    assert reply.tone is Tone.OK, text_of(reply)
    assert reply.title == "Олег Соколов", text_of(reply)
    assert "Named by 2 outlets." in text_of(reply), text_of(reply)


@pytest.mark.parametrize(
    ("query", "person"),
    [("Cichanouska", "Sviatlana Tsikhanouskaya"), ("Тихановский", "Sergei Tikhanovsky")],
)
async def test_a_gendered_surname_answers_with_the_person_of_its_gender(
    app: App, query: str, person: str
) -> None:
    """Sviatlana Tsikhanouskaya (in the seeds) and her husband Sergei Tikhanovsky share the
    surname: its woman's form asks for her, its man's form for him, with no "which one?"."""
    await app.ingestor.ingest(iter_paths([SEEDS], InputDefaults()))
    await _ingest_release(app)
    reply = await ask(app, "who", query)
    assert reply.tone is Tone.OK, text_of(reply)
    assert reply.title == person, text_of(reply)
