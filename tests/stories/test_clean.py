"""Cleaning: chrome goes, prose and bullets stay, captions are kept apart, junk is rejected."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stories.articles import Article, RawArticle, Rejected
from stories.clean import CleanSettings, clean_article, clean_line
from tests.support import texts


def _clean(text: str, title: str | None = None, origin: str = "test") -> Article:
    result = clean_article(RawArticle(text=text, title=title, origin=origin))
    assert isinstance(result, Article), result
    return result


def _rejected(text: str) -> Rejected:
    result = clean_article(RawArticle(text=text, origin="feed.jsonl:7"))
    assert isinstance(result, Rejected), result
    assert result.origin == "feed.jsonl:7"
    return result


def _seed(prefix: str) -> Article:
    path = next(texts.SEEDS.glob(f"{prefix}_*.txt"))
    return _clean(path.read_text(encoding="utf-8"), origin=path.name)


def _gold() -> dict[str, object]:
    with (texts.SEEDS / "gold.toml").open("rb") as handle:
        return tomllib.load(handle)


# ---- invented articles ----


def test_regional_paper_keeps_prose_and_drops_header_and_footer() -> None:
    article = _clean(texts.FLOOD)
    assert article.title == texts.FLOOD_TITLE
    assert article.paragraphs[0].startswith("Emergency crews evacuated more than 600 residents")
    assert article.paragraphs[-1].startswith("Forecasters expect the rain to ease on Monday")
    body = article.body
    for chrome in (
        "Skip to content",
        "Home | News",
        "By Jane Okafor",
        "10:42 AM",
        "4 min read",
        "Getty Images",
        "Share",
        "Tweet",
        "Related:",
        "All rights reserved",
    ):
        assert chrome not in body, chrome
    assert "World" not in article.paragraphs


def test_photo_caption_followed_by_credit_goes_to_captions() -> None:
    article = _clean(texts.FLOOD)
    assert article.captions == (texts.FLOOD_CAPTION,)
    assert texts.FLOOD_CAPTION not in article.body


def test_subheadings_are_dropped_but_bullets_and_their_lead_in_are_kept() -> None:
    article = _clean(texts.FLOOD)
    assert "Volunteers fill the gaps" not in article.body
    assert "the sports hall on Mill Lane" in article.paragraphs
    assert "St Anne's primary school" in article.paragraphs
    lead_in = next(p for p in article.paragraphs if p.endswith("at least until Wednesday:"))
    assert article.paragraphs[article.paragraphs.index(lead_in) + 1] == (
        "the sports hall on Mill Lane"
    )
    assert not any(p.startswith("•") for p in article.paragraphs)


def test_caption_with_agency_and_its_repeat_become_one_caption() -> None:
    article = _clean(texts.ELECTION)
    assert article.captions == (texts.ELECTION_CAPTION,)
    assert "Democratic Alliance celebrate" not in article.body
    assert article.paragraphs[0].startswith("Portugal's centre-right Democratic Alliance")


def test_aggregator_chrome_is_dropped() -> None:
    article = _clean(texts.ELECTION)
    body = article.body
    for chrome in (
        "08:15 PM",
        "Sources: AP, Reuters",
        "THE DAILY BRIEF",
        "see more",
        "Most popular",
        "in your pocket",
        "Google Play",
        "Download",
    ):
        assert chrome not in body, chrome
    assert "Europe" not in article.paragraphs
    assert (
        article.paragraphs[-1] == "Turnout rose to 66 percent, the highest in nearly three decades."
    )


def test_given_title_is_used_and_its_repeat_in_the_body_dropped() -> None:
    title = "Portugal's centre-right wins snap election but falls short of majority"
    article = _clean(texts.ELECTION, title=f"  {title}\n")
    assert article.title == title
    assert title not in article.body


def test_hard_wrapped_paragraphs_are_joined() -> None:
    article = _clean(texts.WRAPPED)
    assert article.title.startswith("Chipmaker Norvel agrees to buy")
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0] == (
        "Norvel Semiconductor said on Tuesday it had agreed to buy Hallam Instruments, a maker "
        "of industrial pressure sensors, for $2.1 billion in cash, its largest acquisition "
        "since the company was founded in 1998."
    )


def test_text_without_headline_keeps_its_lead_sentence() -> None:
    article = _clean(texts.NO_HEADLINE)
    assert article.paragraphs[0].startswith("On Thursday the city council of Tarsel approved")
    assert article.title.startswith("On Thursday the city council of Tarsel")
    assert len(article.paragraphs) == 3


def test_a_text_that_opens_with_its_lead_is_headed_by_its_first_sentence() -> None:
    text = (
        "Storm closes the port of Harlow for the second time this winter as gales hit the coast. "
        "The harbour master said ferries would not sail before Tuesday, and fishing boats were "
        "told to stay in the inner basin while the wind stays above 60 knots."
    )
    article = clean_article(RawArticle(text=text))
    assert isinstance(article, Article)
    assert article.title == (
        "Storm closes the port of Harlow for the second time this winter as gales hit the coast."
    )
    assert article.paragraphs == (text,)


def test_unicode_and_whitespace_are_normalised() -> None:
    decomposed = "Cafe\u0301"
    text = texts.WRAPPED.replace("Norvel Semiconductor", f"{decomposed}\u00a0\u00a0Semiconductor")
    text = text.replace("The deal,", "The\u200b deal,\t")
    article = _clean(text)
    assert article.paragraphs[0].startswith("Café Semiconductor said")
    assert article.paragraphs[1].startswith("The deal, which values Hallam")


def test_metadata_is_carried_over() -> None:
    raw = RawArticle(text=texts.WRAPPED, url="https://x.test/a", outlet="X", origin="x.txt")
    article = clean_article(raw)
    assert isinstance(article, Article)
    assert (article.url, article.outlet, article.origin) == ("https://x.test/a", "X", "x.txt")


def test_long_text_is_truncated_not_rejected() -> None:
    paragraph = "The committee met again on Friday and agreed to publish its report soon."
    text = "Committee meets\n\n" + "\n\n".join(f"({n}) {paragraph}" for n in range(4000))
    article = _clean(text)
    assert len(text) > CleanSettings().max_chars
    assert sum(len(p) for p in article.paragraphs) <= CleanSettings().max_chars
    assert article.paragraphs[0] == f"(0) {paragraph}"


# ---- rejections ----


@pytest.mark.parametrize("text", ["", "   \n\t \n", "\u00a0\u2003"])
def test_empty_text_is_rejected(text: str) -> None:
    assert _rejected(text).reason == "empty text"


def test_binary_looking_text_is_rejected() -> None:
    junk = bytes(range(256)).decode("latin-1") * 20
    assert "control" in _rejected(junk).reason


def test_text_of_numbers_and_symbols_is_rejected() -> None:
    table = "\n".join(f"{n:>6} | {n * 3.7:>10.2f} | {n % 7:>3} %" for n in range(200))
    assert "letters" in _rejected(table).reason


def test_encoded_blob_is_rejected() -> None:
    blob = "QmVsYXJ1cyBmcmVlcyBwcmlzb25lcnM" * 40
    assert "unbroken" in _rejected(blob).reason


def test_cookie_wall_is_rejected_for_too_little_prose() -> None:
    reason = _rejected(texts.COOKIE_WALL).reason
    assert reason.startswith("too little article text")
    assert "at least 40" in reason


def test_link_list_is_rejected_for_too_little_prose() -> None:
    assert _rejected(texts.LINK_LIST).reason.startswith("too little article text: 0 words")


BRIEF = (
    "Fire damages mayor's church\n\n"
    "The church the mayor attends was badly damaged in an arson fire on Friday night. "
    "Damage is put at $1 million. No one was hurt."
)


def test_a_brief_is_kept_when_its_source_declares_an_article() -> None:
    declared = clean_article(RawArticle(text=BRIEF, declared=True))
    assert isinstance(declared, Article)
    assert declared.title == "Fire damages mayor's church"
    assert declared.paragraphs[0].startswith("The church the mayor attends")
    found = clean_article(RawArticle(text=BRIEF))
    assert isinstance(found, Rejected)
    assert "at least 40" in found.reason


@pytest.mark.parametrize(
    "line",
    [
        "The parliament election is over in the capital.",
        "HARBOUR CITY Fired Its Coach, Named A New One.",
    ],
)
def test_a_declared_brief_may_be_its_headline_alone(line: str) -> None:
    article = clean_article(RawArticle(text=line, title=line, declared=True))
    assert isinstance(article, Article)
    assert article.title == line
    assert article.paragraphs == (line,)


@pytest.mark.parametrize("text", [texts.LINK_LIST, "Breaking news", "Read more\n\nShare"])
def test_a_declared_text_without_a_sentence_of_prose_is_still_rejected(text: str) -> None:
    result = clean_article(RawArticle(text=text, declared=True))
    assert isinstance(result, Rejected)
    assert result.reason.startswith("too little article text")
    assert "at least 5" in result.reason


# dev: chrome lines of real pages in pairs-dev, in six languages
DEV_CHROME = [
    "Смотреть все фото к статье (18)",
    'Подписывайтесь на канал AllHockey в Яндекс.Дзене Источник: Официальный сайт "Торпедо"',
    "Жми, чтобы подписаться на сайт в Яндексе Автор: Константин Салаев",
    "Подробнее об истории здания можно почитать в нашем материале.",
    "Czytaj także: Widowiskowe lądowanie w Birmingham: Światowe media zachwycone",
    "Lesen Sie auch: Corona-Krise - welche Regeln in Berlin gelten",
    "You have reached the limit for free access to our important and valuable work.",
    "Subscribers, click below to login or register your subscription to continue receiving"
    " unlimited access to UnionLeader.com.",
    "Or purchase a subscription for unlimited access to real news you can count on.",
]
# dev: prose of the same articles that uses the same words
DEV_PROSE_LIKE_CHROME = [
    "Петицию в его защиту подписали 105 тысяч человек.",
    "Он набрал большую аудиторию подписчиков и не станет их терять из-за какого-то Саакашвили!",
    "Смотрите, как спасатели вытащили кота из колодца в центре города.",
]


def test_prompts_and_paywalls_of_other_languages_are_chrome() -> None:
    body = "\n\n".join([texts.WRAPPED, *DEV_CHROME[:-1], DEV_CHROME[-1]])
    article = clean_article(RawArticle(text=body, title="Headline of the article"))
    assert isinstance(article, Article)
    kept = " ".join(article.paragraphs)
    for line in DEV_CHROME:
        assert line[:30] not in kept, line


@pytest.mark.parametrize("line", DEV_PROSE_LIKE_CHROME)
def test_prose_with_the_words_of_prompts_is_kept(line: str) -> None:
    article = clean_article(RawArticle(text=f"{texts.WRAPPED}\n\n{line}", title="A headline"))
    assert isinstance(article, Article)
    assert line in " ".join(article.paragraphs)


def test_a_declared_gallery_is_kept_as_its_headline() -> None:
    """dev: a photo gallery whose only text is its headline and a prompt to see the photos."""
    text = "Продукты поддерживающие сердце\n\nСмотреть все фото к статье (9)"
    article = clean_article(
        RawArticle(text=text, title="Продукты поддерживающие сердце", declared=True)
    )
    assert isinstance(article, Article)
    assert article.paragraphs == ("Продукты поддерживающие сердце",)
    assert isinstance(clean_article(RawArticle(text="Breaking news now", declared=True)), Rejected)


def test_min_prose_words_is_a_setting() -> None:
    strict = CleanSettings(min_prose_words=500)
    assert isinstance(clean_article(RawArticle(text=texts.WRAPPED), strict), Rejected)


# ---- the seed articles ----


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_bodies_hold_no_site_chrome(prefix: str) -> None:
    traps = _gold()["traps"]
    assert isinstance(traps, dict)
    article = _seed(prefix)
    for chrome in traps["not_article_text"]:
        assert chrome not in article.body, chrome
        assert all(chrome not in caption for caption in article.captions), chrome


@pytest.mark.parametrize(
    ("prefix", "lead"),
    [
        ("000", "Belarusian President Alexander Lukashenko freed 123 prisoners on Saturday"),
        ("001", "Belarusian authoritarian leader Alexander Lukashenko has ordered the release"),
        ("002", "Belarusian President Alexander Lukashenko has freed 123 prisoners"),
        ("003", "Belarus has released a total of 123 prisoners"),
        ("004", "On Saturday, December 13, the Belarusian authorities released 123"),
    ],
)
def test_seed_lead_sentence_opens_the_body(prefix: str, lead: str) -> None:
    assert _seed(prefix).paragraphs[0].startswith(lead)


def test_seed_000_photo_captions_are_kept_apart() -> None:
    article = _seed("000")
    assert len(article.captions) == 2
    assert "September 9, 2021" in article.captions[0]
    assert "December 3, 2020" in article.captions[1]
    for date in ("September 9, 2021", "December 3, 2020", "Sputnik", "Getty Images"):
        assert all(date not in paragraph for paragraph in article.paragraphs), date
    assert article.body.count("Lukashenko frees Nobel winner") == 0
    assert "Posted On" not in article.body


def test_seed_000_last_paragraph_survives_the_footer() -> None:
    article = _seed("000")
    assert article.paragraphs[-1].startswith("Belarusian human rights group Viasna")
    assert "trusted sources" not in article.body


def test_seed_002_bialatski_caption_is_a_caption_once() -> None:
    article = _seed("002")
    assert len(article.captions) == 1
    assert "Ales Bialatski" in article.captions[0]
    assert not article.captions[0].endswith("Reuters")
    assert "Bialatski" not in article.body
    assert "U.S." not in article.paragraphs


def test_seed_001_bullets_are_content() -> None:
    article = _seed("001")
    assert "Thousands were arrested" in article.paragraphs
    assert any(p.startswith("Maria Kalesnikava, a leading figure") for p in article.paragraphs)
    assert "RksNews" not in article.body
    assert "Sanctions Relief in Exchange for Prisoner Release" not in article.body


def test_seed_004_without_headline_keeps_every_line() -> None:
    raw = next(texts.SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    assert len(_seed("004").paragraphs) == len(raw.strip().splitlines())


# ---- properties ----


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000), st.one_of(st.none(), st.text(max_size=200)))
def test_clean_never_raises_and_answers_with_a_typed_value(text: str, title: str | None) -> None:
    result = clean_article(RawArticle(text=text, title=title, origin="prop"))
    assert isinstance(result, Article | Rejected)
    assert result.origin == "prop"
    if isinstance(result, Article):
        assert all(p and p == p.strip() for p in result.paragraphs)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "\u00a0", "\t"]), min_size=1, max_size=30))
def test_clean_ignores_how_words_are_spaced(spaces: list[str]) -> None:
    words = texts.WRAPPED.split(" ")
    respaced = "".join(
        word + spaces[index % len(spaces)] for index, word in enumerate(words)
    ).strip()
    assert _clean(respaced).paragraphs == _clean(texts.WRAPPED).paragraphs


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["\x00", "\ud800", "\udfff", "\x7f", "\ufffd"]), min_size=1))
def test_control_and_invalid_characters_between_words_leave_one_space(odd: list[str]) -> None:
    words = texts.WRAPPED.split(" ")
    spoiled = " ".join(
        f"{odd[index % len(odd)]} {word}" if index % 40 == 17 else word
        for index, word in enumerate(words)
    )
    assert _clean(spoiled).paragraphs == _clean(texts.WRAPPED).paragraphs


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_a_metadata_line_can_be_stored_and_shown(value: str) -> None:
    line = clean_line(value)
    if line is None:
        return
    line.encode("utf-8")
    assert "\x00" not in line
    assert "\n" not in line
    assert line == line.strip()
    assert "  " not in line
    assert clean_line(line) == line


def test_metadata_keeps_its_text_without_what_cannot_be_stored() -> None:
    article = clean_article(
        RawArticle(
            text=texts.WRAPPED,
            outlet="  The\u200b Daily\x00\n Post ",
            url=" https://example.com/a\ud800b ",
            external_id="id\x00-7",
            origin="t",
        )
    )
    assert isinstance(article, Article)
    assert (article.outlet, article.url, article.external_id) == (
        "The Daily Post",
        "https://example.com/ab",
        "id-7",
    )
    assert clean_line(" \x00\u200b ") is None


def test_an_article_that_names_no_outlet_is_known_by_its_site() -> None:
    """A JSONL line or feed item with a URL but no outlet: its citations name the site, and
    outlets are counted apart, instead of all being one "unknown outlet"."""
    text = "Belarus freed 123 prisoners on Saturday after talks with a US envoy in Minsk."
    raw = RawArticle(text=text, url="https://www.lemonde.fr/international/article/1", declared=True)
    article = clean_article(raw)
    assert isinstance(article, Article)
    assert article.outlet == "lemonde.fr"
    named = clean_article(RawArticle(text=text, url=raw.url, outlet="Le Monde", declared=True))
    assert isinstance(named, Article)
    assert named.outlet == "Le Monde"


def test_a_promotion_inside_a_flattened_page_is_dropped_and_the_prose_kept() -> None:
    """dev 1484116468: the page came as one line, its newsletter prompt inside the story (two
    articles of this outlet about different events shared it word for word); a photo credit
    glued to the next sentence stays, with that sentence."""
    text = (
        "Se ha auxiliado a la población civil afectada en Chihuahua, México, Nuevo León,"
        " Querétaro, Tlaxcala y Zacatecas. Al hacer click en enviar quedaras regitrad@ a nuestro"
        " boletín el cual podrás cancelar en cualquier momento;no olvides revisar tu carpeta de"
        " spam. Con motivo de los diferentes frentes fríos que han impactado el territorio"
        " nacional, se han desplegado mil 70 elementos del Ejército y Fuerza Aérea Mexicanos."
        " Credit: AP Thai police on Sunday shot dead a soldier who killed 26 people."
    )
    article = clean_article(RawArticle(text=text, declared=True))
    assert isinstance(article, Article)
    assert "boletín" not in article.body
    assert "mil 70 elementos" in article.body
    assert "killed 26 people" in article.body


def test_a_posts_hashtags_are_dropped_and_a_single_one_kept() -> None:
    """dev u483e06f379c13f02: a post's tags glued to its last sentence."""
    text = (
        "Утром 10 ноября стало известно, что убитая и расчлененная выпускница СПбГУ хотела"
        " расстаться с историком и переехать в Москву. #петербург#спб#происшествие#спбгу\n\n"
        "#новости #петербург\n\nThe #MeToo movement spoke up for her, her friends said."
    )
    article = clean_article(RawArticle(text=text, title="Череп в Мойке", declared=True))
    assert isinstance(article, Article)
    assert article.paragraphs == (
        "Утром 10 ноября стало известно, что убитая и расчлененная выпускница СПбГУ хотела"
        " расстаться с историком и переехать в Москву.",
        "The #MeToo movement spoke up for her, her friends said.",
    )


def test_a_text_of_hashtags_alone_is_no_article() -> None:
    rejected = clean_article(RawArticle(text="#новости #петербург #спб", declared=True))
    assert isinstance(rejected, Rejected)
    assert "hashtags" in rejected.reason
