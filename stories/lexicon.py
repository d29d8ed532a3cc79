"""English words the engine's modules share: months and weekdays, people's titles, and the
verbs that report speech.

Other languages' month names come from Babel (``stories.months``) and their role words are
``stories.people``'s; these are the English words read where a rule is written for English
text (dates, numbers, names, content terms, sentences).
"""

from __future__ import annotations

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
)
"""As written before a day or a full stop ("Sept. 9"); "may" is a month's whole name."""
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CALENDAR = frozenset((*MONTHS, *WEEKDAYS))
"""When, not what: month and weekday names."""

PERSONAL_TITLES = frozenset(
    "mr mrs ms dr prof sir dame lord lady president vice prime minister gen general col "
    "colonel sen senator rep judge justice pope king queen prince princess sheikh rev father "
    "chancellor secretary envoy ambassador mayor governor premier".split()
)
"""The titles a person's name is written with, that both lists below hold."""
HONORIFICS = frozenset("mr mrs ms miss dr sir dame".split())
"""Titles that say nothing about a person's role: never a description on their own."""
ROLE_TITLES = PERSONAL_TITLES | frozenset(
    "special gov chief executive ceo captain capt coach professor cardinal archbishop bishop "
    "rabbi imam commander director chairman chairwoman spokesman spokeswoman spokesperson "
    "deputy foreign defence defense interior finance opposition leader representative "
    "congressman congresswoman lawmaker mp presidential lt sgt officer inspector detective "
    "attorney prosecutor sheriff lieutenant sergeant actor actress singer rapper musician "
    "comedian footballer striker goalkeeper quarterback boxer golfer billionaire pastor "
    "activist".split()
)
"""Words of a title in front of a name in running text ("Foreign Minister", "Opposition
Leader", "Coach"), as mention finding reads them (``stories.people``): they make the words
after them a person and are kept apart from the name as its description. Not "St" or
"Saint": in running text they begin places and saints' names ("St. Peter's Square", "St
John"), which stay whole; with them here, 15 articles of ECB+ and pairs-dev lose or change a
mention."""
NAME_TITLES = PERSONAL_TITLES | HONORIFICS | frozenset("saint st".split())
"""Titles taken off the front of a name written alone (``stories.names``: a mention's name,
the names /who is asked and finds): "Mr", "President", "St". Not ``ROLE_TITLES``: its role
words (coach, leader, foreign...) are left on a name as they were. A union changes no
mention of the seeds, ECB+ or pairs-dev (mention finding has taken those words off already),
but "Coach Maurice Cheeks" would be cleaned to "Maurice Cheeks": a change of its own."""
TITLE_ABBREVIATIONS = (
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "gov",
    "sen",
    "rep",
    "rev",
    "st",
    "prof",
    "jr",
    "sr",
)
"""Titles and name suffixes written short with a full stop ("Gen.", "Jr."): one word with
its stop in a name, no sentence's end."""
SPEECH_VERBS = (
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "stated",
    "states",
    "asked",
    "asks",
    "wrote",
    "writes",
    "explained",
    "confirmed",
    "warned",
    "insisted",
    "argued",
    "announced",
    "declared",
    "replied",
)
"""Verbs that report what someone said: after a name, a sign that it is a person's
(``stories.people``); around a quotation, its attribution (``stories.quotes``, which reads
more of them: ``QUOTE_ATTRIBUTIONS``)."""
QUOTE_ATTRIBUTIONS = (
    *SPEECH_VERBS,
    "stating",
    "saying",
    "expressed",
    "described",
    "referred",
    "called",
    "urged",
    "tweeted",
    "posted",
)
"""The verbs that attribute a quotation to its speaker. The ones after ``SPEECH_VERBS`` say
nothing of a name before them ("... called", "... posted" follow outlets and parties as
often): counted as speech in mention finding, they make one more person of pairs-dev's
articles."""
