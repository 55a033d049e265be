"""Table-driven tests of the page-furniture rules of verify.engine.segmentation (issue 12).

Each furniture line is segmented as a whole body and every sentence of it must be boilerplate;
each claim, which starts or ends like furniture, must have no boilerplate sentence. The cases
are written for these tests (fictional outlets); bench/data/boilerplate holds the measured set.
"""

from __future__ import annotations

import pytest

from verify.engine.segmentation import BOILERPLATE, CLAIM, segment

FURNITURE = [
    # timestamps and read times: the whole line tells only when or how long
    "Published 5 hours ago",
    "Last updated: 9 April 2026, 17:42 BST",
    "Posted Thu 9 Apr 2026 at 6:02pm",
    "Updated Apr. 9, 2026, 11:20 a.m. ET",
    "Published: 08:15, 9 April 2026 | Updated: 10:30, 9 April 2026",
    "9 April 2026 • 3 min read",
    "First published on Thu 9 April 2026 06.00 BST",
    "3:05 p.m.",
    # credits and bylines
    "(Reporting by Ines Carvalho in Porto; Editing by Raj Mehta)",
    "Additional reporting by Olu Bakare. This story has been updated.",
    "Words: Petra Novak. Pictures: Luis Ortega",
    "Photo illustration by Kim Soto/The Lakeland Record",
    "Illustration by Noor Haddad",
    "Credit: Alma Reyes for The Lakeland Record",
    "(AP Photo/Dario Lupo, File)",
    "By Teodor Marin, Europe Correspondent",
    "By GRETA HALL | Staff Writer",
    "Omar Farah, Transport Reporter",
    "From CNN's Lucia Ferri",
    "Staff and agencies",
    "— With AFP",
    "Agence France-Presse",
    # bios and contact lines
    "Lena Kovac is a staff writer at the Lakeland Record covering courts.",
    "He can be reached at dpark@lakelandrecord.com.",
    "Got a news tip? Email us at tips@lakelandrecord.com",
    "Send us your pictures at photos@lakeland.tv",
    # correction and partnership notes
    "Correction: An earlier version of this article gave the wrong date for the hearing.",
    "An earlier version of this story misnamed the council leader.",
    "This story was produced in partnership with Lakeland Public Radio.",
    "A version of this article appears in print on April 10, 2026.",
    # interface labels, share bars, navigation
    "Share this article on X",
    "Share: Facebook, WhatsApp, Email",
    "Facebook | X | LinkedIn",
    "Comments (32)",
    "Toggle caption",
    "Image 2 of 9: The flooded underpass",
    "(Handout)",
    "Back to top",
    "Home > Local > Transport",
    "About us | Contact us | Privacy policy",
    "Cookie settings",
    "Advertisement · Scroll to continue",
    "Story continues below advertisement",
    # paywall, cookie, newsletter and donation prompts
    "You have 2 free articles left this month.",
    "Already a subscriber? Sign in",
    "We use cookies to personalise content and ads.",
    "Get the Lakeland Briefing straight to your inbox.",
    "Thank you for signing up!",
    "Your support helps us keep the Record free for everyone.",
    "Support the Lakeland Record from as little as £2 a month.",
    "Like us on Facebook and follow us on Instagram",
    "For breaking news, follow us on Telegram.",
    "Download the Lakeland Record app",
    # related-link headings
    "Most Viewed This Week",
    "What others are reading",
    "Popular on the Lakeland Record",
    "Explore more on these topics",
]

CLAIMS = [
    "Updated 2026 projections show the deficit narrowing.",
    "Published at noon, the audit named six contractors.",
    "First published in 1902, the almanac sold its last copy in March.",
    "Reporting by the Record last year exposed the contract.",
    "Research by Lakeland University found a fall in hedgehog numbers.",
    "Photos by the coastguard's helicopter showed the stranded ferry.",
    "Copyright lawyers said the ruling would reach far beyond music.",
    "Copyright of the letters passed to the poet's daughter, the court heard.",
    "Subscribe-and-save schemes face new rules from the regulator.",
    "Share prices in Lakeland Water fell 7% on Monday.",
    "Share this year's surplus with tenants, the housing board was told.",
    "Follow-up inspections found the same faults.",
    "By Wednesday, 600 homes were without water.",
    "By 5pm the protesters had left the square.",
    "Staff at the depot voted to strike.",
    "Reuters reported that the talks had broken down.",
    "Tom Ruiz, a reporter for the Record, was injured at the scene.",
    "Mara Linde is a former editor of the paper who now advises the minister.",
    "An earlier version of the bill was rejected last year.",
    "The story first appeared in a parish newsletter in 2019.",
    "Support for the plan fell to 39% in the latest poll.",
    "Tap to pay fares were introduced on buses in 2024.",
    "Help us protect our members, the union told ministers.",
    "Revenue rose to £2bn in the financial year (2025/26).",
    "The polls close at 10pm GMT on Thursday.",
    "Watch manufacturers reported a rise in exports to Asia.",
    "Subscribers to the service were told of the price rise by email.",
    "Correction officers at the jail walked out on Friday.",
]


def _kinds(body: str) -> set[str]:
    return {sentence.kind for sentence in segment(body)}


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_line_is_boilerplate(line: str) -> None:
    assert _kinds(line) == {BOILERPLATE}


@pytest.mark.parametrize("line", CLAIMS)
def test_furniture_looking_claim_is_a_claim(line: str) -> None:
    assert _kinds(line) == {CLAIM}


def test_whole_line_grammars_do_not_mark_the_prose_around_them() -> None:
    body = (
        "The bridge will close for a month, the council said.\n"
        "Updated 14:05 GMT\n"
        "By Teodor Marin, Europe Correspondent\n"
        "Engineers found cracks in two of its piers. Repairs will cost £4m."
    )
    assert [s.kind for s in segment(body)] == [CLAIM, BOILERPLATE, BOILERPLATE, CLAIM, CLAIM]
