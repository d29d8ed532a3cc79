"""People, organisations and places named in one article, with the descriptions it gives them.

A name is a run of capitalised words. The rules use the shape of the text, not lists of names:

- A capitalised word that opens a sentence is a name only if it is not a common English word,
  or if the article also capitalises it where no sentence starts.
- Titles and nationality words in front of a name ("Belarusian President", "U.S. Special
  Envoy") are not part of the name; they become its description.
- The kind comes from votes over every mention of the entity in the article: a personal title,
  a first-name-and-surname shape or a ", who" clause vote for a person; a head word
  ("Committee", "Agency") or a noun in front ("human rights group Viasna") for an
  organisation; a head word ("River"), a preposition ("in Minsk") or a nationality word
  derived from the name ("Belarus" / "Belarusian") for a place. A one-word name without any
  cue is left out: a wrong kind is worse than a missing mention.
- A surname alone (or a first name alone) takes the fullest name of the person it matches.

In another language (``find_mentions(..., language=...)``) the same runs are cut by that
language's words (see ``_Language``): a capitalised word common in the language (wordfreq)
and unknown as a name is a noun, a title or a place, not part of a person's name. German
capitalises every noun, so there every common word is cut, and so is a noun after an article
("die Oppositionspolitikerin Maria Kolesnikowa"); elsewhere a capitalised word inside a
sentence is a proper noun, and only runs longer than a name ("Президент Беларуси Александр
Лукашенко") or opening a sentence lose their common words. A case form of a surname alone
("Колесникову") takes the full name it is a form of.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import attrgetter, itemgetter
from typing import NamedTuple

from wordfreq import zipf_frequency

from stories import lexicon
from stories.case_endings import case_stem
from stories.facts import EntityKind, Mention, Span
from stories.language import ENGLISH, NOUNS_CAPITALISED, word_zipf
from stories.lexicon import CALENDAR, HONORIFICS, ROLE_TITLES, TITLE_ABBREVIATIONS
from stories.names import skeleton as name_skeleton
from stories.scripts import latin
from stories.sentences import Sentence

_TOKEN = re.compile(
    r"(?=[^\W_])([a-z][\w'’]*(?:-(?![A-Z]\.)[\w'’]*)*(?<=\w)"
    r"|(?:[A-Z]\.){2,}"
    r"|(?:" + "|".join(map(str.capitalize, TITLE_ABBREVIATIONS)) + r")\."
    r"|[^\W\d_][\w'’]*(?:-(?![A-Z]\.)[\w'’]*)*(?<=\w)"
    r"|\d+(?:[.,]\d+)*)"
)
"""A word (one group, so that ``split`` returns the words with the gaps between them). Both
shortcuts keep the matches as they are: the lookahead on a letter or digit, which every branch
starts with, rejects a gap in one step instead of trying each branch; the first branch is the
fourth one for a word in lowercase, which no other branch can match: tried first, it spares
most words the abbreviation and title branches."""
_FIRST = itemgetter(0)
_CAPITALISED = attrgetter("capitalised")
_POSSESSIVE = re.compile(r"['’]s?$")
_POSSESSIVE_ENDINGS = ("'s", "’s")
_PLAIN_GAP = " \u00a0"
_OPENS_SENTENCE = re.compile(r"(?:^|[“\"‘(:•\-–—]\s*|\n)$")
_DEMONYM = re.compile(r"[A-Z][a-z]+?(?:(?P<sure>ian|ean|ese|ish)|an|i)")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
COUNTRY_ACRONYMS = frozenset({"US", "USA", "UK", "UAE"})

ORG_HEADS = frozenset(
    "committee union group ministry agency company corporation corp inc ltd llc plc bank party "
    "council commission court university institute foundation association organisation "
    "organization federation office department service survey directorate army police navy "
    "forces times post news press journal network channel airlines airways club fc league "
    "assembly parliament congress senate government administration board fund bureau academy "
    "school college hospital church museum society centre center authority holdings motors "
    "industries express media coalition alliance movement front embassy logistics conference "
    "division".split()
)
PLACE_HEADS = frozenset(
    "street road avenue square river sea ocean lake bay gulf mountains mountain valley island "
    "islands coast province region district county city states kingdom republic highway "
    "bridge airport border peninsula desert strait canal park".split()
)
PLACE_LEADS = frozenset(
    "united north south east west new san santa saint lake mount cape fort port".split()
)
MISC_HEADS = frozenset(
    "prize prizes award awards medal cup games olympics war act treaty agreement accord summit "
    "festival day week month year".split()
)
ORG_NOUNS = frozenset(
    "group company firm agency channel airline party organisation organization newspaper "
    "broadcaster bank ministry union network outlet carrier operator maker giant team club "
    "charity station magazine producer insurer lender retailer startup".split()
)
PLACE_NOUNS = frozenset(
    "city capital town village region province country district port island river state "
    "county republic".split()
)
PLACE_PREPOSITIONS = frozenset(
    "in to from near across into at outside inside towards toward via throughout within".split()
)
NAME_PARTICLES = frozenset("de van von der den bin al da dos du la le di del".split())
SPEECH_VERBS = frozenset(lexicon.SPEECH_VERBS)  # looked up word by word
FUNCTION_WORDS = frozenset(
    "a an the this that these those his her its their our my your whose which who whom what "
    "and or but nor so yet if as at by for from in into of on onto to with without over under "
    "about after before between during since until while when where why how than then also "
    "although though once finally however meanwhile instead even just is are was were be been "
    "being has have had do does did will would can could should may might must not no "
    "including among against per via like said says told it he she they we i you him them us "
    "me there here all both each every some any such".split()
)
PRONOUNS = frozenset("he she they it we i you him her them".split())
DETERMINERS = frozenset("the a an its his her their our my your this that these those".split())
VERB_CUES = frozenset(
    "to that which who will would can could should may might must do does did has have had "
    "is are was were be been being".split()
)
CONJUNCTIONS = frozenset("and or but".split())
ROLE_MODIFIERS = frozenset("former exiled acting then late new outgoing incoming".split())
APPOSITIVE_OPENERS = frozenset("a an the one another who whose which now then former".split())
CLAUSE_BREAKS = frozenset("that said says told and but while when after because".split())
_APPOSITIVE_END = re.compile(r",|;|\s[—–-]\s|[—–(]|$")
_PLURAL_CLAUSE = re.compile(r"who (?:were|are|have)\b")
_SUBORDINATE = re.compile(r"\s(?:while|when|because|although|after|before|whose)\s")
_DEMONYM_ENDINGS = ("ian", "n", "ese", "i", "ish", "vian")

COMMON_ZIPF = 3.3
"""A sentence-initial word at least this frequent in English is taken as a common word."""
DEMONYM_ZIPF = 2.5
DEMONYM_PLURAL_ZIPF = 2.9
"""A word shaped like a nationality word ("Belarusian") and this frequent is one."""
MAX_DESCRIPTION_WORDS = 18


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """English frequency of ``word`` (cached: a wordfreq lookup takes about 0.1 ms)."""
    return float(zipf_frequency(word, "en"))


def common_word(word: str) -> bool:
    return zipf(word) >= COMMON_ZIPF


class _Token(NamedTuple):
    """A word of a sentence (a named tuple: an article has thousands, and they must be cheap)."""

    text: str
    start: int
    end: int
    lower: str
    capitalised: bool
    bare: str
    """The word without a possessive ending: "Trump" for "Trump's"."""

    @property
    def possessive(self) -> bool:
        return len(self.bare) != len(self.text)


@dataclass(slots=True)
class _Candidate:
    """One capitalised run in one sentence, before the article-level decisions."""

    surface: str
    start: int
    end: int
    sentence: Sentence
    in_caption: bool
    tokens: tuple[str, ...]
    votes: dict[EntityKind, int]
    description: str | None
    name: str = ""
    weak: bool = False
    """Possibly a common noun: kept only as a part of a full name the article gives."""


@dataclass(frozen=True, slots=True)
class _Context:
    """What the article as a whole says about words: where they are capitalised."""

    mid_capitals: frozenset[str]
    lowercase_words: frozenset[str]
    capitalised_words: frozenset[str]


def find_mentions(
    body: Sequence[Sentence], captions: Sequence[Sentence] = (), language: str | None = None
) -> tuple[Mention, ...]:
    """Every named entity mention in the body and the captions, in text order.

    ``language`` is the article's (None: English or not known)."""
    located = [(s, False) for s in body] + [(s, True) for s in captions]
    tokenised = [(s, flag, _tokens(s.text)) for s, flag in located]
    context = _context(tokens for _, _, tokens in tokenised)
    candidates: list[_Candidate] = []
    if language is None or language == ENGLISH:
        for sentence, in_caption, tokens in tokenised:
            candidates.extend(_candidates(sentence, in_caption, tokens, context))
        return tuple(_decide(candidates))
    rules = _language(language)
    for sentence, in_caption, tokens in tokenised:
        candidates.extend(_foreign_candidates(sentence, in_caption, tokens, context, rules))
    return tuple(_decide(candidates, rules))


# ---- tokens and article context ----


def _tokens(text: str) -> list[_Token]:
    """The words of a sentence, built column by column with C-level ``map`` calls: a loop
    over regex matches was the largest single cost of fact extraction."""
    parts = _TOKEN.split(text)
    words = parts[1::2]
    offsets = list(accumulate(map(len, parts)))
    capitalised = map(str.isupper, map(_FIRST, words))
    if any(map(text.__contains__, _POSSESSIVE_ENDINGS)):
        bares = [word[:-2] if word.endswith(_POSSESSIVE_ENDINGS) else word for word in words]
    else:
        bares = words
    columns = zip(
        words, offsets[:-1:2], offsets[1::2], _lowers(words), capitalised, bares, strict=True
    )
    return list(map(tuple.__new__, repeat(_Token), columns))


def _lowers(words: list[str]) -> list[str]:
    """``word.lower().rstrip(".")`` for each word, in a few calls for the whole sentence.

    Joined by NUL, which no word contains, the words lowercase as they do alone: NUL is
    neither cased nor case-ignorable, so even a capital sigma sees where its word ends. A word
    ends in at most one dot (an abbreviation's), so dropping the dots before NUL strips them.
    """
    if not words:
        return []
    joined = "\x00".join(words).lower() + "\x00"
    return joined.replace(".\x00", "\x00").split("\x00")[:-1]


def _context(sentences: Iterable[list[_Token]]) -> _Context:
    mid: set[str] = set()
    lower: set[str] = set()
    capitals: set[str] = set()
    for tokens in sentences:
        lower.update([t.text for t in tokens if not t.capitalised])
        mid.update([t.bare for t in tokens[1:] if t.capitalised])
        if tokens and tokens[0].capitalised:
            capitals.add(tokens[0].bare)
    capitals |= mid
    return _Context(frozenset(mid), frozenset(lower), frozenset(capitals))


def _opens_sentence(text: str, tokens: list[_Token], index: int) -> bool:
    if index == 0:
        return True
    return _OPENS_SENTENCE.search(text[tokens[index - 1].end : tokens[index].start]) is not None


def _plain_gap(text: str, left: _Token, right: _Token) -> bool:
    """Whether one plain or no-break space, nothing else, separates the two words."""
    return right.start - left.end == 1 and text[left.end] in _PLAIN_GAP


# ---- runs of capitalised words ----


def _runs(text: str, tokens: list[_Token], pairs: bool = True) -> list[tuple[int, int]]:
    """Index ranges ``[i, j)`` of capitalised runs; a possessive ends its run. With
    ``pairs``, two particles join too ("von der Leyen"): not in German, whose prose says
    "von der Polizei".

    Only the capitalised words are visited (most words are not), through ``compress``."""
    runs: list[tuple[int, int]] = []
    j = 0
    for i in compress(range(len(tokens)), map(_CAPITALISED, tokens)):
        if i < j:
            continue
        j = i + 1
        while j < len(tokens) and not tokens[j - 1].possessive:
            if not _plain_gap(text, tokens[j - 1], tokens[j]):
                break
            if tokens[j].capitalised:
                j += 1
            elif joined := _joins(text, tokens, j, pairs):
                j += joined
            else:
                break
        runs.append((i, j))
    return runs


def _joins(text: str, tokens: list[_Token], j: int, pairs: bool) -> int:
    """How many tokens from ``j`` on a name takes through one or two lowercase particles
    and the capitalised word after them ("Ludwig van Beethoven", "Ursula von der Leyen",
    "Ana de la Fuente", "Ministry of Defence"); 0 where it stops."""
    word = tokens[j].text
    particles = 1
    if (
        pairs
        and word in NAME_PARTICLES
        and j + 2 < len(tokens)
        and tokens[j + 1].text in NAME_PARTICLES
    ):
        if not _plain_gap(text, tokens[j], tokens[j + 1]):
            return 0
        particles = 2
    after = j + particles
    if after >= len(tokens) or not tokens[after].capitalised:
        return 0
    if not _plain_gap(text, tokens[after - 1], tokens[after]):
        return 0
    if word in NAME_PARTICLES:
        return particles + 1
    head = tokens[j - 1].lower
    return 2 if word == "of" and (head in ORG_HEADS or head in PLACE_HEADS) else 0


def _candidates(
    sentence: Sentence, in_caption: bool, tokens: list[_Token], context: _Context
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for i, j in _runs(sentence.text, tokens):
        if j == i + 1 and (tokens[i].lower in FUNCTION_WORDS or tokens[i].lower in CALENDAR):
            continue
        candidate = _candidate(sentence, in_caption, tokens, i, j, context)
        if candidate is not None:
            found.append(candidate)
    return found


def _is_title(token: _Token) -> bool:
    return token.lower in ROLE_TITLES


@lru_cache(maxsize=65536)
def _is_demonym(word: str) -> bool:
    """ "Belarusian", "Chinese", "Israeli", "American": shaped like a nationality word and
    frequent; for the weaker endings (-an, -i) its plural must be frequent too ("Americans",
    "Israelis"), which tells "Japan" and "Sergei" apart."""
    match = _DEMONYM.fullmatch(word)
    if match is None or zipf(word.lower()) < DEMONYM_ZIPF:
        return False
    return match["sure"] is not None or zipf(word.lower() + "s") >= DEMONYM_PLURAL_ZIPF


@lru_cache(maxsize=65536)
def _is_abbreviation(word: str) -> bool:
    return "." in word or _ACRONYM.fullmatch(word) is not None


def _candidate(
    sentence: Sentence,
    in_caption: bool,
    tokens: list[_Token],
    i: int,
    j: int,
    context: _Context,
) -> _Candidate | None:
    """The name in ``tokens[i:j]`` without openers, dates and titles, with its votes."""
    text = sentence.text
    words = [t.bare for t in tokens[i:j]]
    lo, hi = i, j
    if _opens_sentence(text, tokens, i) and _common_opener(words, context):
        lo += 1
    while lo < hi and (tokens[lo].lower in CALENDAR or tokens[lo].text == "I"):
        lo += 1
    while lo < hi and tokens[hi - 1].lower in CALENDAR:
        hi -= 1
    words = words[lo - i : hi - i]
    prefix = _title_prefix(tuple(words))
    if prefix == len(words) or words[-1].lower() in MISC_HEADS or len(words[-1]) < 2:
        return None
    speaks = j < len(tokens) and _speaks(tokens[j])
    if len(words) - prefix == 1 and _is_demonym(words[-1]) and not speaks:
        return None
    first = lo + prefix
    name = tuple(words[prefix:])
    end = tokens[hi - 1].start + len(name[-1])
    titled = tokens[lo:first]
    return _Candidate(
        surface=" ".join(name),
        start=sentence.start + tokens[first].start,
        end=sentence.start + end,
        sentence=sentence,
        in_caption=in_caption,
        tokens=name,
        votes=_votes(text, name, tokens, first, hi, titled, context),
        description=_describe(text, tokens, first, titled, end),
    )


def _common_opener(words: list[str], context: _Context) -> bool:
    """Whether the first word of a sentence-initial run is an ordinary word, not a name."""
    word = words[0]
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in CALENDAR:
        return True
    if word in context.mid_capitals or _is_abbreviation(word):
        return False
    if len(words) > 1:
        second = words[1]
        lead = _is_abbreviation(second) or _is_demonym(second) or second.lower() in ROLE_TITLES
        return lead and common_word(lower)
    return lower in context.lowercase_words or common_word(lower)


@lru_cache(maxsize=65536)
def _title_prefix(words: tuple[str, ...]) -> int:
    """How many leading words are a title and its modifiers ("Belarusian President",
    "U.S. Special Envoy"); or, when a later word is a title, all words through it ("Albany
    District Attorney David Soares"). Never a name's own last word ("Martin Luther King"),
    nor words before an organisation or place ("General Motors", "Justice Department")."""
    roles = [_prefix_role(word) for word in words]
    leading = 0
    while leading < len(words) and roles[leading] != _OTHER:
        leading += 1
    while leading and roles[leading - 1] != _TITLE:
        leading -= 1
    titles = [index for index, role in enumerate(roles[:-1]) if role == _TITLE]
    through = titles[-1] + 1 if titles else 0
    if leading == len(words) or through <= leading:
        return leading
    rest = words[through:]
    return leading if _head(rest) in ORG_HEADS or _head(rest) in PLACE_HEADS else through


_OTHER, _TITLE, _MODIFIER = range(3)


@lru_cache(maxsize=65536)
def _prefix_role(word: str) -> int:
    """Whether a word in front of a name is a title, a modifier of a title ("U.S.",
    "Belarusian") or neither."""
    if word.lower().rstrip(".") in ROLE_TITLES:
        return _TITLE
    return _MODIFIER if _is_abbreviation(word) or _is_demonym(word) else _OTHER


def _head(words: Sequence[str]) -> str:
    """The word that names the kind: "Union", or "Department" in "Department of Justice"."""
    if "of" in words[1:]:
        return words[words.index("of") - 1].lower()
    return words[-1].lower()


def _speaks(token: _Token) -> bool:
    return token.text in SPEECH_VERBS


# ---- votes for the kind ----


def _votes(
    sentence: str,
    words: tuple[str, ...],
    tokens: list[_Token],
    i: int,
    j: int,
    titled: list[_Token],
    context: _Context,
) -> dict[EntityKind, int]:
    """Cues for the kind found around the mention ``words`` (summed over the article later)."""
    person, organisation, place = _name_votes(words)
    if titled and any(_is_title(t) for t in titled):
        person += 3
    before = tokens[i - 1].lower if i > 0 else ""
    before2 = tokens[i - 2].lower if i > 1 else ""
    if before == "of" and before2 in PLACE_NOUNS:
        place += 2
    elif before in ORG_NOUNS:
        organisation += 3
    elif before in PLACE_NOUNS:
        place += 2
    elif before in PLACE_PREPOSITIONS or (before == "the" and before2 in PLACE_PREPOSITIONS):
        place += 1
    if j < len(tokens):
        after = tokens[j]
        if _speaks(after) and _plain_gap(sentence, tokens[j - 1], after):
            person += 1
        elif after.lower in ORG_NOUNS:
            organisation += 2
    if len(words) == 1 and _has_demonym(words[0], context):
        place += 2
    end = tokens[j - 1].end
    if sentence.startswith(", who ", end):
        person += 2
    elif sentence.startswith((", which ", " — which ", " - which "), end):
        organisation += 1
    return {
        EntityKind.PERSON: person,
        EntityKind.ORGANISATION: organisation,
        EntityKind.PLACE: place,
    }


@lru_cache(maxsize=65536)
def _name_votes(words: tuple[str, ...]) -> tuple[int, int, int]:
    """The votes for person, organisation and place that the words of a name give by
    themselves, whatever the sentence (cached: a name recurs within and across articles)."""
    head = _head(words)
    single = len(words) == 1
    if head in ORG_HEADS:
        return 0, 3, 0
    if head in PLACE_HEADS or words[0].lower() in PLACE_LEADS:
        return 0, 0, 3
    if single and words[0] in COUNTRY_ACRONYMS:
        return 0, 0, 1
    if single and _ACRONYM.fullmatch(words[0]):
        return 0, 1, 0
    if single and "." in words[0]:
        return 0, 0, 1
    if words[0] == "The" and not single:
        # "The Colts", "The Zamfara State", "The Woodlands Township": a thing's name, not a
        # person's, whatever follows.
        return 0, 0, 0
    shouted = [w for w in words if _shouted(w)]
    if shouted and not single:
        # "РИА Новости", "CBC Toronto", "Амурского ЦГМС": an acronym makes an organisation;
        # a run in capitals ("НЕВСКИХ НОВОСТЕЙ", "CIUDAD DE MÉXICO") is a label or a shouted
        # headline, whose shape says nothing.
        acronym = any(len(w) <= _ACRONYM_LETTERS for w in shouted)
        return (0, 1, 0) if acronym else (0, 0, 0)
    if 2 <= len(words) <= 4:
        return 2, 0, 0
    return 0, 0, 0


#: the most letters a word in capitals has to be read as an acronym (ЦГМС, NCAA, USNS)
_ACRONYM_LETTERS = 4


def _shouted(word: str) -> bool:
    """A word in capitals, not initials ("J.K.", "R.") nor a king's numeral."""
    return (
        word.isupper()
        and "." not in word
        and sum(map(str.isalpha, word)) > 1
        and word not in _ROMAN_NUMERALS
    )


_ROMAN_NUMERALS = frozenset({"II", "III", "IV", "VI", "VII", "VIII"})


def _has_demonym(word: str, context: _Context) -> bool:
    """Whether the article uses a nationality word made from ``word`` (Belarus, Belarusian)."""
    capitalised = context.capitalised_words
    if not capitalised.isdisjoint(map(word.__add__, _DEMONYM_ENDINGS)):
        return True
    stem = word[:-1]
    return word[-1] in "aeo" and not capitalised.isdisjoint(map(stem.__add__, _DEMONYM_ENDINGS))


# ---- descriptions ----


def _describe(
    text: str, tokens: list[_Token], i: int, titled: list[_Token], end: int
) -> str | None:
    """The role or appositive the sentence gives the name, shortest clause only.

    A participle after a comma ("Babaryka, arrested in 2020") is tried late: it may be the
    verb of the sentence instead ("Her rival, Stoianoglo, conceded defeat"), and after a name
    inside a prepositional phrase it belongs to the outer clause ("... in Minsk, confirmed").
    """
    found = _post_appositive(text, end, participle=False) or _pre_appositive(text, tokens, i, end)
    if not found:
        in_phrase = i > len(titled) and tokens[i - len(titled) - 1].lower in PLACE_PREPOSITIONS
        participle = None if in_phrase else _post_appositive(text, end, participle=True)
        found = participle or _role(text, tokens, i, titled)
    return _telling(found)


_EVERYDAY_DESCRIPTION_ZIPF = 5.3
"""A description of one word this common is a conjunction or an adverb the rules took for
one ("though Fogels wasn't sure", "because", "new"); roles are rarer (president 5.1, coach
4.6, lawyer 4.5), and any role title is kept."""


def _telling(description: str | None) -> str | None:
    if description is None or " " in description:
        return description
    lower = description.lower()
    if lower in ROLE_TITLES or zipf(lower) < _EVERYDAY_DESCRIPTION_ZIPF:
        return description
    return None


def _post_appositive(text: str, end: int, participle: bool) -> str | None:
    """ "Maria Kalesnikava, a former flautist and ...", "Tatsiana Khomich, Kalesnikava's sister"."""
    if not text.startswith(", ", end):
        return None
    rest = text[end + 2 :]
    first = rest.split(" ", 1)[0]
    possessive = _POSSESSIVE.search(first) is not None and first[:1].isupper()
    if participle:
        opener = first.endswith("ed") and first.islower()
    else:
        opener = possessive or first.lower() in APPOSITIVE_OPENERS or first.startswith("co-")
    if not opener or _PLURAL_CLAUSE.match(rest):
        return None
    stop = _APPOSITIVE_END.search(rest)
    phrase = rest[: stop.start() if stop else len(rest)]
    content = [
        w
        for w in phrase.split()
        if w.islower() and w not in FUNCTION_WORDS and w not in APPOSITIVE_OPENERS
    ]
    if not content or (first.lower() == "the" and len(phrase.split()) > 6):
        return None
    cut = _SUBORDINATE.search(phrase)
    if cut and len(phrase[: cut.start()].split()) >= 3:
        phrase = phrase[: cut.start()]
    return _short(phrase)


def _pre_appositive(text: str, tokens: list[_Token], i: int, end: int) -> str | None:
    """ "Trump's envoy, John Coale, ...": a noun phrase, a comma, then the name."""
    start = tokens[i].start
    if i == 0 or start < 2 or not text.startswith(", ", start - 2):
        return None
    if end < len(text) and text[end] not in ",.;:)—–" and not text.startswith(" said", end):
        return None
    clause_start = max(text.rfind(mark, 0, start - 2) for mark in (",", ";", ":", "(", "—"))
    clause = [t for t in tokens[:i] if t.start > clause_start]
    broken = False
    for index in range(len(clause) - 1, -1, -1):
        if clause[index].lower in CLAUSE_BREAKS or clause[index].lower == "whose":
            clause, broken = clause[index + 1 :], True
            break
    opener = next(
        (k for k, t in enumerate(clause) if t.lower in DETERMINERS or t.possessive),
        None,
    )
    if opener is None and not broken and (not clause or clause[0] is not tokens[0]):
        return None
    before = clause[opener - 1] if opener else None
    if (
        text.startswith(" said", end)
        and before is not None
        and not before.capitalised
        and before.lower not in FUNCTION_WORDS
    ):
        # A verb's object right before "Orban said" ("we are reviewing the measures every two
        # weeks, Orban said"): the end of what was said, not a phrase set beside the name
        # ("police shot the teenager, Kimani Gray, 16" is one).
        return None
    clause = clause[opener or 0 :]
    if not any(_role_like(t) for t in clause):
        return None
    if len(clause) > 8:
        return None
    return text[clause[0].start : clause[-1].end] if clause else None


def _role_like(token: _Token) -> bool:
    if token.capitalised:
        return token.lower in ROLE_TITLES
    return token.text.replace("-", "").isalpha() and token.lower not in FUNCTION_WORDS


def _role(text: str, tokens: list[_Token], i: int, titled: list[_Token]) -> str | None:
    """ "exiled opposition leader Sviatlana Tsikhanouskaya": words right before the name."""
    first = i - len(titled)
    k = first
    lowercase = 0
    while k > 0 and _plain_gap(text, tokens[k - 1], tokens[k]) and first - k < 6:
        word = tokens[k - 1]
        if word.capitalised:
            if word.lower in CALENDAR or (
                _opens_sentence(text, tokens, k - 1) and word.lower in FUNCTION_WORDS
            ):
                break
        elif (titled and word.lower not in ROLE_MODIFIERS) or not _role_word(
            tokens, k - 1, adjacent=k == first
        ):
            break
        else:
            lowercase += 1
        k -= 1
    if not titled and lowercase == 0:
        return None
    if k == first and not titled:
        return None
    if k == first and all(t.lower in HONORIFICS for t in titled):
        return None
    start = tokens[k].start if k < first else titled[0].start
    stop = titled[-1].end if titled else tokens[first - 1].end
    phrase = text[start:stop].strip()
    return phrase or None


def _role_word(tokens: list[_Token], index: int, adjacent: bool) -> bool:
    """Whether a lowercase word in front of a name can belong to the name's role."""
    word = tokens[index].text
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in SPEECH_VERBS or lower.endswith("ly"):
        return False
    previous = tokens[index - 1] if index > 0 else None
    after_subject = previous is not None and (
        previous.lower in PRONOUNS or (previous.capitalised and index > 1)
    )
    if after_subject and lower.endswith(("s", "ed")) and not lower.endswith("ss"):
        return False
    if previous is not None and previous.lower in CONJUNCTIONS and lower.endswith("ed"):
        return False
    if previous is not None and previous.lower in VERB_CUES:
        return False
    if previous is not None and previous.end == tokens[index].start - 1 and previous.text.isdigit():
        return False
    if not adjacent:
        return True
    if lower.endswith(("ing", "ed")):
        return False
    after_determiner = previous is not None and (
        previous.lower in DETERMINERS or previous.possessive
    )
    return len(lower) >= 5 or after_determiner


def _short(phrase: str) -> str | None:
    words = phrase.split()
    if not words:
        return None
    return " ".join(words[:MAX_DESCRIPTION_WORDS]).rstrip(".,;:")


# ---- other languages ----

# Titles and roles, per language, as the start of the word in lowercase: a Slavic or Baltic
# role is inflected (президента, prezydentem), so a word starting with one is that role.
# In German a role is also the end of a compound ("Oppositionspolitikerin", "Kremlchef").
_ROLES: dict[str, tuple[str, ...]] = {
    "de": (
        "präsident", "kanzler", "minister", "politiker", "kandidat", "gesandte", "botschafter",
        "sprecher", "chef", "führer", "vorsitzende", "leiter", "preisträger", "machthaber",
        "aktivist", "anwalt", "richter", "berater", "abgeordnete", "bürgermeister", "sekretär",
        "oppositionelle", "premier", "könig", "papst", "direktor", "diktator", "staatschef",
        "herrscher", "vertreter", "journalist", "autor", "general", "kommissar", "senator",
        "gouverneur", "regierungschef", "ministerpräsident", "kritiker", "gegner", "anführer",
    ),
    "ru": (
        "президент", "премьер", "министр", "канцлер", "глава", "главы", "главе", "главу",
        "лидер", "спецпосланник", "посланник", "посол", "пресс-секретар", "секретар",
        "спикер", "депутат", "губернатор", "мэр", "председател", "лауреат", "кандидат",
        "оппозиционер", "политик", "активист", "правозащитни", "журналист", "генерал",
        "директор", "король", "папа", "советник", "представител", "сенатор", "экс-",
    ),
    "uk": (
        "президент", "прем'єр", "прем’єр", "міністр", "канцлер", "голова", "голови", "лідер",
        "спецпосланц", "посланц", "посол", "речник", "секретар", "спікер", "депутат",
        "губернатор", "мер", "лауреат", "кандидат", "опозиціонер", "політик", "активіст",
        "правозахисни", "журналіст", "генерал", "директор", "король", "радник", "сенатор",
    ),
    "be": (
        "прэзідэнт", "прэм'ер", "міністр", "канцлер", "старшын", "лідар", "пасол", "сакратар",
        "дэпутат", "лаўрэат", "кандыдат", "апазіцыянер", "палітык", "актывіст", "праваабаронц",
        "журналіст", "генерал", "дырэктар", "кіраўні",
    ),
    "pl": (
        "prezydent", "premier", "minister", "kanclerz", "przewodnicząc", "lider", "wysłanni",
        "ambasador", "rzeczni", "sekretarz", "marszał", "poseł", "posł", "burmistrz",
        "laureat", "kandydat", "opozycjonist", "polityk", "aktywist", "obrońc", "dziennikar",
        "generał", "dyrektor", "król", "papież", "doradc", "przedstawiciel", "senator", "prezes",
    ),
    "lt": (
        "prezident", "premjer", "ministr", "kancler", "lyder", "pasiunti", "ambasador",
        "atstov", "sekretor", "seimo", "laureat", "kandidat", "opozicion", "politik",
        "aktyvist", "žurnalist", "generol", "direktor", "karali", "popiež", "patarėj",
        "senator", "vado", "vadov",
    ),
    "el": (
        "πρόεδρ", "πρωθυπουργ", "υπουργ", "καγκελάρι", "ηγέτ", "απεσταλμέν", "πρέσβ",
        "εκπρόσωπ", "γραμματέ", "βουλευτ", "δήμαρχ", "νομπελίστ", "υποψήφι", "πολιτικ",
        "ακτιβιστ", "δημοσιογράφ", "στρατηγ", "διευθυντ", "βασιλι", "πάπα", "σύμβουλ",
    ),
    "fr": (
        "président", "premier", "ministre", "chancelier", "chef", "dirigeant", "envoyé",
        "ambassadeur", "porte-parole", "secrétaire", "député", "maire", "lauréat", "candidat",
        "opposant", "militant", "journaliste", "général", "directeur", "roi", "pape",
        "conseiller", "sénateur", "prix",
    ),
    "es": (
        "president", "primer", "ministr", "canciller", "jefe", "jefa", "líder", "enviad",
        "embajador", "portavoz", "secretari", "diputad", "alcalde", "alcaldesa", "premio",
        "candidat", "opositor", "activista", "periodista", "general", "director", "rey",
        "papa", "asesor", "senador", "mandatario",
    ),
    "it": (
        "president", "premier", "ministr", "cancellier", "leader", "inviat", "ambasciator",
        "portavoce", "segretari", "deputat", "sindac", "premio", "candidat", "oppositor",
        "attivist", "giornalist", "general", "diretto", "re", "papa", "consiglier", "senator",
    ),
    "pt": (
        "president", "primeiro", "ministr", "chanceler", "líder", "enviad", "embaixador",
        "porta-voz", "secretári", "deputad", "prefeit", "prêmio", "prémio", "candidat",
        "opositor", "ativista", "jornalista", "general", "diretor", "rei", "papa", "senador",
    ),
    "cs": (
        "prezident", "premiér", "ministr", "kancléř", "předsed", "lídr", "vyslan", "velvyslan",
        "mluvčí", "tajemní", "poslan", "starost", "laureát", "kandidát", "opozič", "politik",
        "aktivist", "novinář", "generál", "ředitel", "král", "papež", "poradc", "senátor",
    ),
    "tr": (
        "cumhurbaşkan", "başbakan", "bakan", "şansölye", "lider", "elçi", "büyükelçi",
        "sözcü", "sekreter", "milletvekil", "belediye", "ödül", "aday", "muhalif", "aktivist",
        "gazeteci", "general", "orgeneral", "müdür", "kral", "papa", "danışman", "senatör",
    ),
}  # fmt: skip
# Articles and pronouns before a German noun: a capitalised word right after one (or after
# one and its adjectives) is a noun.
_GERMAN_DETERMINERS = frozenset(
    "der die das des dem den ein eine einer eines einem einen kein keine keinen keinem "
    "keines sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere "
    "dieser diese dieses diesem diesen jener jene zum zur vom beim im am".split()
)
_GERMAN_ARTICLES = frozenset("der die das des dem den".split())
_GERMAN_ADJECTIVE = re.compile(r"[a-zäöüß-]+(?:e|en|er|es|em)")

COMMON_HERE_ZIPF = 3.0
"""A capitalised word at least this frequent in the article's language is a common word,
unless it is known as a name (see ``KNOWN_NAME_ZIPF``)."""
OPENER_ZIPF = 5.0
"""A word opening a sentence at least this frequent is a function word or an everyday noun
("Среди", "Решение", "Im"), never a given name (Andrzej is 4.8 in Polish)."""
EVERYDAY_ZIPF = 4.0
"""A name of words all at least this frequent (and not known as names) names a place or a
body ("Stany Zjednoczone"), not a person."""
_STEM_WITH_VOWEL = 6
"""A stem at least this long may lose a final vowel that is a case ending (Trumpa is Trump);
a shorter one is a word of its own (Nowy is not now)."""
FUNCTION_ZIPF = 6.0
"""A word this frequent in the language is a function word, whatever English makes of it."""
KNOWN_NAME_ZIPF = 2.3
KNOWN_NAME_ZIPF_TRANSLITERATED = 1.5
"""A common word whose Latin spelling is at least this frequent in English is a name that
travels (Maria, Viktor, Александр as Aleksandr): common nouns of another language are rare
in English, the more so transliterated from another script."""
_PATRONYMIC = frozenset("ru uk be bg".split())
_PATRONYMIC_ENDING = re.compile(r"(?:vi?ch|vn|ichn)[a-z]{0,3}$")
_GREEK_GENITIVE_ARTICLES = frozenset("του της των".split())
#: definite articles, which go with a noun, not with a person's name
_ARTICLES = {
    "es": frozenset("el la los las".split()),
    "it": frozenset("il lo la i gli le".split()),
    "pt": frozenset("o a os as".split()),
    "fr": frozenset("le la les".split()),
    "ca": frozenset("el la els les".split()),
}
_INFLECTING = frozenset("ru uk be bg sr mk pl cs sk sl hr lt lv el".split())
_NAME_WORDS = 3
"""Words a person's name has at most (a given name, a patronymic or middle name, a surname):
a longer run holds a title or a place in front of it."""


@dataclass(frozen=True, slots=True)
class _Language:
    """What mention finding reads of an article's language."""

    code: str
    roles: tuple[str, ...]

    @property
    def nouns_capitalised(self) -> bool:
        return self.code in NOUNS_CAPITALISED

    def part_key(self, word: str) -> str:
        """A name word without its case ending: Колесникову and Колесникова are one part."""
        return _part_key(word, self.code)

    def is_role(self, word: str) -> bool:
        lower = word.lower()
        if self.nouns_capitalised:
            return _compound_role(lower, self.roles)
        return lower.startswith(self.roles)

    def is_common(self, word: str) -> bool:
        """A word of the language, not a name: frequent in it, and not known as a name."""
        return _common_here(word, self.code)

    def opener(self, word: str) -> bool:
        """A sentence's first word that is not a name."""
        return self.is_role(word) or _opener_here(word, self.code)


@lru_cache(maxsize=64)
def _language(code: str) -> _Language:
    return _Language(code, _ROLES.get(code, ()))


@lru_cache(maxsize=65536)
def _part_key(word: str, language: str) -> str:
    return name_skeleton(case_stem(word, language))


#: how transliterations from Cyrillic and Greek begin an English J (Джон, Τζον)
_SAID_J = re.compile(r"^dzh?(?=[aeiou])")

_GERMAN_INFLECTIONS = ("", "in", "innen", "en", "n", "s", "e", "es", "ern", "nen")


@lru_cache(maxsize=65536)
def _compound_role(lower: str, roles: tuple[str, ...]) -> bool:
    """A German role word, alone or as the end of a compound, in any inflection."""
    for inflection in _GERMAN_INFLECTIONS:
        if lower.endswith(inflection):
            stem = lower[: len(lower) - len(inflection)]
            if stem.endswith(roles):
                return True
    return False


@lru_cache(maxsize=65536)
def _known_name(word: str, language: str) -> bool:
    """Whether the word, in Latin letters and without its case ending (Дональда is Donald),
    is frequent in English: a name that travels."""
    spelled = latin(word).replace("'", "").lower()
    threshold = KNOWN_NAME_ZIPF if spelled == word.lower() else KNOWN_NAME_ZIPF_TRANSLITERATED
    stem = case_stem(word, language)
    forms = {spelled, stem}
    if len(stem) >= _STEM_WITH_VOWEL and stem[-1] in "aeiouy":
        forms.add(stem[:-1])
    # Cyrillic and Greek write an English J as Дж, Τζ: Джоном is John's.
    forms |= {_SAID_J.sub("j", form) for form in forms}
    return any(zipf(form) >= threshold for form in forms if len(form) >= 3)


@lru_cache(maxsize=65536)
def _common_here(word: str, language: str) -> bool:
    if _is_abbreviation(word):
        return False
    lower = word.lower()
    if word_zipf(lower, language) >= COMMON_HERE_ZIPF:
        return not _known_name(word, language)
    return language in _COMPOUNDING and _compound(lower, language)


_COMPOUNDING = frozenset("de nl sv da no nb".split())
_LINKS = ("", "s", "es", "n", "en")
_COMPOUND_PART = 4
"""Letters each part of a compound noun has at least (Grundstücks|eigentümer)."""


def _compound(lower: str, language: str) -> bool:
    """A compound of two common words of the language: a noun ("Gestattungsverträge")."""
    for split in range(_COMPOUND_PART, len(lower) - _COMPOUND_PART + 1):
        head, tail = lower[:split], lower[split:]
        if word_zipf(tail, language) < COMMON_HERE_ZIPF:
            continue
        for link in _LINKS:
            if head.endswith(link) and word_zipf(head[: len(head) - len(link)], language) >= (
                COMMON_HERE_ZIPF
            ):
                return True
    return False


@lru_cache(maxsize=65536)
def _opener_here(word: str, language: str) -> bool:
    if _is_abbreviation(word):
        return False
    frequency = word_zipf(word.lower(), language)
    if frequency >= FUNCTION_ZIPF:
        return True
    return frequency >= OPENER_ZIPF and not _known_name(word, language)


def _everyday(word: str, language: str) -> bool:
    """A word so common in the language that a name made only of such words is a thing."""
    return word_zipf(word.lower(), language) >= EVERYDAY_ZIPF and not _known_name(word, language)


def _after_determiner(tokens: list[_Token], i: int) -> bool:
    """Whether a German article (and maybe adjectives) stands right before ``tokens[i]``."""
    k = i - 1
    while k >= 0 and not tokens[k].capitalised and _GERMAN_ADJECTIVE.fullmatch(tokens[k].text):
        if tokens[k].lower in _GERMAN_DETERMINERS:
            return True
        k -= 1
    return k >= 0 and tokens[k].lower in _GERMAN_DETERMINERS


def _foreign_candidates(
    sentence: Sentence,
    in_caption: bool,
    tokens: list[_Token],
    context: _Context,
    rules: _Language,
) -> list[_Candidate]:
    """The candidates of one sentence in a language other than English."""
    found: list[_Candidate] = []
    text = sentence.text
    runs = _runs(text, tokens, pairs=not rules.nouns_capitalised)
    for i, j in _split_at_articles(runs, tokens, rules):
        lo = _cut_common(text, tokens, i, j, rules, context.lowercase_words)
        j = _name_end(tokens, lo, j, rules)
        while lo < j - 1 and tokens[lo].lower in NAME_PARTICLES:
            lo += 1  # "Wahlkampagne von Babariko": the campaign cut, then its "von"
        if lo >= j:
            continue
        cut = tokens[i:lo]
        role = _foreign_role(text, tokens, i, lo, rules)
        parts = [(lo, j)]
        if _two_names(tokens, lo, j, rules):
            # Two names side by side, each in its own case ("Дональда Трампа Джоном Коулом":
            # Donald Trump's envoy John Coale): no name of these languages has four words.
            parts = [(lo, lo + 2), (lo + 2, j)]
            if rules.is_common(tokens[lo].bare):
                parts = [(lo + 1, lo + 2), (lo + 2, j)]
        for start, stop in parts:
            titled = cut if start == lo else []
            candidate = _foreign_candidate(
                sentence, in_caption, tokens, start, stop, context, titled, rules
            )
            if candidate is None:
                continue
            if start == lo:
                candidate.description = role
            single = stop - start == 1
            candidate.weak = (
                single and rules.nouns_capitalised and rules.is_common(candidate.surface)
            )
            found.append(candidate)
    return found


def _split_at_articles(
    runs: list[tuple[int, int]], tokens: list[_Token], rules: _Language
) -> list[tuple[int, int]]:
    """Runs cut at a German article taken for a name particle ("Willen der Götter": the
    will of the gods); "von" and "zu" still join a name."""
    if not rules.nouns_capitalised:
        return runs
    split: list[tuple[int, int]] = []
    for i, j in runs:
        start = i
        for k in range(i + 1, j - 1):
            if not tokens[k].capitalised and tokens[k].lower in _GERMAN_ARTICLES:
                split.append((start, k))
                start = k + 1
        split.append((start, j))
    return split


def _patronymic(word: str) -> bool:
    """Whether an East Slavic word is a patronymic (Григорьевич, Петровна), in any case."""
    return _PATRONYMIC_ENDING.search(latin(word).lower()) is not None


def _two_names(tokens: list[_Token], lo: int, j: int, rules: _Language) -> bool:
    return rules.code in _INFLECTING and j - lo == 4 and not _has_particle(tokens, lo, j)


def _has_particle(tokens: list[_Token], i: int, j: int) -> bool:
    return any(t.lower in NAME_PARTICLES for t in tokens[i:j])


def _cut_common(
    text: str,
    tokens: list[_Token],
    i: int,
    j: int,
    rules: _Language,
    lowercase: frozenset[str],
) -> int:
    """Where the name in ``tokens[i:j]`` starts once titles, roles and common words in front
    of it are cut off. A sentence's first word the article also writes in lowercase
    (``lowercase``: "Ранее Фальков заявил", "как сообщалось ранее") is a word, not a name."""
    lo = i
    if _opens_sentence(text, tokens, i) and (
        tokens[i].lower in FUNCTION_WORDS
        or tokens[i].lower in lowercase
        or rules.opener(tokens[i].bare)
    ):
        lo += 1
    while lo < j and word_zipf(tokens[lo].lower, rules.code) >= FUNCTION_ZIPF:
        lo += 1  # "Die Zukunft" inside a headline run together with its text
    while lo < j and tokens[lo].lower in CALENDAR:
        lo += 1
    if rules.nouns_capitalised:
        if lo < j - 1 and lo == i and _after_determiner(tokens, i):
            lo += 1
        while lo < j - 1 and (rules.is_role(tokens[lo].bare) or rules.is_common(tokens[lo].bare)):
            lo += 1
        if lo == j - 1 and j - i > 1 and rules.is_role(tokens[lo].bare):
            lo += 1
        return lo
    while lo < j - 1 and rules.is_role(tokens[lo].bare):
        lo += 1
    if _two_names(tokens, lo, j, rules):
        return lo
    after_role = lo > i or (i > 0 and rules.is_role(tokens[i - 1].text))
    if j - lo > 2 and lo == i and i > 0 and tokens[i - 1].lower in _GREEK_GENITIVE_ARTICLES:
        lo += 1  # "ο πρόεδρος της Λευκορωσίας Αλεξάντερ Λουκασένκο": of Belarus, then a name
    if (
        j - lo > 2
        and lo == i
        and i > 0
        and tokens[i - 1].lower in _ARTICLES.get(rules.code, ())
        and _uncommon(tokens, i + 1, j, rules)
    ):
        lo += 1  # "el Nobel de la Paz Ales Bialiatski": the article's noun, then a name
    particle = max((k for k in range(lo, j) if tokens[k].lower in NAME_PARTICLES), default=-1)
    if particle >= 0 and j - particle > 3 and _uncommon(tokens, particle + 2, j, rules):
        # A particle joins a surname of one or two words ("de Gaulle", "de la Fuente"): more
        # after it are its noun and a name ("o Nobel da Paz Ales Bialiatski").
        lo = particle + 2
    if j - lo > 2 or after_role:
        # A run longer than a name, or a title's complement ("Президент Беларуси"): its common
        # words are a place or a thing, not the name that follows.
        while lo < j - 1 and (rules.is_role(tokens[lo].bare) or rules.is_common(tokens[lo].bare)):
            lo += 1
    while j - lo > _NAME_WORDS and not _has_particle(tokens, lo, j):
        lo += 1
    if j - lo == _NAME_WORDS and rules.code in _PATRONYMIC and not _patronymic(tokens[lo + 1].bare):
        lo += 1  # a Russian name of three words has a patronymic in the middle
    return lo


def _name_end(tokens: list[_Token], lo: int, j: int, rules: _Language) -> int:
    """Where the name in ``tokens[lo:j]`` ends once the function words stuck after it are cut
    off: the first word of the next sentence of a flattened page ("Budapest Er ist...",
    "Martin Die", "Hallo Ich"). A noun after a German name is not cut: the word list cannot
    tell it from a surname German news writes often (Laschet, Söder, Spahn)."""
    while j - lo > 1 and word_zipf(tokens[j - 1].lower, rules.code) >= FUNCTION_ZIPF:
        j -= 1
    return j


def _uncommon(tokens: list[_Token], i: int, j: int, rules: _Language) -> bool:
    """Whether none of ``tokens[i:j]`` is a common word of the language: a name's words."""
    return not any(rules.is_common(token.bare) for token in tokens[i:j])


def _foreign_role(text: str, tokens: list[_Token], i: int, lo: int, rules: _Language) -> str | None:
    """The title or role cut off in front of a name, with the lowercase role word right
    before the run ("laureat Pokojowej Nagrody Nobla"), as the name's description."""
    first = i
    before = tokens[i - 1] if i > 0 else None
    if (
        before is not None
        and not before.capitalised
        and rules.is_role(before.text)
        and _plain_gap(text, before, tokens[i])
    ):
        first = i - 1
    while first < lo and _opening_word(tokens[first], rules):
        first += 1
    cut = tokens[first:lo]
    # In German every noun is capitalised: a noun right before a name describes it
    # ("Stadtrivale", "Marke"), several words only with a role among them, or they are a
    # page's chrome or another phrase ("Vorherige Seite Nächste Seite", "Tötung von").
    alone = rules.nouns_capitalised and len(cut) == 1
    if not cut or not (alone or any(rules.is_role(t.bare) for t in cut)):
        return None
    return _short(text[cut[0].start : cut[-1].end])


def _opening_word(token: _Token, rules: _Language) -> bool:
    """A function word or everyday word before a role ("Среди"), not part of it."""
    if rules.is_role(token.bare):
        return False
    return token.lower in FUNCTION_WORDS or _opener_here(token.bare, rules.code)


#: languages written in their own letters, that spell a person's name in them
_OWN_SCRIPT = frozenset("ru uk be bg sr mk el".split())


def _foreign_candidate(
    sentence: Sentence,
    in_caption: bool,
    tokens: list[_Token],
    lo: int,
    hi: int,
    context: _Context,
    titled: list[_Token],
    rules: _Language,
) -> _Candidate | None:
    text = sentence.text
    while lo < hi and tokens[hi - 1].lower in CALENDAR:
        hi -= 1
    if lo >= hi:
        return None
    name = tuple(t.bare for t in tokens[lo:hi])
    if name[-1].lower() in MISC_HEADS or len(name[-1]) < 2:
        return None
    end = tokens[hi - 1].start + len(name[-1])
    votes = _votes(text, name, tokens, lo, hi, titled, context)
    if all(_everyday(word, rules.code) for word in name):
        votes[EntityKind.PERSON] = 0  # "Stany Zjednoczone", "Рада Безопасности": not a person
    elif rules.code in _OWN_SCRIPT and len(name) > 1 and all(map(str.isascii, name)):
        # Latin letters in a Cyrillic or Greek text name a product, a team or an event ("Red
        # Wings", "Flight Simulator", "Australian Open"): people are written in its letters.
        votes[EntityKind.PERSON] = 0
    elif any(rules.is_role(t.bare) for t in titled):
        votes[EntityKind.PERSON] += 3
    return _Candidate(
        surface=" ".join(name),
        start=sentence.start + tokens[lo].start,
        end=sentence.start + end,
        sentence=sentence,
        in_caption=in_caption,
        tokens=name,
        votes=votes,
        description=None,
    )


# ---- article-level decisions: full names and kinds ----


def _decide(candidates: list[_Candidate], rules: _Language | None = None) -> list[Mention]:
    part_key = _identity if rules is None else rules.part_key
    full = _full_names(candidates, part_key)
    if rules is not None:
        # A noun that might be a surname (German capitalises both) counts only as a part of a
        # full name the article gives.
        candidates = [c for c in candidates if not c.weak or part_key(c.surface) in full]
    for candidate in candidates:
        candidate.name = _resolve(candidate, full, part_key)
    votes: dict[str, dict[EntityKind, int]] = {}
    for candidate in candidates:
        total = votes.setdefault(candidate.name, {})
        for voted, count in candidate.votes.items():
            total[voted] = total.get(voted, 0) + count
    for name in full.values():
        total = votes.setdefault(name, {})
        total[EntityKind.PERSON] = total.get(EntityKind.PERSON, 0) + 3
    kinds = {name: _kind(counts) for name, counts in votes.items()}
    mentions: list[Mention] = []
    for candidate in candidates:
        kind = kinds[candidate.name]
        if kind is None:
            continue
        span = Span(candidate.start, candidate.end, candidate.sentence.text, candidate.in_caption)
        mentions.append(
            Mention(candidate.name, candidate.surface, kind, span, candidate.description)
        )
    mentions.sort(key=lambda m: (m.span.in_caption, m.span.start))
    return mentions


def _identity(word: str) -> str:
    return word


def _full_names(
    candidates: list[_Candidate], part_key: Callable[[str], str] = _identity
) -> dict[str, str]:
    """Multi-word person names, each also under its first and last word (by ``part_key``:
    in an inflecting language, under the word without its case ending)."""
    people = Counter[str]()
    for candidate in candidates:
        if len(candidate.tokens) > 1:
            kind = _kind(candidate.votes)
            if kind is EntityKind.PERSON:
                people[candidate.surface] += 1
    by_part: dict[str, str] = {}
    ambiguous: set[str] = set()
    for name in sorted(people, key=lambda n: (-len(n.split()), -people[n], n)):
        parts = name.split()
        for part in (part_key(parts[0]), part_key(parts[-1])):
            known = by_part.get(part)
            if known is not None and known != name and not _contains(known, name):
                ambiguous.add(part)
            by_part.setdefault(part, name)
        by_part.setdefault(name, name)
    for part in ambiguous:
        by_part.pop(part, None)
    return by_part


def _contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def _resolve(
    candidate: _Candidate, full: dict[str, str], part_key: Callable[[str], str] = _identity
) -> str:
    if candidate.surface in full:
        return full[candidate.surface]
    if len(candidate.tokens) == 1:
        return full.get(part_key(candidate.surface), candidate.surface)
    for name in full.values():
        if len(name) > len(candidate.surface) and _contains(name, candidate.surface):
            return name
    return candidate.surface


def _kind(votes: dict[EntityKind, int]) -> EntityKind | None:
    """The kind with the most votes; none on a tie or without votes."""
    if not votes:
        return None
    best = max(votes, key=votes.__getitem__)
    top = votes[best]
    if top <= 0 or sum(1 for count in votes.values() if count == top) > 1:
        return None
    return best
