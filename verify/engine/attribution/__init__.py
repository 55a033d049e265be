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

Pronouns ("he added") resolve to the most recent compatible source of the article. Sources are
classed by small lexicons of outlets, titles, anonymity nouns, documents and organisations, and
by capitalisation; a surname inherits the title seen earlier with the full name.

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
* :mod:`~verify.engine.attribution.kinds` — source kinds and names;
* :mod:`~verify.engine.attribution.resolve` — article context and pronouns;
* :mod:`~verify.engine.attribution.engine` — :func:`suggest`, tying them together.
"""

from verify.engine.attribution.engine import suggest
from verify.engine.attribution.model import Attribution, SentenceLike

__all__ = ["Attribution", "SentenceLike", "suggest"]
