"""The text analysis engine: pure Python, no Django, no apps.

* :mod:`~verify.engine.vocabulary` — the closed vocabularies (sentence and source kinds,
  attribution modes, cross-check relations, confidence levels) as ``StrEnum`` classes;
* :mod:`~verify.engine.documents` — reading article files and bodies (header, HTML, JSON);
* :mod:`~verify.engine.segmentation` — sentences with exact offsets, claim or boilerplate;
* :mod:`~verify.engine.attribution` — suggested sources behind each sentence;
* :mod:`~verify.engine.analysis` — segmentation and attribution of one body;
* :mod:`~verify.engine.alignment` — which sentences of a revision follow which of the last;
* :mod:`~verify.engine.crosscheck` — comparing a claim with a candidate sentence;
* :mod:`~verify.engine.origins` — where a sentence's information comes from (echoes).

The Django side (:mod:`verify.jobs`, :mod:`verify.search`, the tasks and commands) and the
apps build on it; import-linter (``make lint``) keeps it free of Django and of the apps.
"""
