"""Names across scripts and spellings: one key for Лукашенко, Łukaszenka and Lukaschenko.

A name is written differently by each language that reports it: in another script
(Колесникова, Κολέσνικοβα), in another transliteration (Kalesnikava, Kolesnikowa), and in
inflecting languages in another case form (Колесникову, Kolesnikowej, Kalesnikavos). Two
steps bring these together:

- ``latin`` writes a word in plain Latin letters (anyascii), after spelling out the letters
  that anyascii would flatten into a different sound (š is "sh", not "s") and the Greek
  digraphs that stand for one sound (μπ is "b").
- ``skeleton`` keeps the consonants of that spelling, with the letters and digraphs that
  transliterations use for one sound made one (sh, sch, sz and š; ts, tz, c and z; w, v and
  f; kh, h, and ch where a language says it so; mp, mb and b), doubled letters made single
  and vowels dropped: vowels are where transliterations differ most (Kalesnikava,
  Kolesnikova; Bialiatski, Belyatskiy) and where case endings are. Letters are folded
  alike in every language where they can be, so that a name spelled alike has one key
  whatever language writes it (Scholz in German and in English).

The skeleton is coarse on purpose: it is used as one more piece of evidence that two
articles tell the same story (with names, numbers and dates around it), never alone to say
two people are one.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache, partial

from anyascii import anyascii
from wordfreq import get_frequency_dict

# Letters that anyascii reduces to a letter of another sound, or that several languages
# spell alike: written out first.
_SPELLED_OUT = str.maketrans(
    {
        "š": "sh",
        "Š": "Sh",
        "č": "ch",
        "Č": "Ch",
        "ž": "zh",
        "Ž": "Zh",
        "ć": "ch",
        "ś": "sh",
        "ź": "zh",
        "ż": "zh",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "ў": "u",
        "Ў": "U",
        "ü": "u",
        "ö": "o",
        "ä": "a",
        "ё": "e",
        "Ё": "E",
        "χ": "kh",
        "Χ": "Kh",
    }
)
# Greek digraphs for sounds Greek has no letter for: μπ, ντ and γκ are b, d and g at the start
# of a word or after a consonant (Μπιαλιάτσκι, Ντόναλντ) and mp, nd and ng after a vowel
# (Τραμπ, Αλεξάντερ); ου is u.
_GREEK_VOWELS = "αεηιουωάέήίόύώϊϋΐΰΑΕΗΙΟΥΩΆΈΉΊΌΎΏ"
_GREEK_NASAL_PAIRS = re.compile(rf"(?i)(?<=[{_GREEK_VOWELS}])(?:μπ|ντ|γκ)")
_GREEK_NASALS = {"μπ": "mp", "ντ": "nd", "γκ": "ng"}
_GREEK_DIGRAPHS = re.compile(r"(?i)μπ|ντ|γκ|τσ|τζ|ου")
_GREEK_SOUNDS = {"μπ": "b", "ντ": "d", "γκ": "g", "τσ": "ts", "τζ": "dz", "ου": "u"}
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
# γι before a vowel is the y Greek writes foreign names with (Τιχανόφσκαγια is Tikhanovskaya,
# Γιούλια is Yulia, Γιανουκόβιτς is Yanukovych).
_GREEK_Y = re.compile(r"(?i)γι(?=[αεηοουωάέήόύώ])")
_GREEK_Y_SOUND = {"γι": "y"}

# On lowercase ASCII, longest first: each group becomes one letter. Z is ts: German writes
# Belarusian Bialiatski as Bjaljazki, and English and German both write Scholz. An f at the
# end or before a voiceless consonant is v: Russian says its final or devoiced в as f, and
# Greek writes Lavrov as Λαβρόφ and Tikhanovsky as Τιχανόφσκι. Greek writes b inside a word
# as μπ, which is also its mp (Μπαμπαρίκο is Babariko, Τραμπ is Trump).
_SOUNDS = re.compile(r"tsch|sch|sh|sz|zh|ts|tz|cz|ch|kh|ph|mp|mb|w|q|x|dz|c|z|f(?=[ckpst]|$)")
_SOUND_OF = {
    "tsch": "c",
    "sch": "s",
    "sh": "s",
    "sz": "s",
    "zh": "z",
    "ts": "c",
    "tz": "c",
    "cz": "c",
    "ch": "c",
    "kh": "h",
    "ph": "f",
    "mp": "b",
    "mb": "b",
    "w": "v",
    "q": "k",
    "x": "ks",
    "dz": "c",
    "c": "c",
    "z": "c",
    "f": "v",
}
#: languages in which c is said k before a, o, u and consonants (Coale is Коул), and ck is k
_HARD_C = {"en", "de", "nl", "fr", "es", "it", "pt", "ca"}
#: languages in which ch is one sound other than English's: kh (German Tichanowski, Polish
#: Cichanouski) or sh (French Loukachenko); a German sch stays sh
_CH = re.compile(r"ch")
_CH_NOT_SCH = re.compile(r"(?<!s)ch")
_CH_SAID = {
    "de": (_CH_NOT_SCH, "kh"),
    "nl": (_CH_NOT_SCH, "kh"),
    "pl": (_CH, "kh"),
    "cs": (_CH, "kh"),
    "sk": (_CH, "kh"),
    "lt": (_CH, "kh"),
    "fr": (_CH, "sh"),
    "pt": (_CH, "sh"),
}
_C_AS_K = re.compile(r"ck|c(?![eiy]|h)")
_VOWELS = re.compile(r"[aeiouyj']+")
_DOUBLED = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^a-z]+")
#: English words whose skeletons tell how common a skeleton is (see ``skeleton_zipf``)
_ENGLISH_WORDS = 50_000


def _sound(sounds: dict[str, str], match: re.Match[str]) -> str:
    """A Greek digraph's Latin letters, capitalised as it was."""
    # Final sigma matches σ case-blind: Σολτς (Scholz) ends in τς.
    found = sounds[match[0].lower().replace("ς", "σ")]
    return found.capitalize() if match[0][0].isupper() else found


@lru_cache(maxsize=200_000)
def latin(word: str) -> str:
    """``word`` in plain Latin letters, as its own script's readers would say it."""
    if word.isascii():
        return word
    spelled = word.translate(_SPELLED_OUT)
    if _GREEK.search(spelled):
        spelled = _GREEK_Y.sub(partial(_sound, _GREEK_Y_SOUND), spelled)
        spelled = _GREEK_NASAL_PAIRS.sub(partial(_sound, _GREEK_NASALS), spelled)
        spelled = _GREEK_DIGRAPHS.sub(partial(_sound, _GREEK_SOUNDS), spelled)
    return anyascii(spelled)


@lru_cache(maxsize=200_000)
def skeleton(word: str, language: str | None = None) -> str:
    """The consonant skeleton of a (lowercase) name, the same across scripts and spellings.

    ``language`` is the language the word was written in, which decides a few letters' sound.
    """
    said = _CH_SAID.get(language or "")
    if said is not None:
        # On the word as written: latin() spells Polish ć and Lithuanian č as ch too.
        word = said[0].sub(said[1], word)
    plain = _NOT_LETTER.sub("", latin(word).lower())
    if language in _HARD_C:
        plain = _C_AS_K.sub("k", plain)
    sounds = _SOUNDS.sub(lambda m: _SOUND_OF[m[0]], plain)
    consonants = _DOUBLED.sub(r"\1", _VOWELS.sub("", sounds).replace("h", ""))
    # A final s is an ending in many languages (English plurals, German genitives, Lithuanian
    # and Greek nominatives: Philippines, Polens, Vilnius, Τραμπς).
    return consonants[:-1] if len(consonants) > 2 and consonants.endswith("s") else consonants


@lru_cache(maxsize=1)
def _skeleton_frequencies() -> dict[str, float]:
    """The summed frequency of the most common English words with each skeleton."""
    frequencies = get_frequency_dict("en", "best")
    words = sorted(frequencies, key=frequencies.__getitem__, reverse=True)[:_ENGLISH_WORDS]
    found: dict[str, float] = {}
    for word in words:
        bones = skeleton(word, "en")
        found[bones] = found.get(bones, 0.0) + frequencies[word]
    skeleton.cache_clear()
    return found


def skeleton_zipf(bones: str) -> float:
    """How common English words with this skeleton are together (zipf scale; 0: none).

    A skeleton is as telling as it is rare: "trmp" is Trump's alone, "kl" is call, cool, kill
    and Coale, so a key's rarity prior comes from every word that shares it.
    """
    frequency = _skeleton_frequencies().get(bones)
    return math.log10(frequency) + 9.0 if frequency else 0.0
