"""Invented articles with the site chrome of different kinds of outlets, for cleaning tests."""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).parents[2] / "seeds"

# A regional paper: a link row and a skip link above, byline, time and read-time lines, a
# captioned photo with a piped credit, a subheading, a bulleted list, share links below.
FLOOD = """\
Skip to content
Home | News | Weather | Sport | Opinion
River Alder bursts its banks as storm floods Marlow valley
World
By Jane Okafor
Updated 10:42 AM GMT, March 3, 2024
4 min read

Rescue boats move along a flooded street in Lower Marlow on Sunday morning.
Tom Reyes | Valley Press | Getty Images

Emergency crews evacuated more than 600 residents from the Marlow valley on Sunday after \
the River Alder burst its banks for the second time in three years, flooding homes and \
closing the main road to the coast.

The regional water authority said the river peaked at 4.8 metres shortly after dawn, \
almost half a metre above the record set in 2021, after two days of continuous rain.

Volunteers fill the gaps

Council officials opened three emergency shelters and asked residents who could stay \
with relatives to do so. The shelters will remain open at least until Wednesday:

  • the sports hall on Mill Lane
  • St Anne's primary school
  • the community centre in Upper Marlow

"We have never seen the water come up this fast," said Priya Nair, who runs a bakery \
on the high street and spent the night moving stock upstairs.

Forecasters expect the rain to ease on Monday, but warned that the ground is saturated \
and that further flooding is possible later in the week.

Share
Tweet
Email
Related: Storm season in pictures
© 2024 The Valley Times. All rights reserved.
"""

FLOOD_TITLE = "River Alder bursts its banks as storm floods Marlow valley"
FLOOD_CAPTION = "Rescue boats move along a flooded street in Lower Marlow on Sunday morning."

# An aggregator: dateline with a section label, a caption given twice (once with its agency
# glued on), a lone section label, a source line and an app-store footer.
ELECTION = """\
Portugal's centre-right wins snap election but falls short of majority

Politics 08:15 PM - 2024-03-10
Supporters of the Democratic Alliance celebrate outside the party headquarters in Lisbon. Reuters

Supporters of the Democratic Alliance celebrate outside the party headquarters in Lisbon.

Europe

Portugal's centre-right Democratic Alliance narrowly won Sunday's snap parliamentary \
election, according to official results, but fell well short of the majority it needs \
to govern alone.

Party leader Luis Montenegro told supporters that voters had chosen change and that he \
expected to be asked to form a government, while ruling out a formal deal with the \
far-right Chega party.

Chega more than quadrupled its seats, a result analysts said reflected anger over \
housing costs and low wages after eight years of Socialist government.

Turnout rose to 66 percent, the highest in nearly three decades.

Sources: AP, Reuters

THE DAILY BRIEF

see more
Most popular
The World in your pocket
Download our app
Get it on Google Play
"""

ELECTION_CAPTION = (
    "Supporters of the Democratic Alliance celebrate outside the party headquarters in Lisbon."
)

# A wire story as a plain-text feed gives it: no chrome, paragraphs wrapped at 72 columns.
WRAPPED = """\
Chipmaker Norvel agrees to buy sensor firm Hallam for $2.1 billion

Norvel Semiconductor said on Tuesday it had agreed to buy Hallam
Instruments, a maker of industrial pressure sensors, for $2.1 billion in
cash, its largest acquisition since the company was founded in 1998.

The deal, which values Hallam at a 34 percent premium to its closing price
on Monday, is expected to close in the third quarter, subject to approval
by regulators in the United States and the European Union.

Norvel chief executive Dana Whitfield said the purchase would let the
company sell complete sensing modules to carmakers rather than chips alone.
"""

# A translated item with no headline: the first line is already the lead sentence, and
# paragraphs are separated by single line breaks.
NO_HEADLINE = """\
On Thursday the city council of Tarsel approved a plan to close the old harbour to cars \
from next spring, after more than two years of public consultation.
The plan turns the harbour road into a pedestrian zone and moves the ferry car park to \
the northern industrial estate, which will be linked to the centre by a shuttle bus.
Shop owners on the waterfront had opposed the plan, arguing that fewer visitors would \
come without parking nearby, but the council said footfall rose in other cities that \
had made similar changes.
"""

COOKIE_WALL = """\
We value your privacy

We use cookies and similar technologies to improve your experience, personalise content \
and ads, and analyse our traffic.
Accept all cookies
Manage settings
Privacy policy
"""

LINK_LIST = """\
Latest headlines
Home
World
Markets rally as inflation cools
Storm floods Marlow valley
Portugal votes in snap election
Chipmaker Norvel buys Hallam
Contact Us
Site Map
"""
