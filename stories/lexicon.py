"""English calendar words the engine's modules share: months and weekdays.

Other languages' month names come from Babel (``stories.months``); these are the English
words read where a rule is written for English text (dates, numbers, names, content terms).
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
