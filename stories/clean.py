"""Turn a raw article text into a clean Article: headline, body paragraphs, photo captions.

Pages arrive with site chrome around the story: navigation rows, share prompts, bylines,
timestamps, photo credits. The rules here look at the *shape* of a line, not at one site's
strings, so they carry over to outlets we have never seen:

- The body is made of prose: lines with enough words that end like a sentence (or are long
  enough to be prose anyway) and are not mostly capitalised words. Bulleted items inside the
  body and the line that introduces them ("Also freed were:") are content too.
- Every other line is dropped: site names, section labels, in-article subheadings, bylines,
  datelines, credits, link rows. Subheadings are dropped on purpose: they are not sentences,
  and every fact we extract must come from a sentence of the article.
- A few kinds of chrome look like prose (promotions, cookie notices, aggregator slogans), so
  they are matched by pattern, and a footer (a run of chrome lines near the end, after which
  there is little prose) is cut as a whole.
- Photo captions are kept apart: a sentence followed by a credit line, a sentence ending in a
  credit ("... Vilnius, Lithuania. Reuters"), or a sentence repeated before the lead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum, auto
from functools import lru_cache
from operator import itemgetter

from rapidfuzz import fuzz

from stories.articles import Article, RawArticle, Rejected
from stories.extract import host_outlet
from stories.language import ENGLISH, detect_language
from stories.sentences import split_paragraph
from stories.stamps import stamped_day


@dataclass(frozen=True, slots=True)
class CleanSettings:
    """Limits for cleaning; the defaults suit news articles in languages written with spaces."""

    min_prose_words: int = 40
    """Fewer words of prose than this after cleaning: not an article (link list, tag page)."""
    min_brief_words: int = 5
    """The same for a text its source declares an article (``RawArticle.declared``): a news
    brief of one sentence, which may be its headline alone."""
    min_headline_words: int = 3
    """The same for such a text whose body was all chrome, its headline left ("Продукты
    поддерживающие сердце" over "Смотреть все фото к статье (9)": a photo gallery)."""
    max_chars: int = 200_000
    """Longer input is cut to this many characters before cleaning."""
    min_sentence_words: int = 5
    """A line with fewer words is never prose (but it can be a bullet)."""
    long_line_words: int = 20
    """A line with this many words is prose even when it does not end like a sentence."""
    title_sentence_words: int = 15
    """A first line that is a sentence of this many words opens the body, not a headline."""
    footer_max_prose_words: int = 30
    """A footer may hold a little prose (a site slogan), never more than this."""
    min_letter_share: float = 0.5
    max_control_share: float = 0.01
    max_long_token_share: float = 0.5
    """Share of characters in tokens over 40 characters (encoded data, URL dumps)."""


class _Kind(Enum):
    PROSE = auto()
    BULLET = auto()
    CHROME = auto()
    SHORT = auto()


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    block: int


# Control characters (C0 and C1 but tab, newline and carriage return), lone surrogates and
# the replacement character that marks undecodable bytes.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\v\f]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# The characters each substitution above acts on, so that a text without any of them (most
# texts) skips the regex scan. Spaces: a lone " " is left as it is, so only a double space,
# a tab or an exotic space needs the substitution.
_LINE_BREAK_CHARS = ("\r", "\v", "\f", "\x85", "\u2028", "\u2029")
_INVISIBLE_CHARS = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
_EXOTIC_SPACES = (*"\u00a0\u1680\u202f\u205f\u3000", *map(chr, range(0x2000, 0x200B)))
# Character counts that regexes would take a Python object per match for are done on bytes:
# the ASCII part of a text by bytes.translate, the (usually few) other characters by a regex
# that skips ASCII. "Letter" is what the regex class [^\W\d_] matches.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_NON_ASCII_LETTERS = re.compile(r"[^\x00-\x7f\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_NON_UPPER = bytes(b for b in range(128) if not chr(b).isupper())
_ASCII_NON_LOWER = bytes(b for b in range(128) if not chr(b).islower())
_ABBREVIATION_END = re.compile(r"\b(?:[A-Za-z]\.){2,}$")
#: whitespace-separated tokens longer than this are encoded data or URL dumps
_LONG_TOKEN_CHARS = 40
#: a headline longer than this is shortened, and a first line longer than this is body text;
#: fixed rather than configured, so that a headline is cut the same way wherever it is shown
#: (a story's name, /summary's sources, a digest)
_MAX_TITLE_CHARS = 160
#: bytes that are not part of a \w+ word become spaces (bytes of non-ASCII characters stay)
_ASCII_NON_WORD_TO_SPACE = bytes(
    b if b >= 128 or b == ord("_") or chr(b).isalnum() else ord(" ") for b in range(256)
)
_NON_ASCII_NON_WORD = re.compile(r"[^\x00-\x7f\w]+")
_SPACE_RUN = re.compile(rb"  +")
_FIRST = itemgetter(0)
_CLOSERS = "\"'”’»)]*"
_SENTENCE_END = ".!?…:"

_BULLET = re.compile(r"^(?:[•·▪▫‣◦●○■□►▶➤✓✔*]|[-–—](?=\s))\s*(?P<text>\S.*)$")

_AGENCY = re.compile(
    r"\b(?:reuters|ap|afp|getty(?:\s+images)?|epa(?:-efe)?|efe|bloomberg|xinhua|tass|sputnik"
    r"|ria\s+novosti|shutterstock|alamy|anadolu(?:\s+agency)?|nurphoto|zuma(?:\s+press)?"
    r"|sopa(?:\s+images)?|associated\s+press|agence\s+france-presse|pa(?:\s+(?:images|wire|media))?"
    r"|dpa|anp|aap|imago|corbis|upi|pool|handout|lightrocket|belta|ukrinform)\b",
    re.IGNORECASE,
)
_CREDIT_WORDS = re.compile(
    r"\b(?:via|photo(?:graph)?s?|image|images|pictures?|credit|by|for|and|the|/)\b|[©()/,|&]",
    re.IGNORECASE,
)
_PHOTO_PREFIX = re.compile(
    r"^\(?(?:photo(?:graph)?s?|images?|pictures?|video|credits?|foto|illustration)"
    r"\s*(?:by\b|:|/)",
    re.IGNORECASE,
)
_MAX_CAPTION_WORDS = 60
_CAPTION_CREDIT = re.compile(r"^(?P<caption>.{20,}?[.!?][\"'”’]?)\s+(?P<credit>[^.!?]{2,80})$")
# The credit holds no [.!?], so a caption can only end at the line's last one: what follows it
# must look like this, which is checked first (cheaply) before the whole line is matched.
_CAPTION_CREDIT_TAIL = re.compile(r"[\"'”’]?\s+[^.!?]{2,80}$")

_BYLINE = re.compile(r"^(?:[Bb][Yy]:\s*\S|(?:By|BY)\s+[A-Z][\w.'’-]*\s+[A-Z])")
_POSTED = re.compile(r"^(?:posted|published|updated|last\s+updated|modified)\b", re.IGNORECASE)
_READ_TIME = re.compile(r"\b\d+\s*-?\s*min(?:ute)?s?\.?\s+read\b", re.IGNORECASE)
_LINK_PROMPT_WORDS = (
    r"(?:(?:read|see|view|show|load|watch|listen(?:\s+to)?)\s+(?:more|this|also|full|the\s+full"
    r"|all|next|related|now|on)\b|(?:most|also)\s+(?:read|popular|viewed|shared|watched)\b"
    r"|related(?:\s+(?:articles?|stories|news|content|topics|coverage))?\s*:?$|recommended\b"
    r"|trending\b|you\s+may\s+also\s+like|more\s+(?:from|on|about|stories)\b|advertisement\b"
    r"|sponsored\b|continue\s+reading\b|top\s+stories\b|latest\s+news\b)"
)
_LINK_PROMPT = re.compile("^" + _LINK_PROMPT_WORDS, re.IGNORECASE)
#: the same prompts in the other languages read (a line opening with one is chrome)
_LINK_PROMPT_ELSEWHERE_WORDS = (
    r"(?:(?:смотр|дивіт|дивит|глядз)\w*\s+(?:все|всі|усе|также|також|таксама)\b"
    r"|(?:читайте|читай|чытайце)\s+(?:также|тоже|також|таксама|еще|ещё|далее|далі)\b"
    r"|подробнее\b|детальніше\b|падрабязней\b"
    r"|(?:lesen|sehen)\s+sie\s+(?:auch|mehr)\b|mehr\s+zum\s+thema\b|weiterlesen\b"
    r"|alle\s+(?:fotos|bilder)\b|(?:czytaj|zobacz)\s+(?:też|także|również|więcej)\b"
    r"|(?:à\s+)?(?:lire|voir)\s+(?:aussi|également|la\s+suite)\b"
    r"|(?:lee|lea|leer|ver|vea)\s+(?:también|más)\b|leia\s+(?:também|mais)\b"
    r"|(?:leggi|vedi)\s+anche\b|(?:taip\s+pat\s+)?skaitykite\b|(?:haberin\s+)?devamı\b"
    r"|ilgili\s+haber|اقرأ\s+(?:أيضا|أيضاً|ايضا))"
)
_LINK_PROMPT_ELSEWHERE = re.compile("^" + _LINK_PROMPT_ELSEWHERE_WORDS, re.IGNORECASE)
#: a word every subscription prompt and promotion (``_SUBSCRIBE``, ``_PROMO``) has: a long
#: line without one holds none, and is not split into sentences to look (the patterns cost
#: a tenth of a millisecond an article on a long line)
_PROMOTION_WORDS = (
    "subscri", "newsletter", "bolet", "abonn", "abone", "iscriviti", "suscr", "subskryb",
    "zapisz", "подпис", "подпиш", "підпис", "падпіс", "рассылк", "unlimited access",
    "limit for free", "limit of free", "sign up", "download", "follow us", "click here",
    "rights reserved", "cookie", "continuing to", "in your pocket", "javascript", "browser",
    "read the latest", "copyright", "©",
)  # fmt: skip
#: a link prompt opening a sentence inside a line
_PROMPT_INSIDE = re.compile(
    r"(?<=[.!?;] )(?:" + _LINK_PROMPT_WORDS + "|" + _LINK_PROMPT_ELSEWHERE_WORDS + ")",
    re.IGNORECASE,
)
#: subscription prompts and paywalls in the other languages, and English paywalls
_SUBSCRIBE = re.compile(
    r"\b(?:подписывайтесь|подпишитесь|підписуйтесь|падпісвайцеся|чтобы\s+подписаться"
    r"|jetzt\s+abonnieren|newsletter\s+abonnieren|subskrybuj|zapisz\s+się\s+do\s+newslettera"
    r"|abonnez-vous|suscríbete|iscriviti|abone\s+ol"
    r"|(?:nuestro|al)\s+bolet[íi]n|newsletter\s+(?:abonnieren|bestellen|anmelden)"
    r"|(?:inscrivez|inscrivez-vous)\s+(?:à|a)\s+(?:notre|la)\s+newsletter|подпишитесь\s+на\s+рассылку"
    r"|(?:purchase|upgrade|register)\s+(?:a\s+|your\s+)?subscription"
    r"|reached\s+the\s+limit\s+(?:for|of)\s+free|unlimited\s+access|thanks\s+for\s+being\s+a"
    r"\s+subscriber|subscribers?,?\s+click)",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r"^\(?(?:(?:sources?|credits?|via)\s*:|(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by"
    r"|compiled\s+by|with\s+(?:additional\s+)?reporting\s+(?:by|from)\b)",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"\b(?:subscribe\s+(?:to|now|for)|sign\s+up\s+(?:for|to|now)|(?:our|free|daily|weekly)"
    r"\s+newsletters?|download\s+(?:our|the)\s+app|follow\s+us\s+on|click\s+here|all\s+rights"
    r"\s+reserved|we\s+use\s+cookies|cookie\s+(?:policy|settings)|accept\s+(?:all\s+)?cookies"
    r"|by\s+continuing\s+to\s+(?:browse|use)|in\s+your\s+pocket|enable\s+javascript"
    r"|(?:update|upgrade)\s+your\s+browser|read\s+the\s+latest\s+(?:\w+\s+){0,4}news"
    r"|copyright\s+\d{4}|©)",
    re.IGNORECASE,
)
_NAV = re.compile(
    r"\b(?:contact(?:\s+us)?|site\s*map|follow(?:\s+us)?|about(?:\s+us)?|home(?:page)?"
    r"|privacy(?:\s+policy)?|terms(?:\s+(?:of\s+(?:use|service)|and\s+conditions))?"
    r"|cookies?(?:\s+(?:policy|settings))?|accessibility|careers|jobs|advertise(?:\s+with\s+us)?"
    r"|subscribe|subscriptions?|newsletters?|sign\s+(?:in|up|out)|log\s*(?:in|out)|register"
    r"|(?:my\s+)?account|share(?:\s+this)?|tweet|e-?mail|print|copy\s+link|whatsapp|facebook"
    r"|twitter|x|linkedin|telegram|instagram|youtube|tiktok|rss|download|apps?|app\s+store"
    r"|play\s+store|google\s+play|logo|application|menu|search|skip\s+to(?:\s+main)?\s+content"
    r"|back\s+to\s+top|top|next|prev(?:ious)?|comments?|feedback|help|faq|get|our|the|on|in"
    r"|with|for|us|now|free|and|more|news|a|to|here|store|mobile)\b",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_OR_TIME = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:gmt|utc|[ecmp][sd]?t|cet|msk))?"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?\b"
    r"|\b\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
# Searching with re.IGNORECASE is slow for a long alternation (the regex engine cannot skip a
# branch on its first letter), so the chrome patterns whose only answer is yes or no run
# without it on the lowered line. The answers are the same: each of these patterns is written
# in lowercase and uses only letters, "-", ".", "©", \w, \s, \d and \b, and the lowercase of
# every character is one character that each of these matches exactly as the character
# itself does under re.IGNORECASE, except for these three (İ, ı, ſ).
_CASE_EXCEPTIONS = ("\u0130", "\u0131", "\u017f")


def _lowercase_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without re.IGNORECASE, to run on lowered text (see _CASE_EXCEPTIONS)."""
    if pattern.pattern != pattern.pattern.lower():
        raise ValueError(f"not written in lowercase: {pattern.pattern!r}")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


_AGENCY_LOWER = _lowercase_twin(_AGENCY)
_READ_TIME_LOWER = _lowercase_twin(_READ_TIME)
_PROMO_LOWER = _lowercase_twin(_PROMO)
_NAV_LOWER = _lowercase_twin(_NAV)
#: every match of _DATE_OR_TIME holds a digit: a line without one skips that (slow) regex
_DIGIT = re.compile(r"\d")
_PUNCTUATION = re.compile(r"[^\w\s]")
#: no kind of chrome recognised by ``_is_chrome`` is longer than this many words
_CHROME_MAX_WORDS = 40
_DATELINE_FILLER = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:posted|published|updated|on|at|ago"
    r"|last|modified|am|pm|gmt|utc|et|edt|est|views?)\b|[^\w\s]|\b\d+\b",
    re.IGNORECASE,
)


def clean_article(raw: RawArticle, settings: CleanSettings = CleanSettings()) -> Article | Rejected:
    """Clean one raw article, or say in plain words why it is not an article."""
    if not raw.text.strip():
        return Rejected(raw.origin, "empty text")
    text = _truncate(raw.text, settings.max_chars)
    controls = len(_CONTROL.findall(text))
    problem = _not_text_reason(text, controls, settings)
    if problem is not None:
        return Rejected(raw.origin, problem)
    lines = [
        _without_chrome_sentences(_without_hashtags(line))
        for line in _split_lines(_normalise(text, has_controls=controls > 0))
    ]
    if not lines:
        return Rejected(raw.origin, "empty text (only invisible characters)")
    lines = [line for line in lines if line.text]
    if not lines:
        return Rejected(raw.origin, "no article text: only hashtags")
    title, lines = _take_title(raw.title, lines, settings)
    joined = _join_wrapped(lines)
    paragraphs, captions = _separate(joined, settings)
    if raw.declared and not paragraphs:
        # A brief its source calls an article: its one line, when that is not chrome, though
        # it is no sentence ("A blog about life under, and resisting, a dictatorship"; several
        # such lines are a list of links); or, when its headline is all its text, the
        # headline, even in Title Case.
        if len(joined) == 1 and not _is_chrome(joined[0].text):
            paragraphs = [joined[0].text]
        elif title and not _is_chrome(title):
            paragraphs = [title]
    words = sum(map(_word_count, paragraphs))
    minimum = settings.min_brief_words if raw.declared else settings.min_prose_words
    if raw.declared and paragraphs == [title] and _all_chrome(joined):
        minimum = settings.min_headline_words
    if words < minimum:
        return Rejected(
            raw.origin,
            f"too little article text: {words} words of prose after removing site chrome "
            f"(an article needs at least {minimum})",
        )
    language = detect_language("\n".join((title, *paragraphs[:3])))
    return Article(
        title=title,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        url=_bare(raw.url),
        # A source that names no outlet is known by its site.
        outlet=clean_line(raw.outlet) or host_outlet(raw.url),
        published=raw.published,
        external_id=_bare(raw.external_id),
        origin=raw.origin,
        language=language,
        stamped=None
        if raw.published is not None
        else stamped_day(f"{raw.title or ''}\n{text}", language or ENGLISH),
    )


def _all_chrome(lines: list[_Line]) -> bool:
    """Whether a text's lines, one at least, are all chrome (its headline taken out)."""
    return bool(lines) and all(_is_chrome(line.text) for line in lines)


def clean_line(value: str | None) -> str | None:
    """One line of metadata from outside (an outlet, a feed's title) as it can be shown and
    stored: NFC, no control, invalid or invisible characters, single spaces; None if nothing
    is left.

    A JSON string may hold a NUL or a lone surrogate (``"\\ud800"``), which no database
    stores: one such field would refuse the whole batch it was written with.
    """
    if value is None:
        return None
    return (
        " ".join(_INVISIBLE.sub("", _bare(unicodedata.normalize("NFC", value)) or "").split())
        or None
    )


def _bare(value: str | None) -> str | None:
    """An identifier (a URL, an input id) without control or invalid characters and outer
    spaces, otherwise as given; None if nothing is left."""
    if value is None:
        return None
    return _CONTROL.sub("", value).strip() or None


# ---- input checks and normalisation ----


def _truncate(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    boundary = cut.rfind("\n")
    return cut[:boundary] if boundary > max_chars // 2 else cut


def _not_text_reason(text: str, controls: int, settings: CleanSettings) -> str | None:
    """Say why ``text`` (with ``controls`` control characters) is not natural-language text.

    None when it is.
    """
    lengths = list(map(len, text.split()))
    visible = sum(lengths)
    if not visible:
        return "empty text"
    if controls / visible > settings.max_control_share:
        return f"not natural-language text: {controls} control or invalid characters (binary data?)"
    letters = _letter_count(text)
    if letters / visible < settings.min_letter_share:
        share = round(100 * letters / visible)
        return f"not natural-language text: only {share}% of its characters are letters"
    long_chars = sum(length for length in lengths if length > _LONG_TOKEN_CHARS)
    if long_chars / visible > settings.max_long_token_share:
        return "not natural-language text: mostly long unbroken strings (encoded data or URLs?)"
    return None


def _letter_count(text: str) -> int:
    """How many characters of ``text`` the regex class [^\\W\\d_] matches."""
    ascii_part = text.encode("ascii", "ignore")
    letters = len(ascii_part.translate(None, _ASCII_NON_LETTERS))
    if len(ascii_part) != len(text):
        letters += sum(map(len, _NON_ASCII_LETTERS.findall(text)))
    return letters


def _normalise(text: str, has_controls: bool = True) -> str:
    """NFC, one kind of line break, no invisible characters, single spaces, no controls.

    ``has_controls=False`` says the text holds no ``_CONTROL`` character (NFC may add one).
    """
    normal = unicodedata.normalize("NFC", text)
    if normal != text:
        has_controls = True
    text = normal
    if any(char in text for char in _LINE_BREAK_CHARS):
        text = _LINE_BREAKS.sub("\n", text)
    if has_controls:
        # Before spaces are squeezed: a control character between two spaces leaves one.
        text = _CONTROL.sub("", text)
    ascii_only = text.isascii()
    if not ascii_only and any(char in text for char in _INVISIBLE_CHARS):
        text = _INVISIBLE.sub("", text)
    if (
        "  " in text
        or "\t" in text
        or (not ascii_only and any(char in text for char in _EXOTIC_SPACES))
    ):
        text = _SPACES.sub(" ", text)
    return text


def _split_lines(text: str) -> list[_Line]:
    """Non-empty lines, each tagged with its block (blocks are separated by blank lines)."""
    lines: list[_Line] = []
    block = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lines.append(_Line(stripped, block))
        else:
            block += 1
    return lines


# ---- title ----


def _take_title(
    given: str | None, lines: list[_Line], settings: CleanSettings
) -> tuple[str, list[_Line]]:
    """The headline and the lines left for the body, without repeats of the headline."""
    title = " ".join(_normalise(given).split()) if given else ""
    if title:
        return _shorten(title), _without_repeats(title, lines)
    first = next((line for line in lines if not _is_chrome(line.text)), lines[0])
    rest = [line for line in lines if line is not first]
    without = _without_repeats(first.text, rest)
    if len(without) == len(rest) and _opens_body(first.text, settings):
        # The text opens with its lead: its first sentence heads it, and stays in the body.
        return first_sentence(first.text) or _shorten(first.text), lines
    return _shorten(first.text), without


def first_sentence(text: str) -> str | None:
    """The first sentence of ``text`` as a headline (shortened), or None for no sentence: it
    heads a text without a headline, and names an article whose title is none
    (``stories.headlines``)."""
    lead = next(split_paragraph(text), None)
    return _shorten(lead.text) if lead else None


def is_chrome(line: str) -> bool:
    """Whether a line is site chrome by its own shape: a byline, a dateline, a credit, a row
    of navigation, a prompt or a promotion (see the module's docstring)."""
    return _is_chrome(line)


def _opens_body(line: str, settings: CleanSettings) -> bool:
    """True when a first line is the lead sentence of a text that has no headline.

    A headline may end in an abbreviation ("... in deal with the U.S."): that is no sentence.
    A line longer than any headline is body text even when it does not end like a sentence.
    """
    if len(line) > _MAX_TITLE_CHARS:
        return True
    if _word_count(line) < settings.title_sentence_words or _ABBREVIATION_END.search(line):
        return False
    return _ends_sentence(line)


def _without_repeats(title: str, lines: list[_Line]) -> list[_Line]:
    key = _key(title)
    return [line for line in lines if not _same_key(key, _key(line.text))]


def _same_key(a: str, b: str) -> bool:
    if a == b:
        return True
    similar_length = min(len(a), len(b)) >= 0.9 * max(len(a), len(b))
    return similar_length and fuzz.ratio(a, b) >= 92


def _shorten(text: str) -> str:
    if len(text) <= _MAX_TITLE_CHARS:
        return text
    cut = text[: _MAX_TITLE_CHARS - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > _MAX_TITLE_CHARS // 2 else cut).rstrip(" ,;:-") + "…"


# ---- line shapes ----


# Lines are looked at many times (title repeats, joins, kinds, captions, footer), so the
# checks that split or scan a whole line keep their answers for the last lines seen.
_LINE_CACHE = 1024


@lru_cache(maxsize=_LINE_CACHE)
def _key(text: str) -> str:
    """The casefolded \\w+ words of ``text`` joined by single spaces."""
    folded = text.casefold()
    if not folded.isascii():
        folded = _NON_ASCII_NON_WORD.sub(" ", folded)
    # Now every character that is not ASCII is a word character: UTF-8 turns it into bytes
    # >= 128, which the table keeps, while ASCII non-word bytes become spaces.
    spaced = folded.encode("utf-8", "surrogatepass").translate(_ASCII_NON_WORD_TO_SPACE)
    return _SPACE_RUN.sub(b" ", spaced).strip(b" ").decode("utf-8", "surrogatepass")


@lru_cache(maxsize=_LINE_CACHE)
def _initials(line: str) -> str:
    """The first character of each whitespace-separated word (one per word)."""
    return "".join(map(_FIRST, line.split()))


def _word_count(line: str) -> int:
    return len(_initials(line))


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


@lru_cache(maxsize=_LINE_CACHE)
def _capitalised_share(line: str) -> float:
    """The share of cased words that start with a capital (title case and names are high)."""
    return _share_of_capitals(_initials(line))


def _share_of_capitals(initials: str) -> float:
    """The share of letters in ``initials`` that are capitals.

    Letters of scripts without case (Arabic, Hebrew, Georgian...) count as not capitals: a
    line of Arabic prose with one Latin brand name in it is not a line of capitalised words.
    """
    ascii_part = initials.encode("ascii", "ignore")
    upper = len(ascii_part.translate(None, _ASCII_NON_UPPER))
    letters = upper + len(ascii_part.translate(None, _ASCII_NON_LOWER))
    if len(ascii_part) != len(initials):
        others = _NON_ASCII.findall(initials)
        upper += sum(map(str.isupper, others))
        letters += sum(map(str.isalpha, others))
    if not letters:
        return 0.0
    return upper / letters


def _is_prose(line: str, settings: CleanSettings) -> bool:
    words = _word_count(line)
    if words < settings.min_sentence_words:
        return False
    if not (_ends_sentence(line) or words >= settings.long_line_words):
        return False
    return _capitalised_share(line) <= 0.75 and not _is_chrome(line)


def _is_credit(line: str) -> bool:
    """A photo or text credit: "A B | Afp | Getty Images", "Reuters", "Photo: AP"."""
    words = _word_count(line)
    if not words or words > 12 or _ends_sentence(line.rstrip(")")):
        return False
    if "|" in line:
        return all(len(part.split()) <= 6 for part in line.split("|"))
    if _PHOTO_PREFIX.match(line):
        return True
    if not _found(_AGENCY, _AGENCY_LOWER, line):
        return False
    rest = _CREDIT_WORDS.sub(" ", _AGENCY.sub(" ", line)).split()
    return len(rest) <= 4 and all(word[:1].isupper() for word in rest)


def _lowers_faithfully(line: str) -> bool:
    """True when lowercase twins on ``line.lower()`` answer as the patterns on ``line``."""
    return line.isascii() or not any(char in line for char in _CASE_EXCEPTIONS)


def _found(pattern: re.Pattern[str], twin: re.Pattern[str], line: str) -> bool:
    """``pattern.search(line)`` found something; ``twin`` is its _lowercase_twin."""
    if _lowers_faithfully(line):
        return twin.search(line.lower()) is not None
    return pattern.search(line) is not None


def _has_date_or_time(line: str) -> bool:
    return _DIGIT.search(line) is not None and _DATE_OR_TIME.search(line) is not None


def _is_dateline(line: str) -> bool:
    """A line of dates and times, perhaps with a section label: "World 10:13 AM - 2025-12-14"."""
    if _word_count(line) > 12 or not _has_date_or_time(line):
        return False
    rest = _DATELINE_FILLER.sub(" ", _DATE_OR_TIME.sub(" ", line)).split()
    return len(rest) <= 2


def _is_nav(line: str) -> bool:
    """A row of navigation, share or app-store links: "Contact Us", "Play Store App Store"."""
    if _word_count(line) > 10:
        return False
    if _lowers_faithfully(line):
        return not _NAV_LOWER.sub(" ", _PUNCTUATION.sub(" ", line.lower())).split()
    return not _NAV.sub(" ", _PUNCTUATION.sub(" ", line)).split()


def _is_byline(line: str) -> bool:
    if _word_count(line) > 14:
        return False
    if line[:3].casefold() == "by:" or _has_date_or_time(line) or "|" in line:
        return bool(_BYLINE.match(line))
    return bool(_BYLINE.match(line)) and _capitalised_share(line) >= 0.6


@lru_cache(maxsize=_LINE_CACHE)
def _is_chrome(line: str) -> bool:
    """Site chrome recognisable by its own shape, wherever it stands."""
    words = _word_count(line)
    if words > _CHROME_MAX_WORDS:  # the promotions below are the longest chrome
        return False
    short = words <= 15
    return (
        _is_credit(line)
        or _is_byline(line)
        or _is_dateline(line)
        or _is_nav(line)
        or (short and bool(_POSTED.match(line) or _found(_READ_TIME, _READ_TIME_LOWER, line)))
        or (words <= 30 and bool(_ATTRIBUTION.match(line)))
        or _is_promotion(line, words)
    )


_HASHTAGS = re.compile(r"(?:\s*#[^\W\d_][\w-]*){2,}")
"""Two hashtags or more in a row: a post's tags, glued to the last sentence
("...переехать в Москву. #петербург#спб#происшествие") or on a line of their own."""


def _without_hashtags(line: _Line) -> _Line:
    if "#" not in line.text:
        return line
    text = _HASHTAGS.sub("", line.text).strip()
    return line if text == line.text else _Line(text, line.block)


def _without_chrome_sentences(line: _Line) -> _Line:
    """A long line without its sentences that are promotions: a page flattened into one
    line carries its newsletter prompt and "read more" links inside the story's prose, where
    no line-level rule finds them."""
    text = line.text
    if _word_count(text) <= _CHROME_MAX_WORDS:
        return line
    lower = text.lower()
    if not (any(word in lower for word in _PROMOTION_WORDS) or _PROMPT_INSIDE.search(text)):
        return line
    sentences = [s.text for s in split_paragraph(text)]
    kept = [text for text in sentences if not _is_promotion(text, _word_count(text))]
    if len(kept) == len(sentences) or not kept:
        return line
    return _Line(" ".join(kept), line.block)


def _is_promotion(text: str, words: int) -> bool:
    """A line or sentence of ``words`` words that is chrome whatever precedes it: a
    subscription or newsletter prompt, a promotion or a link prompt. A credit or a byline is
    not dropped from inside a line: a flattened page glues the next sentence of the story to
    it."""
    return (
        (words <= 15 and bool(_LINK_PROMPT.match(text) or _LINK_PROMPT_ELSEWHERE.match(text)))
        or (words <= 30 and bool(_SUBSCRIBE.search(text)))
        or (words <= _CHROME_MAX_WORDS and _found(_PROMO, _PROMO_LOWER, text))
    )


def _bullet_text(line: str) -> str | None:
    match = _BULLET.match(line)
    return match.group("text").strip() if match else None


def _kind(line: str, settings: CleanSettings) -> _Kind:
    bullet = _bullet_text(line)
    if bullet is not None:
        return _Kind.CHROME if _is_chrome(bullet) or _word_count(bullet) < 2 else _Kind.BULLET
    if _is_chrome(line):
        return _Kind.CHROME
    return _Kind.PROSE if _is_prose(line, settings) else _Kind.SHORT


# ---- hard-wrapped paragraphs ----


def _join_wrapped(lines: list[_Line]) -> list[_Line]:
    """Join lines of one paragraph that a fixed-width layout broke in the middle."""
    joined: list[_Line] = []
    # The initials of joined[-1], kept as it grows: the initials of "a b" are those of a and
    # then of b, so a growing paragraph is not split again at each line.
    initials = ""
    for line in lines:
        if joined and _continues(joined[-1], initials, line):
            joined[-1] = _Line(f"{joined[-1].text} {line.text}", line.block)
            initials += _initials(line.text)
        else:
            joined.append(line)
            initials = _initials(line.text)
    return joined


def _continues(previous: _Line, previous_initials: str, line: _Line) -> bool:
    if previous.block != line.block or _ends_sentence(previous.text):
        return False
    if _BULLET.match(line.text) or _is_chrome(line.text):
        return False
    # len(previous_initials) is the word count of previous: longer text is never chrome
    if len(previous_initials) <= _CHROME_MAX_WORDS and _is_chrome(previous.text):
        return False
    if line.text[:1].islower() or previous.text[-1] in ",;-–—(":
        return True
    return len(previous.text) >= 60 and _share_of_capitals(previous_initials) <= 0.6


# ---- body and captions ----


def _separate(lines: list[_Line], settings: CleanSettings) -> tuple[list[str], list[str]]:
    """Split lines into body paragraphs and photo captions; everything else is dropped."""
    kinds = [_kind(line.text, settings) for line in lines]
    captions = _find_captions(lines, kinds)
    texts = [captions.get(index, line.text) for index, line in enumerate(lines)]
    keys = [_key(text) for text in texts]
    start = _body_start(kinds, keys, captions)
    _mark_leading_repeats(kinds, keys, captions, start, texts)
    end = _footer_start(kinds, lines, captions, start, settings)
    paragraphs = _body(lines, kinds, keys, captions, start, end)
    seen: set[str] = set()
    kept_captions: list[str] = []
    for index in sorted(captions):
        if index < end and keys[index] not in seen:
            seen.add(keys[index])
            kept_captions.append(captions[index])
    return paragraphs, kept_captions


def _find_captions(lines: list[_Line], kinds: list[_Kind]) -> dict[int, str]:
    """Prose lines that describe a photo, mapped to their text without the credit."""
    captions: dict[int, str] = {}
    for index, line in enumerate(lines):
        if kinds[index] is _Kind.BULLET:
            continue
        match = _caption_credit(line.text)
        if match and _is_credit_suffix(match.group("caption"), match.group("credit")):
            captions[index] = match.group("caption")
        elif kinds[index] is _Kind.PROSE and _credit_follows(lines, index):
            captions[index] = line.text
    return captions


def _caption_credit(line: str) -> re.Match[str] | None:
    """``_CAPTION_CREDIT.match(line)``, skipping the regex where the tail rules a match out."""
    end = max(line.rfind("."), line.rfind("!"), line.rfind("?"))
    if end < 20 or not _CAPTION_CREDIT_TAIL.match(line, end + 1):
        return None
    return _CAPTION_CREDIT.match(line)


def _is_credit_suffix(caption: str, credit: str) -> bool:
    """True for "<caption>. Reuters": a credit glued to a caption of caption length."""
    return len(caption.split()) <= _MAX_CAPTION_WORDS and _is_credit(credit.strip("() "))


def _credit_follows(lines: list[_Line], index: int) -> bool:
    """True when the next line credits a photo: in the same block, or a photo-only credit."""
    if index + 1 >= len(lines):
        return False
    following = lines[index + 1]
    if not _is_credit(following.text):
        return False
    same_block = following.block == lines[index].block
    return same_block or "|" in following.text or bool(_PHOTO_PREFIX.match(following.text))


def _body_start(kinds: list[_Kind], keys: list[str], captions: dict[int, str]) -> int:
    """The index of the lead: the first prose line that is neither a caption nor repeated."""
    counts: dict[str, int] = {}
    for index, kind in enumerate(kinds):
        if kind is _Kind.PROSE or index in captions:
            counts[keys[index]] = counts.get(keys[index], 0) + 1
    for index, kind in enumerate(kinds):
        if kind is _Kind.PROSE and index not in captions and counts[keys[index]] == 1:
            return index
    return len(kinds)


def _mark_leading_repeats(
    kinds: list[_Kind],
    keys: list[str],
    captions: dict[int, str],
    start: int,
    texts: list[str],
) -> None:
    """A sentence shown before the lead and again later is a caption: mark every copy."""
    leading = {keys[index] for index in range(start) if kinds[index] is _Kind.PROSE}
    leading |= {keys[index] for index in captions if index < start}
    for index, key in enumerate(keys):
        if key in leading and (kinds[index] is _Kind.PROSE or index in captions):
            captions.setdefault(index, texts[index])


def _footer_start(
    kinds: list[_Kind],
    lines: list[_Line],
    captions: dict[int, str],
    start: int,
    settings: CleanSettings,
) -> int:
    """Where the footer begins: a chrome line after which chrome outweighs a little prose."""
    chrome = content = words = 0
    footer = len(kinds)
    for index in range(len(kinds) - 1, start, -1):
        kind = kinds[index]
        if kind in {_Kind.CHROME, _Kind.SHORT} and index not in captions:
            chrome += 1
        else:
            content += 1
            words += _word_count(lines[index].text)
        if words > settings.footer_max_prose_words:
            break
        if kind is _Kind.CHROME and chrome >= 2 and chrome > content:
            footer = index
    return footer


def _body(
    lines: list[_Line],
    kinds: list[_Kind],
    keys: list[str],
    captions: dict[int, str],
    start: int,
    end: int,
) -> list[str]:
    """Body paragraphs: prose, bullets and their lead-in lines, each paragraph once."""
    paragraphs: list[str] = []
    seen: set[str] = set()
    for index in range(start, end):
        text = _content(lines, kinds, index, end)
        if text is None or index in captions or keys[index] in seen:
            continue
        seen.add(keys[index])
        paragraphs.append(text)
    return paragraphs


def _content(lines: list[_Line], kinds: list[_Kind], index: int, end: int) -> str | None:
    kind = kinds[index]
    text = lines[index].text
    if kind is _Kind.PROSE:
        return text
    if kind is _Kind.BULLET:
        return _bullet_text(text)
    introduces_list = index + 1 < end and kinds[index + 1] is _Kind.BULLET
    if kind is _Kind.SHORT and introduces_list and text.endswith(":"):
        return text
    return None
