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
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import attrgetter, itemgetter
from typing import NamedTuple

from wordfreq import zipf_frequency

from stories.facts import EntityKind, Mention, Span
from stories.sentences import Sentence

_TOKEN = re.compile(
    r"(?=[^\W_])([a-z][\w'’]*(?:-(?![A-Z]\.)[\w'’]*)*(?<=\w)"
    r"|(?:[A-Z]\.){2,}"
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|St|Prof|Jr|Sr)\."
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

TITLES = frozenset(
    "president vice prime minister secretary chancellor envoy special ambassador senator sen "
    "governor gov mayor judge justice chief executive ceo general gen colonel col captain capt "
    "coach king queen prince princess pope sheikh sir dame lord lady mr mrs ms dr prof "
    "professor rev father cardinal archbishop bishop rabbi imam commander director chairman "
    "chairwoman spokesman spokeswoman spokesperson deputy foreign defence defense interior "
    "finance opposition leader representative rep congressman congresswoman lawmaker mp "
    "presidential premier lt sgt officer inspector detective attorney prosecutor sheriff "
    "lieutenant sergeant".split()
)
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
SPEECH_VERBS = frozenset(
    "said says told tells added adds noted notes stated states asked asks wrote writes "
    "explained confirmed warned insisted argued announced declared replied".split()
)
FUNCTION_WORDS = frozenset(
    "a an the this that these those his her its their our my your whose which who whom what "
    "and or but nor so yet if as at by for from in into of on onto to with without over under "
    "about after before between during since until while when where than then also even just "
    "is are was were be been being has have had do does did will would can could should may "
    "might must not no including among against per via like said says told it he she they we "
    "i you him them us me there here all both each every some any such".split()
)
PRONOUNS = frozenset("he she they it we i you him her them".split())
DETERMINERS = frozenset("the a an its his her their our my your this that these those".split())
VERB_CUES = frozenset(
    "to that which who will would can could should may might must do does did has have had "
    "is are was were be been being".split()
)
HONORIFICS = frozenset("mr mrs ms miss dr sir dame".split())
"""Titles that say nothing about a person's role: never a description on their own."""
CONJUNCTIONS = frozenset("and or but".split())
ROLE_MODIFIERS = frozenset("former exiled acting then late new outgoing incoming".split())
CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
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


@dataclass(frozen=True, slots=True)
class _Context:
    """What the article as a whole says about words: where they are capitalised."""

    mid_capitals: frozenset[str]
    lowercase_words: frozenset[str]
    capitalised_words: frozenset[str]


def find_mentions(
    body: Sequence[Sentence], captions: Sequence[Sentence] = ()
) -> tuple[Mention, ...]:
    """Every named entity mention in the body and the captions, in text order."""
    located = [(s, False) for s in body] + [(s, True) for s in captions]
    tokenised = [(s, flag, _tokens(s.text)) for s, flag in located]
    context = _context(tokens for _, _, tokens in tokenised)
    candidates: list[_Candidate] = []
    for sentence, in_caption, tokens in tokenised:
        candidates.extend(_candidates(sentence, in_caption, tokens, context))
    return tuple(_decide(candidates))


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


def _runs(text: str, tokens: list[_Token]) -> list[tuple[int, int]]:
    """Index ranges ``[i, j)`` of capitalised runs; a possessive ends its run.

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
            elif _joins(text, tokens, j):
                j += 2
            else:
                break
        runs.append((i, j))
    return runs


def _joins(text: str, tokens: list[_Token], j: int) -> bool:
    """A lowercase particle inside a name: "Ludwig van Beethoven", "Ministry of Defence"."""
    if j + 1 >= len(tokens) or not tokens[j + 1].capitalised:
        return False
    if not _plain_gap(text, tokens[j], tokens[j + 1]):
        return False
    word = tokens[j].text
    if word in NAME_PARTICLES:
        return True
    head = tokens[j - 1].lower
    return word == "of" and (head in ORG_HEADS or head in PLACE_HEADS)


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
    return token.lower in TITLES


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
        lead = _is_abbreviation(second) or _is_demonym(second) or second.lower() in TITLES
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
    if word.lower().rstrip(".") in TITLES:
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
    if 2 <= len(words) <= 4:
        return 2, 0, 0
    return 0, 0, 0


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
    after = _post_appositive(text, end, participle=False)
    if after:
        return after
    before = _pre_appositive(text, tokens, i, end)
    if before:
        return before
    in_phrase = i > len(titled) and tokens[i - len(titled) - 1].lower in PLACE_PREPOSITIONS
    participle = None if in_phrase else _post_appositive(text, end, participle=True)
    return participle or _role(text, tokens, i, titled)


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
    clause = clause[opener or 0 :]
    if not any(_role_like(t) for t in clause):
        return None
    if len(clause) > 8:
        return None
    return text[clause[0].start : clause[-1].end] if clause else None


def _role_like(token: _Token) -> bool:
    if token.capitalised:
        return token.lower in TITLES
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


# ---- article-level decisions: full names and kinds ----


def _decide(candidates: list[_Candidate]) -> list[Mention]:
    full = _full_names(candidates)
    for candidate in candidates:
        candidate.name = _resolve(candidate, full)
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


def _full_names(candidates: list[_Candidate]) -> dict[str, str]:
    """Multi-word person names, each also under its first and last word."""
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
        for part in (parts[0], parts[-1]):
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


def _resolve(candidate: _Candidate, full: dict[str, str]) -> str:
    if candidate.surface in full:
        return full[candidate.surface]
    if len(candidate.tokens) == 1:
        return candidate.surface
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
