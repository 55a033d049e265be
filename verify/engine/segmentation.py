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

Boilerplate (``kind == BOILERPLATE``) is decided per sentence and per line; see
:func:`_line_is_furniture_heading` and :class:`_LinkListState` for the link-list rule.
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

_BP_FLAGS = re.IGNORECASE
# A whole sentence that is furniture, matched at the start of the sentence.
_BP_SENTENCE = re.compile(
    r"""(?:[\w’'-]+(?:\s+[\w’'-]+){0,2}\s*:\s*)?  # a short label: "Markets live: follow our …"
    (?:
        sign\s+up\b
      | subscribe\b
      | (?:get|receive)\s+(?:our|the)\b[^.]{0,40}\bnewsletters?\b
      | (?:our|the|this)\s+[\w\s-]{0,30}newsletters?\s*[:|]
      | share\s+(?:this|on|via|the\s+story|the\s+article)\b
      | (?:share|tweet|print|email|copy\s+link|comments?)[.!]?$
      | follow\s+(?:us\b|our\b|@\w
          | [^.;:]{1,60}?\bon\s+(?:the\s+)?
            (?:@|twitter|x\b|facebook|telegram|instagram|tiktok|youtube|linkedin|threads|bluesky
              |mastodon|whatsapp|google\s+news|social\s+media))
      | (?:click|tap)\s+here\b
      | advertisement[.:]?$
      | (?:sponsored|promoted|paid)(?:\s+(?:content|post|partner))?$
      | (?:©|\(c\)\s|copyright\b)
      | .*\ball\s+rights\s+reserved\b
      | (?:follow|read|watch)\s+(?:(?:our|the)\s+)?
          (?:live\s+(?:updates|coverage|blog)|latest\s+updates)\b
      | listen\s+to\s+(?:this|the)\s+(?:article|story|report)\b
      | this\s+(?:story|article|report|piece)\s+(?:has\s+been|was)
          \s+(?:updated|amended|corrected|edited|changed)\b
      | .*\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))\b
      | (?:this|the)\s+(?:story|article|report)\s+(?:first\s+)?
          (?:appeared|was\s+(?:first\s+)?published)\b
      | (?:contact|e-?mail|write\s+to)\s+(?:the\s+)?(?:author|reporter|writer|newsroom|us)\b
      | (?:have\s+a\s+(?:news\s+)?tip|send\s+us\s+(?:a\s+|your\s+)?(?:news\s+)?tips?)\b
      | first\s+published\b
      | this\s+(?:article|story)\s+is\s+(?:more|over)\s+than\b
      | image\s+(?:caption|source)\b
      | (?:sign|log)\s+in\b(?:\s+(?:to|or)\b[^.]{0,40})?[.!]?$
      | skip\s+to\s+(?:main\s+)?content\b
      | join\s+(?:our|the)\b[^.]{0,40}\b(?:channel|group|community|newsletter|mailing\s+list)\b
      | get\s+(?:the\s+)?(?:latest|breaking)\b[^.]{0,40}\b(?:news|updates|alerts|headlines)\b
      | save\s+(?:this\s+)?(?:article|story)\b
      | read\s+the\s+full\s+(?:report|story|statement|article|interview)\s+here\b
      | (?:click|tap)\s+to\s+(?:expand|enlarge|play|watch|listen|read)\b
      | download\s+(?:our|the)\s+app\b
      | (?:support|donate\s+to)\s+(?:our|independent)\s+journalism\b
    )""",
    _BP_FLAGS | re.VERBOSE,
)
# A line that is furniture as a whole when it starts like this ("Related: …", credits).
_BP_LINE_PREFIX = re.compile(
    r"""\W{0,3}(?:
        (?:related|read\s+(?:more|also|next)|also\s+read|see\s+also|more|watch|listen|recommended
          |more\s+from\s+[^:]{1,40}|latest|editor[’']?s\s+picks?|trending)\s*[:|»>–—-]
      | \(?\s*(?:reporting|writing|additional\s+reporting|editing|compiled|produced|graphics
          |written|edited|translated|illustrated|research)
          \s+by\b
      | (?-i:By\s+[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}
          (?:\s*(?:,|and|&)\s*[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}){0,3})$  # a byline
      | (?:first\s+)?(?:published|updated|posted)\s*(?:on|at)?\s*:?\s*\d
      | (?:tags|topics|filed\s+under|podcast|gallery|in\s+pictures)\s*[:|]
      | our\s+standards\b
      | (?:©|\(c\)\s|copyright\b)
      | (?:photo|photograph|picture|image|illustration|video|graphic)s?(?:\s+credit)?\s*[:|]
      | (?:photo|photograph|picture|image)s?\s+by\b
      # a caption ending in its credit: "… (Jane Doe/Daily Ledger)"
      | .*\((?:[\w’'. -]{0,30}photo:?\s*)?[^()/\n]{2,40}/[^()/\n]{2,40}\)$
      | .*\b(?:getty\s+images|shutterstock|alamy)\b[^.]{0,40}$
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
        (?:other|more|related|top|latest|popular|trending|recommended|similar|further)
          (?:\s+(?:news|stories|articles|topics|reads|coverage|content|links|reading|posts))
          (?:\s+(?:of|on|for|from)\s+[\w\s’'-]{1,40})?
      | more\s+(?:from|on|about|in)\s+[\w\s’'.&-]{1,40}
      | (?:read|see|also)\s+(?:also|more|next|read)
      | recommended(?:\s+for\s+you)?
      | related
      | you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in|have\s+missed)
      | (?:most|more)\s+(?:read|popular|viewed|shared)
      | editor[’']?s[’']?\s+(?:picks?|choice)
      | what\s+to\s+read\s+next
      | in\s+other\s+news
      | don[’']t\s+miss
      | trending(?:\s+now)?
      | latest(?:\s+news)?
    )\s*[:»>]?\s*""",
    _BP_FLAGS | re.VERBOSE,
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
    if len(line) > _FURNITURE_MAX_CHARS:
        return False
    return (
        _BP_LINE_PREFIX.match(line) is not None
        or _BP_LINKS_ONLY.fullmatch(line) is not None
        or _line_is_furniture_heading(line)
    )


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
    when it matches a furniture pattern itself (newsletter plugs, "Share this article",
    "Follow us on …", live-coverage plugs, "Listen to this article", "This story has been
    updated …", "Advertisement", copyright, a caption ending in its "(Name/Outlet)" credit) or
    when its whole line is furniture (a "Related:"/"Read more:" line, a credit or byline, a
    "Photo:" line, a line of only links or handles, a link-list heading or a teaser line under
    one — see :class:`_LinkListState`).
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
            furniture = line_furniture or (
                len(text) <= _FURNITURE_MAX_CHARS and _BP_SENTENCE.match(text) is not None
            )
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
