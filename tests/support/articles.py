"""Invented articles for storage, handler and CLI tests (the engine has its own)."""

from __future__ import annotations

from datetime import UTC, datetime

from stories.articles import RawArticle

QUAKE = """A magnitude 6.8 earthquake struck the Peruvian coast near the city of Arequipa early on \
Tuesday, killing at least 14 people and damaging hundreds of homes, Peru's civil defence \
institute said.

The quake hit at 3:12 a.m. local time at a depth of 35 kilometres, according to the \
United States Geological Survey, and was felt as far away as Lima.

Rescue teams searched collapsed adobe houses in the districts of Chala and Yauca, where \
most of the victims were found. President Dina Boluarte flew to the region and declared \
a 60-day state of emergency.

Authorities said 230 homes were destroyed and the Pan-American Highway was blocked by \
landslides in three places. Schools in the province were closed for the rest of the week.

"We are still counting the damage, but our priority is the families who lost everything," \
the regional governor, Rohel Sanchez, told local radio."""

MERGER = """Northwind Logistics agreed on Monday to buy the Dutch parcel firm Van Dijk \
Express for 2.4 billion euros, creating the third-largest delivery group in Europe, the \
companies said in a joint statement.

Northwind chief executive Marta Lindqvist said the deal would close in the second half of \
next year, subject to approval by the European Commission, and would save 180 million euros \
a year by 2028.

Van Dijk Express, founded in Rotterdam in 1962, employs 11,000 people and delivers about \
900,000 parcels a day across the Benelux countries and Germany.

Shares of Northwind rose 6 percent in Stockholm trading after the announcement, while \
unions in the Netherlands said they would seek guarantees for jobs at the Rotterdam hub."""


def raw(text: str, **meta: object) -> RawArticle:
    title = meta.pop("title", text.split("\n", 1)[0][:80])
    return RawArticle(text=text, title=str(title), **meta)  # type: ignore[arg-type]


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def when(day: int) -> datetime:
    return datetime(2026, 3, day, 9, 0, tzinfo=UTC)


def wire_copy(text: str, site: str) -> str:
    """The same wire story as another site runs it: own chrome, last paragraph dropped."""
    paragraphs = text.split("\n\n")
    return "\n\n".join([f"{site} | World news", *paragraphs[:-1], f"Read more on {site}"])


QUAKE_OTHER = """At least 16 people were killed when a magnitude 6.8 earthquake hit southern Peru \
near Arequipa on Tuesday, the civil defence institute said, raising an earlier toll.

The quake struck at a depth of 35 kilometres, the United States Geological Survey said. \
President Dina Boluarte travelled to the area and declared a state of emergency for 60 days.

Most of the dead were found in collapsed adobe homes in Chala and Yauca. About 300 homes \
were destroyed, officials said, and landslides cut the Pan-American Highway.

"Our priority is the families who lost everything," regional governor Rohel Sanchez said."""
