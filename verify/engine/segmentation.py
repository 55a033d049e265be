"""Split an article body into paragraphs and sentences, and mark page furniture.

Pure Python, standard library only: no Django import, so the attribution and cross-check code
(and the benchmarks) can use it anywhere.

Contract of :func:`segment`, for *any* ``str``:

* every non-blank line is one paragraph; lines are split where :meth:`str.splitlines` splits
  (``\\n``, ``\\r\\n``, ``\\r``, ``\\u2028``, ``\\u2029`` and the other Unicode line
  separators ``\\v \\f \\x1c \\x1d \\x1e \\x85``), and a sentence never crosses one;
* ``body[s.start:s.end] == s.text`` for every sentence; ``text`` is stripped and never empty;
* sentences are ordered, do not overlap, ``index`` counts from 0, ``paragraph`` never decreases;
* every non-whitespace character of the body is in exactly one sentence.

Sentence boundaries are found in one left-to-right pass over each line: every run of ``.?!…``
(plus any closing quotes or brackets) that is followed by whitespace is a *candidate*, and
:func:`_is_boundary` decides it from the word before it and the word after it. Heuristics that
are guesses, not rules of English, are documented where they are made:

* abbreviations come in four classes (titles that precede a name, Latin/"vs." forms that never
  end a sentence, forms that precede a number, and *ambiguous* forms such as ``U.S.``, ``Inc.``,
  ``Jan.`` or ``a.m.`` that may or may not end one);
* an *ambiguous* abbreviation, a dotted acronym or an initial ends a sentence only when the next
  word is a capitalised function word that typically opens an English sentence (``The``,
  ``He``, ``But``, ``In``, ``A``…, see ``_STARTERS``) or an opening quote. "…in the U.S. The
  president said…" splits; "the U.S. Senate", "J.R.R. Tolkien", "9 a.m. Monday" do not;
* an ellipsis (``...`` or ``…``) ends a sentence only under the same condition (a capitalised
  sentence-opening function word follows), or when it is followed by a closing quote and a
  capitalised word. Four or more dots are a full stop plus an ellipsis and end the sentence
  before any capitalised word;
* ``?`` and ``!`` end a sentence unless a lower-case word follows (``"Why?" he asked``) or,
  after a closing quote, a short capitalised name and a speech verb (``"Why?" Smith asked``);
* dashes, commas, colons and semicolons never end a sentence, and a full stop not followed by
  whitespace (``3.5%``, ``version 2.0``, ``example.com/a.b``, ``U.S.-backed``) is never a
  candidate.

Boilerplate (``kind == BOILERPLATE``) is decided per sentence and per line from the lexicons
and grammars of the ``# --- boilerplate`` section (measured by ``bench.bench_boilerplate``);
see :func:`_line_is_furniture_heading` and :class:`_LinkListState` for the link-list rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from verify.engine.documents import TooManySentences
from verify.engine.vocabulary import SentenceKind

CLAIM = SentenceKind.CLAIM
BOILERPLATE = SentenceKind.BOILERPLATE

__all__ = ["BOILERPLATE", "CLAIM", "Sentence", "segment"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a body: ``body[start:end] == text``."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str
    kind: SentenceKind


# --- lines ------------------------------------------------------------------------------------

# The characters str.splitlines() treats as line boundaries; "\r\n" is one boundary.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_NON_SPACE = re.compile(r"\S")

# --- sentence boundary candidates -------------------------------------------------------------

_CLOSERS = "\"'”’»)\\]}›"
_OPENERS = "\"'“‘«(\\[{‹¿¡"
# A maximal run of sentence punctuation, then closing quotes/brackets, then whitespace or the
# end of the line. Possessive quantifiers and the look-behind keep the scan linear on any input
# (a long run of "?!?!" or "...." is tried once, not once per character).
_CANDIDATE = re.compile(r"(?<![.?!…])[.?!…]++[" + _CLOSERS + r"]*+(?=\s|$)")
# What follows a candidate: whitespace, opening quotes/brackets, then the next word.
_FOLLOWING = re.compile(r"\s+(?P<open>[" + _OPENERS + r"]*)(?P<next>[\w’'-]*)(?P<sym>\S?)")
_SPEECH_AFTER = re.compile(
    r"\s+(?:[A-Z][\w’'.-]*\s+){1,3}(?:said|says|asked|asks|added|told|wrote|replied|shouted|"
    r"tweeted|posted|exclaimed|wondered|insisted|recalled)\b"
)
_HAS_ALNUM = re.compile(r"[^\W_]")
# A list enumerator at the start of a line: "1.", "a)", "IV." – not a sentence of its own.
_ENUMERATOR = re.compile(r"\W*(?:\d{1,3}|[A-Za-z]|[IVXivx]{1,4})?\W*", re.ASCII)
_DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles written before a name: never end a sentence.
_TITLES = _words(
    """Mr Mrs Ms Messrs Mmes Dr Drs Prof Sen Sens Rep Reps Gen Gens Gov Govs Lt Col Sgt Cpl Pvt
    Capt Cmdr Cmdt Adm Maj Brig Supt Insp Det Atty Amb Rev Msgr Fr Hon Pres Rt Gov-elect"""
)
# Forms that never end a sentence whatever follows.
_NON_FINAL = _words("vs v e.g i.e cf viz approx Vs Cf Approx E.g I.e incl")
# Forms that precede a number ("No. 5", "p. 12"): no boundary before a digit.
_BEFORE_NUMBER = _words("No Nos Nr no nos Art Vol Vols vol Fig Figs fig p pp Ch ch Sec sec Rs")
# Forms that may end a sentence; they end one only before a sentence-opening word.
_AMBIGUOUS = _words(
    """Inc Corp Co Cos Ltd Plc Bros Assn Dept Univ Ave Blvd Rd Hwy St Mt Ft Jr Sr Esq etc al est
    ca Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat
    Sun Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
    Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo Gov't Govt Intl"""
)
# Capitalised words that typically open an English sentence in news copy. Used only to decide
# ambiguous cases (after "U.S.", an initial, an ambiguous abbreviation, or an ellipsis).
_STARTERS = _words(
    """The A An He She It They We I You His Her Its Their Our My Your This That These Those There
    Here But And Or So Yet Still However Meanwhile Moreover Also Instead Nevertheless Otherwise
    In On At As After Before When While If Although Though Since Because During For From With
    Without By To Under Over Despite Some Many Most Several All Both Each Neither Either None Not
    One Two Three Other Such What Who Why How Where Which Last Earlier Later Now Then Thus
    Asked Among Until Unlike"""
)
_CURRENCY = frozenset("$£€¥₴₽")
_CLOCK = _words("a.m p.m A.M P.M")
# Capitalised words that continue a clock time: weekdays, months, time zones.
_TIME_CONTINUATIONS = _words(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri
    Sat Sun January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec GMT UTC BST CET CEST EET EEST ET
    EST EDT CT CST CDT PT PST PDT MSK Eastern Central Pacific Mountain Greenwich"""
)
# "... a.m. Kyiv time": a capitalised place name followed by "time" still tells the time.
_TIME_WORD = re.compile(r"\s+(?:time|local)\b")


def _strip_word(word: str) -> str:
    return word.lstrip(_OPENERS).rstrip(_CLOSERS)


def _word_start(body: str, position: int, floor: int) -> int:
    """Return where the whitespace-delimited word ending at ``position`` starts."""
    while position > floor and not body[position - 1].isspace():
        position -= 1
    return position


def _is_boundary(body: str, match: re.Match[str], line_end: int, word: str) -> bool:
    """Decide whether the candidate ``match`` ends a sentence (see the module docstring).

    ``word`` is the text between the previous whitespace and the punctuation run; the caller has
    already excluded candidates that would leave a sentence without a letter or digit.
    """
    following = _FOLLOWING.match(body, match.end(), line_end)
    if following is None:  # end of the line: the line break ends the sentence anyway
        return False
    term = match.group().rstrip(_CLOSERS)
    close = match.group()[len(term) :]
    opened = following.group("open")
    next_word = following.group("next")
    first = next_word[:1] or following.group("sym")
    if not first:
        return False
    if first.islower():
        return False
    upper = first.isupper() or (not first.isalnum() and first not in _CURRENCY)
    starts_sentence = bool(opened) or next_word in _STARTERS

    if "?" in term or "!" in term:
        quoted = any(q in close for q in "\"”’'»")
        return not (quoted and _SPEECH_AFTER.match(body, match.end(), line_end))

    if term != ".":
        if term in ("…", "..", "..."):
            # An ellipsis: a pause inside a sentence unless a sentence-opening word follows,
            # or a closing quote shows the quoted sentence ended.
            return upper and (starts_sentence or bool(close))
        return upper  # "....", "….": a full stop plus an ellipsis

    word = _strip_word(word)
    if word in _TITLES or word in _NON_FINAL:
        return False
    digit_next = first.isdigit() or first in _CURRENCY
    if word in _BEFORE_NUMBER:
        return not digit_next
    if word in _CLOCK:
        # "4 a.m. Monday", "4 a.m. Kyiv time", "4 a.m. GMT" continue; any other capitalised
        # word after a clock time opens a new sentence ("at 4 a.m. Residents fled").
        if digit_next or not upper or next_word in _TIME_CONTINUATIONS:
            return False
        return _TIME_WORD.match(body, following.end("next"), line_end) is None
    if word in _AMBIGUOUS or _DOTTED.fullmatch(word) or (len(word) == 1 and word.isupper()):
        if digit_next:
            return False
        return upper and starts_sentence
    return True


# --- boilerplate ------------------------------------------------------------------------------
#
# The furniture rules are data: lexicons of the words news sites print around an article
# (networks, wire agencies, journalist roles, dates, interface labels) and a few line and
# sentence grammars built from them. A *line* rule marks every sentence of its line; a
# *sentence* rule marks one sentence, so a plug at the end of a prose paragraph is caught
# without its neighbours. Where a furniture form and a claim start with the same words
# ("Reporting by Jane Doe" / "Reporting by the BBC prompted …", "Copyright 2026 …" /
# "Copyright lawyers said …", "Updated 14:05 GMT" / "Updated figures show …"), the line rule
# must match the *whole* line, so a sentence that goes on to say something is never furniture.

_BP_FLAGS = re.IGNORECASE


def _one_of(phrases: str) -> str:
    """A non-capturing alternation of ``phrases`` (regular expressions, one a line)."""
    return "(?:" + "|".join(p.strip() for p in phrases.strip().splitlines() if p.strip()) + ")"


# Social networks and sharing channels, as named on share bars and "Follow us" plugs.
_SOCIAL = _one_of(
    r"""
    facebook|twitter|x|instagram|tiktok|youtube|linkedin|threads|bluesky|mastodon|reddit
    whatsapp|telegram|pinterest|snapchat|messenger|flipboard|google\s+news|social\s+media
    e-?mail|sms|copy\s+link|print
    """
)
# Wire agencies and the generic credits that stand alone on a line ("Staff and agencies").
_AGENCY = _one_of(
    r"""
    reuters|ap|associated\s+press|afp|agence\s+france[\s-]presse|pa(?:\s+media)?
    press\s+association|bloomberg(?:\s+news)?|dpa|ansa|efe|kyodo(?:\s+news)?|xinhua|yonhap
    interfax|ukrinform|tass|upi|anadolu(?:\s+agency)?|aap|the\s+canadian\s+press|cp
    pti|ians|ani|press\s+trust\s+of\s+india|australian\s+associated\s+press
    (?:(?:our\s+)?staff\s+and\s+)?(?:news\s+|wire\s+)?agencies|wire\s+services|(?:our\s+)?staff
    """
)
# What a journalist is called in a byline or bio ("Political Correspondent").
_ROLE = (
    r"(?:reporter|correspondent|editor|writer|columnist|photographer|producer|journalist"
    r"|contributor|analyst|presenter|critic|staff)s?"
)
# What a desk is called before a role without an article: "is chief political correspondent".
_DESK = (
    r"(?:chief|senior|deputy|political|economics|business|health|science|foreign|home|sports?"
    r"|arts|education|environment|technology|crime|legal|security|diplomatic|digital|managing"
    r"|features|investigations|data)"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?"
)
_ZONE = r"(?:gmt|utc|bst|cet|cest|eet|eest|et|est|edt|ct|cst|cdt|pt|pst|pdt|msk|ist|aest|aedt)"
# One item of a timestamp line: a label, a date or time token, a relative time, a read time.
_TIME_ITEM = _one_of(
    rf"""
    (?:(?:first|last|originally)\s+)?(?:published|updated|posted|modified|amended|edited|filed)
    embargo(?:ed)?(?:\s+(?:until|till))?|(?:in\s+)?print(?:\s+edition)?
    (?:\d+|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|hr|hour|day|week|month|year)s?\s+ago|just\s+now
    \d+\s*[smhdw]\s+ago
    (?:reading\s+time\s*:?\s*)?\d+\s*-?\s*min(?:ute)?s?(?:\s+(?:read|listen|watch))?
    \d{{1,2}}(?:[:.]\d{{2}})?\s*[ap]\.?m\.?
    (?:duration\s*:?\s*)?\d{{1,2}}:\d{{2}}(?::\d{{2}})?|\d{{1,2}}[.h]\d{{2}}
    \d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,4}}(?:st|nd|rd|th)?
    {_MONTH}|{_WEEKDAY}|{_ZONE}|at|on|today|yesterday
    """
)
# A line that only tells when the page was published or updated, or how long it takes to read.
_BP_TIMESTAMP = re.compile(
    rf"(?=.*\d)[\W_]*(?>{_TIME_ITEM})(?:[\s,:|•·–—-]+(?>{_TIME_ITEM}))*[\s.)]*", _BP_FLAGS
)
# Labels of page chrome that stand alone on a line: share bars, players, comment links,
# account and cookie prompts, footer links, sponsorship tags.
_UI_LABEL = _one_of(
    rf"""
    share(?:\s+(?:this|the|full))?(?:\s+(?:article|story|page|post|video|link|gallery))?
    (?:share|send|post)(?:\s+this(?:\s+(?:article|story))?)?\s+(?:on|via|to)\s+{_SOCIAL}
    tweet(?:\s+this)?|print(?:\s+this)?(?:\s+(?:page|article|story))?
    e-?mail(?:\s+this)?(?:\s+(?:page|article|story|link))?
    copy(?:\s+the)?\s+link|link\s+copied(?:\s+to\s+(?:the\s+)?clipboard)?
    (?:save|bookmark|gift|give)(?:\s+this)?(?:\s+(?:article|story))?
    add\s+to\s+(?:my\s+)?(?:favou?rites|reading\s+list|saved(?:\s+stories)?)
    (?:\d+\s+)?comments?|(?:view|show|read|hide)\s+(?:all\s+)?(?:\d+\s+)?comments
    leave\s+a\s+comment|comment\s+on\s+this\s+(?:story|article)|most\s+commented
    be\s+the\s+first\s+to\s+comment
    comments\s+(?:are|have\s+been)\s+closed(?:\s+(?:for|on)\s+this\s+(?:article|story))?
    join\s+the\s+(?:conversation|discussion|debate)|log\s+in\s+to\s+comment
    reuse\s+this\s+content|republish\s+this\s+(?:article|story)|licensing
    reprints?(?:\s+(?:and|&)\s+permissions)?|report\s+an?\s+(?:error|mistake|typo)
    tell\s+us\s+what\s+you\s+think|send\s+(?:us\s+)?feedback|feedback
    expand|collapse|close|enlarge(?:\s+this\s+image)?|(?:toggle|hide|show)\s+caption
    open\s+(?:image\s+)?in\s+gallery|view\s+(?:gallery|image|slideshow)|full\s*screen
    play(?:\s+(?:video|audio|now|episode|podcast))?|pause|mute|unmute|replay|now\s+playing|up\s+next
    (?:video\s+player\s+)?loading|(?:show|hide|read|view)\s+(?:full\s+)?transcript|transcript
    episode\s+\d+|download(?:\s+(?:mp3|audio|episode|pdf))?(?:\s*\(\s*[\d.]+\s*[km]b\s*\))?
    watch(?:\s+(?:live|now|more|again))?|listen(?:\s+(?:now|live))?|audio(?:\s+version)?
    watch\s+(?:the\s+)?full\s+(?:interview|video|episode|programme|program|report|speech)
    listen\s+to\s+(?:the|this|our)\s+(?:podcast|episode|programme|program|show)
    (?:swipe|scroll|click|tap)\s+(?:for|to\s+see)\s+more(?:\s+(?:photos|pictures|images))?
    listen\s+to\s+(?:this\s+)?(?:article|story)(?:\W*\d+\s*(?:min(?:ute)?s?|m)\W*)?
    live(?:\s+(?:updates|blog|coverage|now|tv|stream))?|(?:show\s+)?key\s+events(?:\s+only)?
    pinned(?:\s+post)?|refresh(?:\s+for\s+(?:updates|the\s+latest))?|(?:show|see)\s+(?:more|all)
    load\s+more(?:\s+(?:stories|updates|posts|articles))?|breaking(?:\s+news)?
    (?:show|see|view|load)\s+(?:\d+\s+)?new\s+(?:updates?|posts?|stories|comments?)
    (?:our\s+)?live\s+coverage\s+(?:has\s+)?(?:ended|finished|closed|paused)
    notifications|(?:get|turn\s+on|enable|allow)\s+(?:push\s+|breaking\s+news\s+)?(?:alerts|notifications)
    get\s+the\s+app|open\s+(?:this\s+(?:article|story)\s+)?in\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}?app
    read\s+(?:this|the)\s+(?:story|article)\s+in\s+(?:the|our)\s+app
    read\s+(?:this\s+(?:article|story)\s+)?in\s+(?-i:[A-Z][a-z]+)
    subscribe(?:\s+(?:now|today|here))?|cancel\s+any\s*time
    start\s+(?:your|a)\s+(?:\d+[\s-](?:day|week|month)\s+)?free\s+trial
    (?:exclusive|available)\s+to\s+(?:paying\s+)?(?:subscribers|members)
    create\s+(?:an?\s+)?(?:free\s+)?account|register|log\s*(?:in|out)|sign\s*(?:in|out|up)|my\s+account
    back\s+to\s+top|top\s+of\s+page|about\s+us|contact\s+us|site\s*map|careers|help|faqs?
    accessibility(?:\s+statement)?|community\s+(?:guidelines|standards|rules)
    (?:corrections|ethics|editorial|complaints|comments?)\s+polic(?:y|ies)
    about\s+the\s+(?:author|writer|reporter)s?|more\s+(?:by|from)\s+(?:this|the)\s+(?:author|writer)
    (?:view|see)\s+(?:all|more)\s+(?:articles|stories|posts)\s+by\s+(?-i:[A-Z])[\w’'. -]{{1,40}}
    (?:view|see|browse)\s+(?:all|more)\s+(?:articles|stories|posts|coverage)\s+on\s+this\s+topic
    author(?:[’']s)?\s+(?:profile|page|bio)|(?:view|see)\s+(?:full\s+)?profile
    privacy(?:\s+(?:policy|notice|settings))?|terms(?:\s+(?:and|&)\s+conditions|\s+of\s+(?:use|service))?
    cookies?(?:\s+(?:settings|policy|preferences))?|manage\s+(?:cookies|preferences|consent)
    (?:accept|reject)\s+(?:all\s+)?cookies|(?:accept|reject)\s+all|advertise(?:\s+with\s+us)?
    do\s+not\s+sell(?:\s+or\s+share)?\s+my\s+(?:personal\s+)?(?:information|data)
    (?:your\s+)?privacy\s+(?:choices|options)
    file\s+(?:photo|picture|image)|supplied|handout|stock\s+image
    sponsored(?:\s+(?:content|post|story|stories|links))?|paid\s+(?:content|post|promotion|partnership)
    (?:partner|sponsor|advertiser)\s+content|promoted(?:\s+(?:content|stories))?
    ad(?:vertisement)?(?:\s+feedback)?|republished\s+with\s+permission
    ends|-30-|\#\#\#|embed(?:\s+(?:this|code))?
    (?:text|font)\s+size|got\s+it|no\s+thanks|maybe\s+later|dismiss
    skip\s+(?:ad(?:vertisement)?|this\s+ad)|corrections\s+(?:and|&)\s+clarifications
    """
)
_BP_UI_LINE = re.compile(rf"[\W_]{{0,3}}{_UI_LABEL}\s*(?:\(\d+\))?\s*[.:!|»>›→)\]-]?\s*", _BP_FLAGS)
# A share bar or a "Follow us" line that names its networks: "Share: Facebook, X, Email".
_BP_SOCIAL_LINE = re.compile(
    rf"""[\W_]{{0,3}}(?:
        (?:share(?:\s+this)?|follow(?:\s+us)?|connect\s+with\s+us|find\s+us)(?:\s+on)?\s*[:|]?\s*{_SOCIAL}
      | {_SOCIAL}(?=\s*(?:[,|/•·&]|and)\s*{_SOCIAL})
    )(?:\s*(?:[,|/•·&]|and)\s*{_SOCIAL})*\W*""",
    _BP_FLAGS | re.VERBOSE,
)
# Site navigation: "Home > News > Politics", "Terms of use | Privacy policy | Contact us".
_NAV_ITEM = r"[\w’'&-]+(?:\s+[\w’'&-]+){0,3}"
_BP_NAV_LINE = re.compile(
    rf"\W*(?:{_NAV_ITEM}(?:\s*[|>›»•·]\s*{_NAV_ITEM}){{2,}}|home(?:\s*[>›»/]\s*{_NAV_ITEM})+)\W*",
    _BP_FLAGS,
)
# A name as printed in a credit or byline: capitalised words, "and", "of", "for The …", "/".
# The joining words are lower case only, so each word of a name is read one way (a capitalised
# "At" or "In" is a name word, never a joiner) and a long line that fails costs linear time.
_CAP = r"(?-i:[A-Z][\w.’'-]*)"
_CREDIT_NAME = (
    rf"(?:(?-i:the\s+)?{_CAP}(?:\s+(?:{_CAP}"
    rf"|(?-i:and|&|for|of|the|de|da|van|von|al|el|la|le|du|in|at|on|via))"
    rf"|\s*[/,]\s*{_CAP})*|(?:our|the)\s+(?:news\s*desk|newsroom|staff|reporters?|team))"
)
_CREDIT_ROLE = _one_of(
    r"""
    (?:additional|further|with|contributing)\s+reporting|reporting|writing|editing|sub-?editing
    compiled|produced|written|edited|illustrated|research|verification|sources?
    translated(?:\s+from\s+(?:the\s+)?(?-i:[A-Z])\w+)?
    photos?|photographs?|pictures?|images?|illustrations?|photo\s+illustration|graphics?
    story|words|text|video|design|animation|data|map|fact-?checking|contributing|credits?
    reporters?|photographer|editor|producer|source\s+photos?
    fact-?check(?:ed|ing)?|(?:medically\s+)?reviewed|hosted|presented|narrated
    music|sound(?:\s+design)?|mix(?:ed|ing)|executive\s+producers?
    """
)
_CREDIT_SEGMENT = rf"{_CREDIT_ROLE}\s*(?:by\b|:|…|\.{{3}}|courtesy(?:\s+of)?\b)\s*{_CREDIT_NAME}"
# A credit line: "(Reporting by A in Kyiv; Editing by B)", "Words: A. Photos: B".
_BP_CREDIT_LINE = re.compile(
    rf"[\s(\[–—-]*{_CREDIT_SEGMENT}(?:\s*[;.|,]\s*(?:{_CREDIT_SEGMENT}|[\w ]{{1,25}}:\s*"
    rf"{_CREDIT_NAME}))*[\s.)\]]*",
    _BP_FLAGS,
)
_NAME = rf"{_CAP}(?:\s+{_CAP}){{0,3}}"
# A sponsor, syndication, broadcast or podcast tag that is the whole line: "Presented by
# Northgate Motors", "In partnership with Lumen Energy", "As heard on Coast FM Breakfast",
# "Listen and subscribe: Apple Podcasts | Spotify", "Watch Eastshire Tonight at 6.30pm on BBC".
_BP_TAG_LINE = re.compile(
    rf"""[\W_]{{0,3}}(?:
        (?:
            (?:sponsored|presented|supported|powered|brought\s+to\s+you|distributed|syndicated)\s+by
          | (?:(?:produced|published|made|created|written|reported)\s+)?
            in\s+(?:partnership|association|collaboration)\s+with
          | (?:watch|listen\s+to|stream)\s+(?:the\s+)?(?:full\s+|latest\s+)?
            (?:episode|interview|programme|program|show|series|documentary|video)\s+(?:on|via|at)
          | (?:partner|sponsor(?:ed)?|advertiser|paid)\s+content\s+(?:from|by|for)
          | as\s+(?:heard|seen|featured)\s+on
          | (?:listen|watch|subscribe|follow)(?:\s+and\s+(?:subscribe|follow))?
            (?:\s+(?:on|via|at)|\s*:)
        )\s*{_CREDIT_NAME}(?:\s*[|•·]\s*{_CREDIT_NAME})*
      | (?:watch|listen\s+to)\s+{_NAME}
          (?:\s+(?-i:at|on|from|every)\s+(?:{_CAP}|\d[\w.:]*)(?:\s+(?:{_CAP}|\d[\w.:]*))*)+
    )[\s.!]*""",
    _BP_FLAGS | re.VERBOSE,
)
# Wire copy around a story: a dateline alone on its line ("PARIS, Dec 7 (Reuters) -"), a slug
# ("BC-US--Storm-Flooding,1st Ld-Writethru") and an agency/photographer credit ("Reuters/Tom Hale").
_BP_WIRE_LINE = re.compile(
    rf"""[\s(\[]*(?:
        (?-i:[A-Z][A-Z.’'-]+(?:\s+[A-Z][A-Z.’'-]+){{0,3}})(?:,\s*[\w.]+(?:\s+[\w.]+){{0,2}})?
          (?:\s*\({_AGENCY}\))?\s*[-–—]+
      | (?-i:[A-Z]{{2,}})(?:-{{1,2}}\w+){{2,}}(?:,\s*\w+(?:[\s-]\w+){{0,3}})?
      | {_CAP}(?:\s+{_CAP})?\s*/\s*{_CREDIT_NAME}
    )[\s.)\]]*""",
    _BP_FLAGS | re.VERBOSE,
)
# Bylines, agency credits and author lines that make up a whole line.
_BP_BYLINE = re.compile(
    rf"""[\s(\[–—-]*(?:
        (?-i:By)\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME}){{0,3}}
          (?:\s*[,|–—-]\s*(?:[\w’'-]+\s+){{0,3}}{_ROLE}(?:\s*[,|]\s*{_CAP}(?:\s+{_CAP}){{0,3}})?)?
      | {_NAME}\s*[,|]\s*(?:[\w’'-]+\s+){{0,3}}{_ROLE}
      | (?:with\s+(?:(?:files|inputs|reporting)\s+from\s+)?|from\s+|via\s+)?{_AGENCY}
          (?:\s*(?:,|/|and|&)\s*{_AGENCY})*
      | (?-i:From)\s+{_CAP}[’']s\s+{_NAME}(?:\s*(?:,|and)\s*{_NAME})*
    )[\s.)\]]*""",
    _BP_FLAGS | re.VERBOSE,
)
# The start of a copyright notice: "© 2026 The Gazette", "Copyright Plains Daily 2026".
_COPYRIGHT = (
    r"(?:(?:©|\(c\)\s)\s*(?:\d{4}\b|(?-i:[A-Z]))|copyright\s*(?:©|\(c\)|\d{4}\b|(?-i:[A-Z])))"
)
# A whole sentence that is furniture, matched at the start of the sentence.
_BP_SENTENCE = re.compile(
    rf"""(?:[\w’'-]+(?:\s+[\w’'-]+){{0,2}}\s*:\s*)?  # a short label: "Markets live: follow our …"
    (?:for\s+(?:the\s+)?(?:latest|more|breaking|live)\b[^,.]{{0,40}},\s*)?  # "For the latest, …"
    (?:
        sign\s+up\b
      | subscribe(?![\w-])
      | (?:get|receive)\s+(?:our|the)\b[^.]{{0,40}}\bnewsletters?\b
      | (?:get|receive|have)\s+(?:our|the)\b[^.]{{0,60}}\b(?:(?:delivered|straight|directly)\s+)?
          (?:to|in|into)\s+your\s+inbox\b
      | (?:please\s+)?enter\s+(?:your|a\s+valid)\s+e-?mail\b
      | (?:our|the|this)\s+[\w\s-]{{0,30}}newsletters?\s*[:|]
      | share\s+(?:on|via|the\s+story|the\s+article)\b
      | share\s+this(?:\s+(?:article|story|page|post|video|link))?\s*(?:on\b|via\b|[:.!]|$)
      | (?:share|tweet|print|email|copy\s+link|comments?)[.!]?$
      | follow\s+(?:us\b|our\b|@\w
          | [^.;:]{{1,60}}?\bon\s+(?:the\s+)?(?:@|{_SOCIAL}\b))
      | (?:like|find|join|watch|connect\s+with|subscribe\s+to)\s+(?:us|our\b[^.]{{0,30}}?)\s+
          (?:on\s+)?(?:{_SOCIAL})\b
      | connect\s+with\s+us\b
      | follow\s+(?:the\s+)?(?:topics|authors?|writers?|this\s+(?:topic|author|writer))\b
      | advertisement[.:]?$
      | (?:advertisement|ad)\s*[-·•|–—:]\s*(?:scroll|continue|story)\b
      | (?:story|article)\s+continues\s+(?:below|after)\b
      | (?:continue|keep)\s+reading\b
      | scroll\s+(?:down\s+)?(?:to|for)\s+(?:continue|more|video|read)\b
      | (?:sponsored|promoted|paid)(?:\s+(?:content|post|partner))?$
      | (?:all\s+content\s+)?{_COPYRIGHT}
      | (?:follow|read|watch)\s+(?:(?:our|the)\s+)?
          (?:live\s+(?:updates|coverage|blog)|latest\s+updates)\b
      | (?:read|follow)\s+(?:the\s+)?latest\b
      | read\s+the\s+original\s+(?:article|story)[.!]?$
      | we(?:[’']ve|\s+have)\s+(?:paused|ended|closed|finished)\s+(?:our|this|the)\s+live\b
      | listen\s+to\s+(?:this|the)\s+(?:article|story|report)\b
      | (?:watch|see|listen\s+to)\s+(?:the\s+)?(?:full\s+)?(?:interview|video|report|clip|footage)
          \s+(?:above|below)\b
      | (?:a\s+version\s+of\s+)?this\s+(?:story|article|report|piece)\s+
          (?:has\s+been|was)\s+(?:updated|amended|corrected|edited|changed)\b
      | (?:a\s+version\s+of\s+)?this\s+(?:story|article|report|piece)\s+
          (?:originally\s+|first\s+)?(?:appeared|appears|ran)\b
      | this\s+(?:story|article|report|piece)\s+(?:was|is)\s+(?:originally\s+|first\s+)?
          (?:re)?published\b
      | this\s+(?:story|article|report|piece)\s+(?:was|has\s+been)\s+translated\s+from\b
      | this\s+(?:content|article|story|feature)\s+(?:was|is|has\s+been)\s+
          (?:paid\s+for|sponsored|funded|commissioned)\s+by\b
      | this\s+(?:video|audio)\s+(?:can\s*not|cannot|can[’']t)\s+be\s+played\b
      | this\s+(?:programme|program|episode|podcast|video|clip)\s+(?:will\s+be|is)\s+available\b
      | this\s+(?:article|story)\s+is\s+free\s+to\s+read\b
      | this\s+is\s+a\s+(?:developing|breaking)\s+(?:news\s+)?(?:story|situation)\b
      | this\s+(?:story|article|page|report)\s+is\s+(?:developing|being\s+updated)\b
      | (?:please\s+)?check\s+back\s+(?:later\s+|soon\s+)?(?:for|soon)\b
      | (?:more|further)\s+(?:details|updates|information)\s+to\s+follow\b
      | updated\b(?:[^.,]|\.(?=\d)){{0,40}}?\bto\s+(?:add|include|reflect|correct|clarify|remove)\b
          [^,]*$  # "Updated at 3.45pm to add …", not "Updated to reflect inflation, the …"
      # legal notices: "This article is for information only and is not financial advice."
      | this\s+(?:article|content|information|story|column|page)\s+is\s+(?:provided\s+)?
          (?:for\s+(?:general\s+)?information(?:al)?\s+(?:purposes\s+)?only
            |not\s+(?:intended\s+as\s+)?(?:financial|investment|legal|medical|tax)\s+advice)\b
      | (?:nothing\s+in\s+)?this\s+(?:article|content|column)\s+(?:does\s+not\s+)?constitutes?\s+
          (?:financial|investment|legal|medical|tax)\s+advice\b
      | this\s+is\s+a\s+(?:premium|subscriber|members?)(?:[\s-]only)?\s+(?:article|story|content)\b
      | this\s+(?:story|article|report|piece)\s+is\s+part\s+of\s+(?:our|a|an)\b
      | this\s+(?:story|article|report|piece)\s+(?:is|was)\s+(?:produced|published|made\s+possible)
          \s+(?:in\s+(?:partnership|collaboration)|with\s+(?:the\s+)?(?:support|funding|help))\b
      | an\s+earlier\s+version\s+of\s+this\b
      | (?:contact|e-?mail|write\s+to)\s+(?:the\s+)?(?:author|reporter|writer|newsroom|us)\b
      | (?:contact|reach|e-?mail)\s+(?:him|her|them|me|us)\s+(?:at|on|via)\b
      | (?:she|he|they|i)\s+can\s+be\s+(?:reached|contacted|emailed)\s+(?:at|on|via|by)\b
      # an author's bio on its own: "Jane Doe is the Gazette's Rome correspondent", "… is Delhi
      # correspondent", "… is the host of The Morning Round"; a bio goes on only to say what
      # they cover ("covering courts and crime"), never what they did ("and was arrested")
      | (?-i:{_NAME})\s+is\s+
          (?:(?:a|an|the)\s+(?!former\b)(?:[\w’'-]+\s+){{0,4}}?
            (?:{_ROLE}\b|(?:co-?)?host\s+of\s+(?-i:The\s+[A-Z]\w*\s+[A-Z]))
          |(?:(?:{_CAP}|{_DESK})\s+){{0,3}}{_ROLE}(?:\s+(?:for|at|of|on|with)\b|[.]?$))
          (?![^.]*\b(?:who|whose|was|were|has|had|said|says|but
            |and\s+(?:he|she|they|was|is|has|had|said|says))\b)[^.]{{0,80}}\.?$
      | (?:have\s+a\s+(?:news\s+)?tip|send\s+us\s+(?:a\s+|your\s+)?(?:news\s+)?tips?)\b
      | (?:got|have)\s+(?:a\s+)?(?:story|news\s+tip|tip)s?\b[^.?]{{0,20}}\?
      | do\s+you\s+have\s+(?:information|a\s+(?:question|story|tip)|questions)\b[^.?]{{0,40}}\?
      | tips\?
      | get\s+in\s+touch\b
      | send\s+us\s+(?:your\s+)?(?:photos|pictures|videos|stories|story|news|tips)\b
      | ask\s+us\s+(?:here|a\s+question)\b
      | let\s+us\s+know\s*(?:[.!]|$|in\s+the\s+comments|what\s+you\s+think|at\s|via\s)
      | spotted\s+an?\s+(?:mistake|error|typo)\b
      | was\s+this\s+(?:article|story|page)\s+(?:helpful|useful)\b
      | (?:click|tap)\s+(?:on\s+)?(?:the\s+\w+\s+)?(?:here\b|to\s+(?:expand|enlarge|play|watch
          |listen|read|view|see|continue|open|subscribe|sign|share|zoom|load)\b)
      | this\s+(?:article|story)\s+is\s+(?:more|over)\s+than\b
      | image\s+(?:caption|source|copyright)\b
      | (?:sign|log)\s+in\b(?:\s+(?:here|to|or)\b[^.]{{0,40}})?[.!]?$
      | (?:already\s+(?:a\s+(?:subscriber|member|registered\s+user)|have\s+an\s+account|subscribed)
          |don[’']t\s+have\s+an\s+account|not\s+a\s+(?:subscriber|member)(?:\s+yet)?)\s*(?:[?:!.]|$)
      | (?:register|sign\s+up|join|subscribe)\s+(?:now|here|today|for\s+free)[.!]?$
      | (?:for\s+)?(?:paying\s+)?(?:subscribers|members)\s+only\b
      | this\s+(?:content|article|story|feature)\s+is\s+(?:only\s+)?
          (?:for|available\s+to|exclusive\s+to)\s+(?:paying\s+)?(?:subscribers|members)\b
      | (?:please\s+)?(?:become|be)\s+a\s+(?:paying\s+)?(?:member|subscriber|supporter|patron)\s+
          (?:today|now|for)\b
      | unlock\s+(?:unlimited|full|premium|all)\b
      | you(?:[’']ve|\s+have)\s+(?:reached|used|read)\b[^.]{{0,40}}\b(?:articles?|stories|limit)\b
      | you\s+have\s+(?:\d+|one|two|three|no)\s+(?:free\s+)?(?:articles?|stories)\s+
          (?:left|remaining)\b
      | (?:register|sign\s+up|create\s+(?:an?\s+)?(?:free\s+)?account)\s+(?:for\s+free\s+)?
          to\s+(?:continue|keep)\s+reading\b
      | (?:want|continue)\s+to\s+read\s+more\b
      | want\s+more\s+(?:stories|news|articles|coverage|like\s+this)\b
      | don[’']t\s+miss\s+(?:out\s*(?:[:!.,]|$)|a\s+(?:thing|story|beat))
      | join\s+[\d,.]+\s*[km]?\s+(?:other\s+)?(?:readers|subscribers|people|members)\b
      | thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing|registering|reading|your\s+support)\b
      | check\s+your\s+(?:inbox|e-?mail)\b
      | you[’']re\s+all\s+set\b
      | (?:we(?:\s+and\s+our\s+(?:partners|vendors))?\s+use|(?:this|our)\s+(?:web\s*)?site\s+uses)
          \s+cookies\b
      | by\s+(?:signing\s+up|subscribing|registering|continuing|clicking|using\s+this\s+site)\b
          [^.]{{0,80}}\b(?:agree|accept|consent)\b
      | this\s+site\s+is\s+protected\s+by\s+(?:re|h)?captcha\b
      | (?:our|your)\s+(?:journalism|reporting|newsroom)\s+(?:relies|depends|is\s+funded)\b
      | your\s+support\s+(?:helps|makes|keeps|means|allows)\b
      | please\s+consider\s+(?:a\s+donation|donating|supporting|subscribing|making\s+a)\b
      | if\s+you\s+(?:value|like|enjoy(?:ed)?|appreciate|rely\s+on)\s+(?:our|this)\s+
          (?:journalism|reporting|work|article|story|coverage)\b
      | (?:(?:want|would\s+you\s+like)\s+to\s+)?(?:support|donate\s+to)\s+(?:our|independent)\s+
          journalism\b
      # reader prompts: comments, podcast schedules, channel plugs, "Catch all the latest …"
      | comments(?:\s+on\s+this\s+(?:article|story|page))?\s+(?:are|will\s+be)\s+
          (?:subject\s+to\s+our\b|(?:pre-?)?moderated\b)
      | (?:leave|post|add|share)\s+(?:a|your)\s+(?:comments?|views|thoughts|opinions?)\s*
          (?:below|in\s+the\s+comments?(?:\s+(?:below|section))?|here)?[.!]?$
      | what\s+do\s+you\s+think\s*\?$
      | new\s+episodes?\s+(?:every|each|out|drop|available)\b[^.]{{0,30}}[.!]?$
      | (?:find|browse|explore|discover|see)\s+(?:all\s+|more\s+)?(?:of\s+)?our\s+
          (?:[\w-]+\s+){{0,3}}?(?:podcasts|newsletters|videos|stories|coverage|galleries|puzzles)\s+(?:here|at|on|below)\b
      | enjoy\s+(?:more|unlimited)\s+(?:audio|podcasts|stories|articles|journalism|access)\b
      | we[’']re\s+(?:now\s+)?on\s+{_SOCIAL}\b
      | catch\s+(?:all\s+the|up\s+on\s+(?:all\s+)?the\s+latest|the\s+latest)\b[^.]{{0,80}}
          \b(?:news|updates|headlines|coverage)\b
      | (?:call|phone|ring|text|contact|e-?mail|write\s+to|message)\s+(?:the\s+|our\s+)?
          (?:[\w’'-]+\s+){{0,2}}?(?:news\s*desk|newsroom|picture\s+desk|news\s+team|editorial\s+team)\b
      | support\s+(?:us|the\s+[\w\s’'-]{{1,40}}?|our\s+[\w\s-]{{1,30}}?)\s+(?:from|for)\s+
          (?:as\s+little\s+as|just|only)\b
      | help\s+us\s+(?:keep|continue|fund|protect)\b[^.]{{0,40}}
          \b(?:journalism|news|reporting|free|independent|going)\b
      | why\s+you\s+can\s+trust\b
      | (?:please\s+)?(?:turn\s+on|enable)\s+javascript\b
      | your\s+browser\s+does\s+not\s+support\b
      | skip\s+to\s+(?:main\s+)?(?:content|navigation|main|footer|search)\b
      | join\s+(?:our|the)\b[^.]{{0,40}}\b(?:channel|group|community|newsletter|mailing\s+list)\b
      | get\s+(?:the\s+)?(?:latest|breaking)\b[^.]{{0,40}}\b(?:news|updates|alerts|headlines)\b
      | save\s+(?:this\s+)?(?:article|story)\b
      | read\s+the\s+full\s+(?:report|story|statement|article|interview)\s+here\b
      | (?:download|get)\s+(?:our|the)\b[^.]{{0,40}}\bapp\b
      | (?:allow|enable|turn\s+on)\s+(?:push\s+)?(?:notifications|alerts)\b
      | scan\s+(?:the\s+|our\s+)?qr\s+code\s+to\s+(?:download|get|read|listen|watch|subscribe)\b
      | (?:the\s+)?(?:views|opinions)\s+expressed\s+(?:in\s+this\s+\w+\s+|here\s+)?are\s+
          (?:those\s+of\s+the|the)\s+(?:author|writer|columnist|contributor)
      | (?:have\s+you\s+been|were\s+you)\s+affected\s+by\b[^.?]{{0,60}}\?
      | if\s+you(?:[’']ve|\s+have)\s+been\s+affected\s+by\b
      | stay\s+(?:up\s+to\s+date|informed|connected|in\s+the\s+loop)\b[^.]{{0,60}}\b(?:us|our)\b
      # a sentence that only gives a way to reach the newsroom: "Email tips@…", "Reach A at …"
      | (?:e-?mail|contact|reach|write\s+to|call|text|message|visit)\b.{{0,60}}?
          (?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)*
            \.(?:com|org|net|uk|tv|io))[\s.]*$
      | (?:available|download\s+it)\s+(?:on|from)\s+(?:the\s+)?(?:app\s+store|google\s+play)\b
    )""",
    _BP_FLAGS | re.VERBOSE,
)
# Furniture phrases that mark their sentence wherever they stand in it (one scan, not one per
# alternative of the start-anchored grammar above).
_BP_ANYWHERE = re.compile(
    r"""\b(?:
        all\s+rights\s+reserved
      | may\s+not\s+be\s+(?:published|reproduced|copied)\b[^.]{0,40}
          \b(?:broadcast|rewritten|redistributed)
      | contributed\s+(?:reporting|to\s+this\s+(?:report|story|article))
      | not\s+responsible\s+for\s+the\s+content\s+of\s+external
      | requires\s+javascript
      | (?:auto-?generated|published)\s+from\s+(?:a|an|the)\s+(?:syndicated|agency|wire)\s+feed
    )\b""",
    _BP_FLAGS | re.VERBOSE,
)
# A line that is furniture as a whole when it starts like this ("Related: …", credits).
_BP_LINE_PREFIX = re.compile(
    rf"""\W{{0,3}}(?:
        (?:related|read\s+(?:more|also|next)|also\s+read|see\s+also|more|watch(?:\s+more)?|listen
          |recommended(?:\s+reading)?|more\s+from\s+[^:]{{1,40}}|latest|editor[’']?s\s+picks?
          |trending)\s*[:|»>→–—-]
      | live\s*:[^.!?]{{1,80}}$  # a live blog's title, not a sentence: "Live: Election results\"
      | (?:correction|clarification|editor[’']?s\s+note|disclosure|disclaimer
          |note\s+to\s+readers|(?:legal|important)\s+notice)\s*:
      # a newsroom's channel plug with its call to action: "The Herald is now on WhatsApp. Join …"
      | (?:the\s+)?{_NAME}\s+is\s+(?:now\s+)?on\s+{_SOCIAL}[.!]\s+
          (?:click|tap|join|follow|subscribe)\b
      | (?:tags|topics|filed\s+under|more\s+about|podcast|gallery|in\s+pictures|licensing)\s*[:|]
      | our\s+(?:editorial\s+)?standards\b
      | (?:all\s+content\s+)?{_COPYRIGHT}
      | (?:(?:main|top|lead|header)\s+)?(?:photo(?:graph)?|picture|image|illustration|video
          |graphic|caption|credit|photo\s+illustration)s?(?:\s+credit)?\s*(?:[:|/]|\.{{2,}}|…)
      | (?:image|media|video)\s+(?:source|copyright|caption)\b
      | \(?\s*[\w.]+\s+(?:photo|pool|file)s?\s*/
      | (?:(?:image|photo|picture|slide)\s+)?\d+\s+(?:of|/)\s+\d+(?:\s*[:.|–—-]\s|\s*$)
      # a caption ending in its credit: "… (Jane Doe/Daily Ledger)"
      | .*\((?:[\w’'. -]{{0,30}}photo:?\s*)?[^()/\n]{{2,40}}/[^()/\n]{{2,40}}\)$
      | .*\b(?:getty\s+images|shutterstock|alamy)\b[^.]{{0,40}}$
    )""",
    _BP_FLAGS | re.VERBOSE,
)
# A line made only of URLs, handles, e-mail addresses and separators, with an optional label.
_BP_LINKS_ONLY = re.compile(
    r"""(?:[\w ]{1,25}:\s*)?
        (?:(?:https?://\S+|www\.\S+|@\w[\w.]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|t\.me/\S+
             |[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|ua|uk|io|me)(?:/\S*)?)
           [\s|•·,/–—-]*)+""",
    _BP_FLAGS | re.VERBOSE,
)
# Headings that introduce a list of links to other stories.
_BP_HEADING = re.compile(
    r"""\W{0,3}(?:
        (?:other|more|related|top|latest|popular|trending|recommended|similar|further|featured
          |suggested)
          (?:\s+(?:news|stories|articles|topics|reads|coverage|content|links|reading|posts
              |headlines|videos|galleries|podcasts))
          (?:\s+(?:of|on|for|from)\s+[\w\s’'-]{1,40})?
      | (?:(?:more|popular|trending)\s+(?:from|on|about|in|at)|(?:also|latest|top\s+stories)
          \s+(?:from|on))\s+[\w\s’'.&-]{1,40}
      | (?:read|see|also)\s+(?:also|more|next|read)
      | recommended(?:\s+for\s+you)?
      | related
      | you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in|have\s+missed)
      | (?:most|more)\s+(?:read|popular|viewed|shared|commented|watched)
          (?:\s+(?:stories|articles|news|videos))?(?:\s+(?:this\s+week|today|now))?
          (?:\s+(?:in|on|from)\s+[\w\s’'.&-]{1,30})?
      | editor[’']?s[’']?\s+(?:picks?|choice)
      | what\s+to\s+read\s+next
      | what\s+(?:others|people|readers|everyone)\s+(?:are|is)\s+(?:reading|watching)
      | in\s+other\s+news
      | don[’']t\s+miss
      | trending(?:\s+now)?
      | latest(?:\s+news)?
      | around\s+the\s+web
      | from\s+(?:our|the)\s+partners
      | explore\s+more(?:\s+on\s+(?:these|this)\s+topics?)?
    )\s*[:»>]?\s*""",
    _BP_FLAGS | re.VERBOSE,
)
# A reporting clause ("…, the detective said", "…, the bank told customers"): a sentence that
# carries one reports what someone said, so it is a claim even when it quotes furniture words
# ("Subscribe to our newsletter, the scam email said, …"); only the prefix and phrase rules,
# which do not cover their whole text, are checked against it.
_REPORTED = re.compile(
    r",\s+(?:[\w’'-]+\s+){0,4}?(?:said|says|told|tells|urged|urges|warned|warns|added|adds"
    r"|asked|asks|wrote|writes|heard|ruled|rules|found|finds|insisted|argued|claimed|stated"
    r"|announced|reported|confirmed)\b",
    _BP_FLAGS,
)
# Grammars that must cover a whole sentence ("Additional reporting by A. This story has been
# updated." is two furniture sentences on one line) or a whole line: a sentence that goes on to
# say something is never furniture. Interface labels ("Close", "Help") and navigation are only
# furniture as whole lines.
_BP_WHOLE_SENTENCE = (_BP_LINKS_ONLY, _BP_TIMESTAMP, _BP_CREDIT_LINE, _BP_BYLINE)
_BP_WHOLE_LINE = (
    *_BP_WHOLE_SENTENCE,
    _BP_UI_LINE,
    _BP_SOCIAL_LINE,
    _BP_NAV_LINE,
    _BP_TAG_LINE,
    _BP_WIRE_LINE,
)
_BULLET = re.compile(r"[\s•·▪◦*>–—-]*")
_WORD = re.compile(r"[^\W_][\w’'.-]*")
# Furniture lines are short; longer lines and sentences are never tested against the patterns
# (which also bounds the regex work on hostile input).
_FURNITURE_MAX_CHARS = 300

_HEADLINE_MAX_WORDS = 20
_STANDFIRST_MAX_WORDS = 40
_LIST_MAX_ITEMS = 12


def _line_is_furniture_heading(line: str) -> bool:
    """A short line that announces a list of links: "Other Topics of Interest", "Read also"."""
    return len(line) <= 60 and _BP_HEADING.fullmatch(line) is not None


class _LinkListState:
    """Tracks the link list that follows a furniture heading ("Other Topics of Interest").

    A link list is a run of *teasers*. A teaser is a headline — a line of at most 20 words that
    does not end in a full stop or ellipsis — optionally followed by one *standfirst*: a line
    of at most 40 words ending in sentence punctuation, directly under its headline. The list
    ends at the first paragraph that is neither, that is at running prose: a sentence-like line
    that does not sit directly under a headline, a line longer than a standfirst, or a
    sentence-like line after a list that has already shown it carries no standfirsts (two
    headlines in a row). Lists longer than 12 teaser lines are cut off, so a mistaken heading
    cannot swallow a whole article. On the seed page this marks the heading, the
    "Witkoff's Credibility…" headline and its "Former US Ambassador…" standfirst as furniture,
    and the article resumes at "After a meeting in Geneva – …".
    """

    __slots__ = ("active", "after_headline", "headlines_only", "items")

    def __init__(self) -> None:
        self.active = False
        self.after_headline = False
        self.headlines_only = False
        self.items = 0

    def start(self) -> None:
        self.active = True
        self.after_headline = False
        self.headlines_only = False
        self.items = 0

    def take(self, line: str) -> bool:
        """Return whether ``line`` (stripped, non-blank) is a teaser line of the current list."""
        if not self.active:
            return False
        if self.items >= _LIST_MAX_ITEMS:
            self.active = False
            return False
        text = line[_BULLET.match(line).end() :]  # type: ignore[union-attr]
        words = len(_WORD.findall(text)) if len(text) <= 2 * _FURNITURE_MAX_CHARS else 1_000
        last = text.rstrip(_CLOSERS)[-1:]
        if 0 < words <= _HEADLINE_MAX_WORDS and last not in (".", "…"):
            if self.after_headline:
                self.headlines_only = True
            self.after_headline = True
            self.items += 1
            return True
        if (
            self.after_headline
            and not self.headlines_only
            and words <= _STANDFIRST_MAX_WORDS
            and last in (".", "?", "!", "…")
        ):
            self.after_headline = False
            self.items += 1
            return True
        self.active = False
        return False


def _line_is_furniture(line: str) -> bool:
    """Whether every sentence of ``line`` is furniture: a whole-line grammar or a line prefix."""
    if len(line) > _FURNITURE_MAX_CHARS:
        return False
    if any(pattern.fullmatch(line) for pattern in _BP_WHOLE_LINE):
        return True
    if _line_is_furniture_heading(line):
        return True
    return _BP_LINE_PREFIX.match(line) is not None and _REPORTED.search(line) is None


def _sentence_is_furniture(text: str) -> bool:
    """Whether one sentence is furniture whatever the rest of its line says."""
    if len(text) > _FURNITURE_MAX_CHARS:
        return False
    if any(pattern.fullmatch(text) for pattern in _BP_WHOLE_SENTENCE):
        return True
    if _BP_SENTENCE.match(text) is None and _BP_ANYWHERE.search(text) is None:
        return False
    return _REPORTED.search(text) is None


# --- segmentation -----------------------------------------------------------------------------


def _split_line(body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield the ``(start, end)`` spans of the sentences of ``body[start:end]``, stripped.

    A generator, so a caller that stops early (the sentence limit) stops the scan too.
    """
    sentence_start = start
    has_alnum = False  # whether body[sentence_start:scanned] holds a letter or digit
    scanned = start
    for match in _CANDIDATE.finditer(body, start, end):
        term_start = match.start()
        if not has_alnum:
            has_alnum = _HAS_ALNUM.search(body, scanned, term_start) is not None
            scanned = term_start
        # Never leave a sentence without a letter or digit ("..." alone, "?!").
        if not has_alnum:
            continue
        word_start = _word_start(body, term_start, sentence_start)
        word = body[word_start:term_start]
        # Nor split a list enumerator ("1. Introduction", "IV.") from the rest of its line.
        if word_start == sentence_start and len(word) <= 6 and _ENUMERATOR.fullmatch(word):
            continue
        if _is_boundary(body, match, end, word):
            yield sentence_start, match.end()
            following = _NON_SPACE.search(body, match.end(), end)
            sentence_start = following.start() if following else end
            has_alnum, scanned = False, sentence_start
    if sentence_start < end:
        yield sentence_start, end


def _line_spans(body: str) -> list[tuple[int, int]]:
    """Return the stripped ``(start, end)`` of every non-blank line of ``body``."""
    spans: list[tuple[int, int]] = []
    position = 0
    length = len(body)
    while position <= length:
        brk = _LINE_BREAK.search(body, position)
        line_end = brk.start() if brk else length
        first = _NON_SPACE.search(body, position, line_end)
        if first is not None:
            stop = first.start() + len(body[first.start() : line_end].rstrip())
            spans.append((first.start(), stop))
        if brk is None:
            break
        position = brk.end()
    return spans


def segment(body: str, *, limit: int | None = None) -> list[Sentence]:
    """Split ``body`` into sentences with exact offsets and a ``kind``.

    With ``limit``, raises :class:`~verify.engine.documents.TooManySentences` as soon as a
    sentence past the limit is found, so a hostile body costs no more than ``limit`` sentences.

    Accepts any string (no normalisation is applied, so offsets index into ``body`` as given).
    Guarantees the invariants listed in the module docstring. A sentence is ``BOILERPLATE``
    when it matches a furniture pattern itself (newsletter, paywall, cookie and donation
    prompts, "Share this article", "Follow us on …", live-coverage plugs, "Listen to this
    article", update and correction notes, tip and contact lines, author bios, copyright) or is
    wholly a timestamp, a credit, a byline or an agency credit, or when its whole line is
    furniture (a "Related:"/"Read more:" line, a "Photo:" line or a caption ending in its
    "(Name/Outlet)" credit, an interface label such as "Comments (14)" or "Back to top", a share
    bar, a navigation trail, a sponsor, syndication or podcast tag, a wire dateline or slug, a
    line of only links or handles, a link-list heading or a teaser line under one — see
    :class:`_LinkListState`). A sentence with a reporting clause ("…, the detective said") is
    never marked by a prefix or phrase rule: it quotes the furniture words it starts with.
    """
    sentences: list[Sentence] = []
    links = _LinkListState()
    for paragraph, (line_start, line_end) in enumerate(_line_spans(body)):
        line = body[line_start:line_end]
        if links.take(line):
            line_furniture = True
        elif _line_is_furniture_heading(line):
            links.start()
            line_furniture = True
        else:
            line_furniture = _line_is_furniture(line)
        for start, end in _split_line(body, line_start, line_end):
            if limit is not None and len(sentences) >= limit:
                raise TooManySentences(limit)
            text = body[start:end]
            furniture = line_furniture or _sentence_is_furniture(text)
            sentences.append(
                Sentence(
                    index=len(sentences),
                    paragraph=paragraph,
                    start=start,
                    end=end,
                    text=text,
                    kind=BOILERPLATE if furniture else CLAIM,
                )
            )
    return sentences
