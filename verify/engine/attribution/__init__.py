"""Suggest who each sentence of an article is attributed to.

A rule-based engine, pure Python and without Django: every sentence is tokenized with one
precompiled regular expression, reporting cues are looked up in a lexicon of verbs in all their
inflections (plus "according to" and "citing"), and the source of each cue is the noun phrase
found next to it inside its clause:

* before the cue ("Rubio said", "The Post has learned", "the diplomats said"), skipping
  auxiliaries and adverbs ("has also said"), "on Tuesday", a relative or appositive clause
  between commas ("X, who …, said") and a parenthetical ("X, in a statement, said");
* after it when inverted ("…,” said Rubio), after "according to" and "citing";
* for a participle after a comma ("…, saying …"), the subject of the main clause.

Pronouns ("he added") and short references ("the company", "the diplomats") resolve to the
nearest compatible source (number, gender where the text gives it, kind). Sources are classed
by small lexicons of outlets, anonymity nouns, documents and organisations, a role lexicon
(offices, personal roles, institution words) and capitalisation; a surname inherits the role
seen earlier with the full name. In relayed attribution the source the information comes from
comes first, carrying ``via`` (whoever relayed it, outlet or not), and its relay follows.

The package, one part per concern (each module's docstring says what it promises):

* :mod:`~verify.engine.attribution.model` — :class:`Attribution` and what a sentence must provide;
* :mod:`~verify.engine.attribution.tokens` — one sentence as tokens;
* :mod:`~verify.engine.attribution.phrases` — noun phrases to the left and right of a cue;
* :mod:`~verify.engine.attribution.subjects` — the subject of a cue that comes before it;
* :mod:`~verify.engine.attribution.complements` — whether a cue reports content (only
  sources: not refusals, plans, requests without content);
* :mod:`~verify.engine.attribution.records` — documents and the agents that relay them;
* :mod:`~verify.engine.attribution.cues` — cues and their mentions;
* :mod:`~verify.engine.attribution.newsroom` — the article's own outlet (own reporting);
* :mod:`~verify.engine.attribution.roles` — the role lexicon (which words make which kind);
* :mod:`~verify.engine.attribution.kinds` — source kinds and names;
* :mod:`~verify.engine.attribution.context` — article context: names, roles, antecedents;
* :mod:`~verify.engine.attribution.resolve` — pronouns;
* :mod:`~verify.engine.attribution.chain` — who relays whom in a sentence, and the order;
* :mod:`~verify.engine.attribution.engine` — :func:`suggest`, tying them together.
"""

from verify.engine.attribution.engine import suggest
from verify.engine.attribution.model import Attribution, SentenceLike

__all__ = ["Attribution", "SentenceLike", "suggest"]
