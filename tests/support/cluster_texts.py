"""Invented short news texts for the clustering tests: pairs of related but different events."""

from __future__ import annotations

from datetime import datetime

from stories.articles import Article


def article(title: str, body: str, published: datetime | None = None) -> Article:
    return Article(
        title=title,
        paragraphs=tuple(p.strip() for p in body.split("\n\n") if p.strip()),
        captions=(),
        url=None,
        outlet=None,
        published=published,
        external_id=None,
        origin="test",
    )


QUAKE_PERU_A = article(
    "Magnitude 6.8 earthquake strikes southern Peru near Arequipa",
    """A magnitude 6.8 earthquake struck southern Peru on Tuesday, killing at least 14 people
    and collapsing dozens of adobe homes in villages around Arequipa, officials said.

    The quake hit at a depth of 35 kilometres, 60 kilometres north of Arequipa, according to
    the Geophysical Institute of Peru. President Dina Boluarte flew to the region.

    Rescue teams searched rubble in the town of Chivay, where the church tower fell.""",
)

QUAKE_PERU_B = article(
    "Deadly Peru quake kills 14 in Arequipa region",
    """At least 14 people died after a strong 6.8 magnitude earthquake shook the Arequipa
    region of southern Peru on Tuesday, authorities said, as rescuers dug through the rubble.

    In Chivay, the bell tower of the colonial church collapsed. The Geophysical Institute of
    Peru put the epicentre 60 kilometres north of Arequipa. Dina Boluarte visited victims.""",
)

QUAKE_TURKEY = article(
    "Magnitude 5.9 earthquake rattles eastern Turkey, damaging homes in Malatya",
    """A magnitude 5.9 earthquake struck eastern Turkey on Thursday, injuring 23 people and
    damaging buildings in Malatya province, the disaster agency AFAD said.

    The quake was centred in the Yesilyurt district at a depth of 7 kilometres. Interior
    Minister Ali Yerlikaya said teams were inspecting schools in Malatya and Elazig.""",
)

ACQUIRE_SOLARIS = article(
    "Orbitex to buy chipmaker Solaris Semiconductor for $4.2 billion",
    """Orbitex Corp agreed to acquire Solaris Semiconductor for $4.2 billion in cash, the
    companies said on Monday, giving the software group its own chip design team.

    Solaris, based in Austin, makes low-power processors for data centres. Orbitex chief
    executive Maren Holt said the deal would close in the third quarter.""",
)

ACQUIRE_SOLARIS_B = article(
    "Orbitex strikes $4.2 billion deal for Solaris Semiconductor",
    """Software maker Orbitex will pay $4.2 billion for Austin chip designer Solaris
    Semiconductor, it said Monday. Maren Holt, Orbitex's chief executive, called the Solaris
    processors a perfect fit. Shareholders of Solaris will receive $61 a share.""",
)

ACQUIRE_QUILLPOINT = article(
    "Orbitex agrees to acquire analytics startup Quillpoint for $310 million",
    """Orbitex Corp said on Wednesday it would buy Quillpoint, a Berlin analytics startup,
    for $310 million in stock and cash.

    Quillpoint, founded by Anja Vogel in 2017, sells dashboards to retailers. The purchase is
    expected to close by December, Orbitex said.""",
)

SUMMIT_JUNE = article(
    "Prime Minister Lena Varga meets Chancellor Otto Brandt on energy pipeline",
    """Prime Minister Lena Varga met Chancellor Otto Brandt in Vienna on Friday to discuss
    the Danube gas pipeline, agreeing to speed up permits for the 420-kilometre link.""",
    published=datetime(2025, 6, 6, 12, 0),
)

SUMMIT_JUNE_B = article(
    "Varga and Brandt agree to fast-track Danube gas pipeline",
    """Lena Varga and Otto Brandt agreed in Vienna on Friday to fast-track permits for the
    420-kilometre Danube gas pipeline, the two governments said.""",
    published=datetime(2025, 6, 6, 18, 0),
)

SUMMIT_JULY = article(
    "Lena Varga and Otto Brandt clash over migration quotas in Brussels",
    """Prime Minister Lena Varga and Chancellor Otto Brandt clashed over migration quotas at a
    summit in Brussels on Thursday, weeks after their meeting in Vienna.""",
    published=datetime(2025, 7, 10, 12, 0),
)

# One crane collapse told four ways: the union's angle shares little with the first report, the
# later reports tell both.
CRANE_FIRST = article(
    "Crane collapse kills three workers at the Port of Valdora",
    """A container crane collapsed at the Port of Valdora on Tuesday morning, killing three
    workers and injuring five, the port authority said.

    Port authority chief Lena Markovic said the 60-metre crane, operated by Brightline
    Logistics, toppled onto a loading berth shortly after 7am. Rescue crews searched the
    wreckage for hours.

    "This is the darkest day in the history of our port," Markovic told reporters. Operations
    at the eastern terminal were suspended and an investigation was opened.""",
)
CRANE_UNION = article(
    "Union blames skipped inspections for Valdora crane deaths",
    """The dockworkers' union accused the operator of ignoring safety warnings, a day after
    three of its members died in Valdora.

    Union leader Tomas Rell said members had reported cracks in the crane's boom in March and
    that a scheduled inspection was postponed twice. State inspector Ana Silva confirmed that
    the inspection had been delayed and said her office would review the company's records.

    The company said it was cooperating fully and declined to comment further.""",
)
CRANE_BOTH = article(
    "Valdora crane collapse: union says inspection was postponed",
    """Three workers were killed when a container crane collapsed at the Port of Valdora on
    Tuesday. Port authority chief Lena Markovic suspended operations at the eastern terminal.

    Dockworkers' union leader Tomas Rell said cracks in the boom had been reported in March and
    that an inspection was postponed twice. State inspector Ana Silva said her office would
    review Brightline Logistics' records.""",
)
CRANE_INQUIRY = article(
    "Investigation opened after deadly crane collapse in Valdora",
    """Investigators were examining the wreckage of a crane that collapsed at the Port of
    Valdora, killing three workers. Lena Markovic, head of the port authority, said the eastern
    terminal would stay closed.

    Union leader Tomas Rell blamed a postponed inspection, and state inspector Ana Silva said
    the records of the operator, Brightline Logistics, would be reviewed.""",
)

# One boxer's two title defences, months apart, each told three ways: the same champion, belt
# and promoter, but another challenger, city and round.
DEFENCE_REYES = [
    article(
        "Kovalenko stops Marcus Reyes in the ninth to keep his WBC heavyweight belt",
        """Dario Kovalenko retained his WBC heavyweight title on Saturday, stopping Marcus
        Reyes of Puerto Rico in the ninth round before 14,000 fans in Hamburg.

        Reyes was down twice in the eighth. Referee Hans Vogt waved the fight off after a
        left hook sent the challenger into the ropes at 1:42 of the ninth.""",
    ),
    article(
        "Reyes no match for Kovalenko in Hamburg",
        """Marcus Reyes lasted into the ninth round but could not take Dario Kovalenko's WBC
        heavyweight belt in Hamburg, where referee Hans Vogt stopped the bout at 1:42.

        The Puerto Rican had been floored twice in the eighth by the champion's jab and
        left hook, and his corner did not protest the stoppage.""",
    ),
    article(
        "Champion Kovalenko beats Reyes, eyes unification",
        """Dario Kovalenko kept the WBC heavyweight crown with a ninth-round stoppage of Marcus
        Reyes in Hamburg on Saturday and said he wanted a unification bout next.

        "Reyes was tough, he got up twice in the eighth," Kovalenko said after referee Hans
        Vogt ended it in front of 14,000 at the arena.""",
    ),
]
DEFENCE_LIND = [
    article(
        "Kovalenko knocks out Tomasz Lind in Kyiv, keeps WBC heavyweight title",
        """Dario Kovalenko knocked out Tomasz Lind of Poland in the fourth round in Kyiv on
        Friday night to keep his WBC heavyweight title for a sixth time.

        Lind, 31, was caught by a right hand after 2:15 of the fourth and could not beat the
        count of referee Milos Petrovic before 22,500 at the Olimpiyskiy stadium.""",
    ),
    article(
        "Lind counted out in the fourth as Kovalenko defends in Kyiv",
        """Tomasz Lind's challenge for Dario Kovalenko's WBC heavyweight belt ended in the
        fourth round in Kyiv, where the Pole was counted out by Milos Petrovic at 2:15.

        A crowd of 22,500 at the Olimpiyskiy saw the champion's sixth defence, decided by a
        single right hand.""",
    ),
    article(
        "Kovalenko's right hand ends Lind's night at the Olimpiyskiy",
        """Dario Kovalenko needed four rounds to dispose of Tomasz Lind on Friday, a right hand
        at 2:15 leaving the Polish challenger on the canvas in Kyiv.

        "Lind came to win, but I was ready," said Kovalenko after referee Milos Petrovic
        counted to ten in front of 22,500 fans.""",
    ),
]

# Two unrelated events that share only names common in English (and ordinary words).
LAWSUIT_PHILADELPHIA = article(
    "Microsoft settles Philadelphia lawsuit over Kelvrand licences",
    """Microsoft agreed on Monday to pay 41 million dollars to settle a lawsuit brought by the
city of Philadelphia over Kelvrand software licences, ending a dispute that began in 2019.

The Philadelphia city solicitor, Dana Orvitz, said the Kelvrand settlement would fund school
computers. Microsoft said it admitted no wrongdoing.""",
)
OFFICE_PHILADELPHIA = article(
    "Microsoft opens Philadelphia office for Tarsuvi cloud team",
    """Microsoft opened an office in Philadelphia on Thursday for 230 engineers of its Tarsuvi
cloud team, the company said.

Mayor Corin Baptiste welcomed the Tarsuvi engineers to Philadelphia. Microsoft plans to hire 90
more staff next year.""",
)
