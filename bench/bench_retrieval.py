"""Cross-check retrieval on ECB+ topics 1-20, through the product: does a cross-check find
the same event in other articles?

Data: ``../shared/eval/ecbplus-dev/`` relative to the repository root, or
``$SOURCEDESK_EVAL_DIR/ecbplus-dev`` (or that directory itself). Read in place, never copied;
skipped with a message when absent.

Run: ``.venv/bin/python -m bench.bench_retrieval [--backends sqlite,postgres] [--no-memory]``.
By default SQLite, and PostgreSQL too when the server answers.

The product's path (one process per database, fresh settings):

* **database** — a fresh one: a temporary SQLite file, or ``sourcedesk_bench_retrieval`` on
  PostgreSQL (dropped and created; :mod:`bench.benchdb`), migrated.
* **ingest** — every document through :func:`annotations.services.ingest.ingest_document` as a
  reference article: the body is the detokenised sentences one per line (a line is a paragraph
  to the segmenter), ``url`` the document's URL, no headline, outlet or date (ECB+ has none).
  The product segments, classifies, indexes (``search_text``, the full-text index and
  :func:`~annotations.services.search_index.record_terms`) and suggests attributions as for
  any article. The cross-check jobs ingest queues are left queued (the receiver that would run
  them in-process is disconnected), as a worker would find them; there are no drafts to
  re-check anyway.
* **cross-check** — each query's product sentences are claims of their article, cross-checked
  by :func:`verify.jobs.crosscheck_sentences`, the function a job runs on each batch of claims:
  :func:`verify.search.find_candidates` over the full-text index, each candidate scored with
  the index's idf and each article's headline and lead as context, the best classified by
  ``compare``, matches best first. The top 5
  are the ranking a reader sees. A product sentence maps back to the ECB+ sentence its start
  falls in; an ECB+ sentence the segmenter split is queried with all its claims (matches merged
  by score); one the product classifies as furniture (not a claim) is never searched and
  returns nothing.

For comparison (``--no-memory`` skips it), the former in-memory path: every sentence in an
in-memory BM25 index, the top 50 of an OR of the claim's :func:`search_terms` re-ranked with
:func:`compare` (context the document's first sentences), and the BM25 top 5 alone.

Gold and metrics:

* event mentions are the ``ACTION_*`` and ``NEG_ACTION_*`` mentions (participants, times and
  places are clustered too but sharing a participant is not reporting the same event); a
  cluster is cross-document when its mentions lie in at least two documents.
* queries: every sentence with a mention in a cross-document event cluster.
* recall@5: share of queries where one of the top 5 returned matches is in another document
  and shares an event cluster with the query (no match returned = a miss).
* precision: among all matches returned in the top 5, the share from the same sub-event (same
  topic and subtopic); the topic's other sub-event, or another topic, is wrong.
* baseline: plain sentence TF-IDF cosine (lower-cased words, no stopwords removed, no
  threshold), top 5 of other documents' sentences; published at recall@5 0.89 / precision
  0.87 on these topics.

Against overfitting every figure is also given for topics 1-10 and 11-20 separately; the
thresholds were chosen looking at topics 1-10 only. To try ranking variants without
re-ingesting, :mod:`bench.retrieval_cache` keeps this path's inputs and scores them in
seconds. Target (issue 11): recall@5 and precision both at least 0.95 through the product's
path.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchdb
from verify.engine.crosscheck import (
    MATCH_THRESHOLD,
    SENTENCE_MATCH_THRESHOLD,
    Match,
    Passage,
    compare,
    index_text,
    search_terms,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = "ecbplus-dev"
DOCS_FILE = "ecbplus_docs.jsonl"
MENTIONS_FILE = "ecbplus_mentions.jsonl"
BACKENDS = ("sqlite", "postgres")
PG_DATABASE = "sourcedesk_bench_retrieval"
TOP_CANDIDATES = 50  # the in-memory path's candidates (the product's: CROSSCHECK_CANDIDATES)
TOP_K = 5
TARGET = 0.95
CONTEXT_CHARS = 1500
BM25_K1 = 1.2
BM25_B = 0.75

SentenceId = tuple[str, int]  # (doc_id, sent_id)


def data_dir() -> Path | None:
    """Where the ECB+ dev files are, or None when they are not on this machine."""
    candidates: list[Path] = []
    env = os.environ.get("SOURCEDESK_EVAL_DIR")
    if env:
        candidates += [Path(env) / DATA_DIR, Path(env)]
    candidates.append(REPO_ROOT.parent / "shared" / "eval" / DATA_DIR)
    for path in candidates:
        if (path / DOCS_FILE).is_file() and (path / MENTIONS_FILE).is_file():
            return path
    return None


_DETOKENISE = [
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r"\s+([,.;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$])\s+"), r"\1"),
    (re.compile(r"(\w)\s+’\s+s\b"), r"\1’s"),
    (re.compile(r"\s+(['’](?:s|re|ve|ll|d)|n't|['’])(?=\s|$)"), r"\1"),
    (re.compile(r"(\w) - (\w)"), r"\1-\2"),
]


def detokenise(text: str) -> str:
    """Light detokenisation of space-joined tokens: "Reid 's rep , he said ." becomes
    "Reid's rep, he said."; a URL line ("http : / / a . com / x") loses all its spaces."""
    if text.startswith("http"):
        return text.replace(" ", "")
    for pattern, replacement in _DETOKENISE:
        text = pattern.sub(replacement, text)
    return text.strip()


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    topic: int
    subtopic: str
    url: str
    sentences: tuple[str, ...]
    context: str

    @property
    def subevent(self) -> tuple[int, str]:
        return (self.topic, self.subtopic)


def load(directory: Path) -> tuple[dict[str, Document], dict[SentenceId, set[str]]]:
    """Documents by id, and each sentence's cross-document event clusters."""
    docs: dict[str, Document] = {}
    with (directory / DOCS_FILE).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            ordered = sorted(row["sentences"], key=lambda s: s["sent_id"])
            # sent_ids are dense from 0; keep positions as ids.
            texts = tuple(detokenise(s["text"]) for s in ordered)
            context_parts: list[str] = []
            for text in texts:
                if context_parts and len(" ".join([*context_parts, text])) > CONTEXT_CHARS:
                    break
                context_parts.append(text)
            docs[row["doc_id"]] = Document(
                row["doc_id"],
                int(row["topic"]),
                row["subtopic"],
                row.get("url") or "",
                texts,
                " ".join(context_parts)[:CONTEXT_CHARS],
            )
    cluster_docs: dict[str, set[str]] = defaultdict(set)
    mentions: list[tuple[SentenceId, str]] = []
    with (directory / MENTIONS_FILE).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not row["cluster_id"] or not row["type"].startswith(("ACTION", "NEG_ACTION")):
                continue
            cluster_docs[row["cluster_id"]].add(row["doc_id"])
            mentions.append(((row["doc_id"], int(row["sent_id"])), row["cluster_id"]))
    clusters: dict[SentenceId, set[str]] = defaultdict(set)
    for sid, cluster in mentions:
        if len(cluster_docs[cluster]) >= 2:
            clusters[sid].add(cluster)
    return docs, dict(clusters)


class BM25Index:
    """An inverted index over whitespace tokens, ranked by BM25 (what the DB's FTS does)."""

    def __init__(self, entries: Iterable[tuple[SentenceId, str]]) -> None:
        self.ids: list[SentenceId] = []
        self.lengths: list[int] = []
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for sid, text in entries:
            tokens = text.split()
            row = len(self.ids)
            self.ids.append(sid)
            self.lengths.append(len(tokens))
            for token, count in Counter(tokens).items():
                self.postings[token].append((row, count))
        self.size = len(self.ids)
        self.average = sum(self.lengths) / max(self.size, 1)

    def idf(self, token: str) -> float:
        df = len(self.postings.get(token, ()))
        return math.log(1.0 + (self.size - df + 0.5) / (df + 0.5))

    def search(self, terms: Sequence[str], *, skip_doc: str, limit: int) -> list[SentenceId]:
        scores: dict[int, float] = defaultdict(float)
        for term in set(terms):
            idf = self.idf(term)
            for row, tf in self.postings.get(term, ()):
                norm = BM25_K1 * (1 - BM25_B + BM25_B * self.lengths[row] / self.average)
                scores[row] += idf * tf * (BM25_K1 + 1) / (tf + norm)
        ranked = sorted(scores, key=lambda r: (-scores[r], r))
        return [self.ids[r] for r in ranked if self.ids[r][0] != skip_doc][:limit]


class TfidfBaseline:
    """Plain sentence TF-IDF cosine over lower-cased words: the published baseline."""

    _WORD = re.compile(r"\w+")

    def __init__(self, entries: Iterable[tuple[SentenceId, str]]) -> None:
        rows = [(sid, Counter(self._WORD.findall(text.lower()))) for sid, text in entries]
        df: Counter[str] = Counter()
        for _, counts in rows:
            df.update(counts.keys())
        n = len(rows)
        self.idf = {t: math.log(n / d) for t, d in df.items()}
        self.ids = [sid for sid, _ in rows]
        self.vectors = [self._vector(counts) for _, counts in rows]
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for row, vector in enumerate(self.vectors):
            for term, weight in vector.items():
                self.postings[term].append((row, weight))

    def _vector(self, counts: Counter[str]) -> dict[str, float]:
        vector = {t: (1 + math.log(c)) * self.idf.get(t, 0.0) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {t: w / norm for t, w in vector.items() if w > 0}

    def search(self, row: int, *, skip_doc: str, limit: int) -> list[SentenceId]:
        scores: dict[int, float] = defaultdict(float)
        for term, weight in self.vectors[row].items():
            for other, other_weight in self.postings[term]:
                scores[other] += weight * other_weight
        ranked = sorted(scores, key=lambda r: (-scores[r], r))
        return [self.ids[r] for r in ranked if self.ids[r][0] != skip_doc][:limit]


@dataclass
class Tally:
    queries: int = 0
    hits: int = 0
    returned: int = 0
    correct: int = 0
    empty: int = 0

    def add(self, hit: bool, returned: int, correct: int) -> None:
        self.queries += 1
        self.hits += hit
        self.returned += returned
        self.correct += correct
        self.empty += returned == 0

    def figures(self) -> dict[str, float | int]:
        return {
            "queries": self.queries,
            "recall_at_5": round(self.hits / max(self.queries, 1), 4),
            "precision": round(self.correct / max(self.returned, 1), 4),
            "returned_per_query": round(self.returned / max(self.queries, 1), 2),
            "no_match": self.empty,
        }


def _half(topic: int) -> str:
    return "topics_1_10" if topic <= 10 else "topics_11_20"


def _score_run(
    queries: Sequence[SentenceId],
    docs: dict[str, Document],
    clusters: dict[SentenceId, set[str]],
    rank: Callable[[SentenceId], list[SentenceId]],
) -> dict[str, dict[str, float | int]]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for query in queries:
        doc = docs[query[0]]
        top = rank(query)[:TOP_K]
        hit = any(sid[0] != query[0] and clusters.get(sid, set()) & clusters[query] for sid in top)
        correct = sum(1 for sid in top if docs[sid[0]].subevent == doc.subevent)
        for name in ("all", _half(doc.topic)):
            tallies[name].add(hit, len(top), correct)
    return {name: tallies[name].figures() for name in ("all", "topics_1_10", "topics_11_20")}


# --- the product's path (one database per child process) -------------------------------------


def body_of(doc: Document) -> tuple[str, list[int]]:
    """The article body (one ECB+ sentence per line) and where each sentence starts in it."""
    starts: list[int] = []
    lines: list[str] = []
    offset = 0
    for text in doc.sentences:
        line = " ".join(text.split())
        starts.append(offset)
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), starts


def product_path(backend: str, directory: Path, candidates: int = 0) -> dict[str, Any]:
    """Ingest ECB+ into a fresh ``backend`` database and cross-check every query there
    (``candidates``, when given, replaces ``CROSSCHECK_CANDIDATES``: an experiment)."""
    with benchdb.fresh_django(backend, PG_DATABASE, prefix="bench-retrieval-"):
        if candidates:
            from django.conf import settings

            settings.CROSSCHECK_CANDIDATES = candidates
        return _product_run(backend, directory)


def _product_run(backend: str, directory: Path) -> dict[str, Any]:
    from django.conf import settings

    from annotations.models import Article, Sentence
    from annotations.services.ingest import ingest_document
    from annotations.signals import crosscheck_queued
    from verify.engine.documents import Document as IngestDocument
    from verify.jobs import BATCH, Corpus, crosscheck_sentences
    from verify.search import find_candidates

    # Ingest queues a job per article; a worker would run it later (nothing to re-check here).
    crosscheck_queued.disconnect(dispatch_uid="verify.send_queued_job")
    docs, clusters = load(directory)

    started = time.perf_counter()
    cpu_started = time.process_time()
    starts: dict[str, list[int]] = {}
    for doc in docs.values():
        body, starts[doc.doc_id] = body_of(doc)
        ingest_document(
            document=IngestDocument(body=body, external_id=doc.doc_id, url=doc.url),
            role=Article.Role.REFERENCE,
        )
    ingest_s = time.perf_counter() - started
    ingest_cpu_s = time.process_time() - cpu_started

    # Each product sentence belongs to the ECB+ sentence its start falls in.
    ecb_of: dict[int, SentenceId] = {}
    claims_of: dict[SentenceId, list[Sentence]] = defaultdict(list)
    product_sentences = 0
    for sentence in Sentence.objects.select_related("article").order_by("pk"):
        doc_id = sentence.article.external_id
        sid = (doc_id, bisect.bisect_right(starts[doc_id], sentence.start) - 1)
        ecb_of[sentence.pk] = sid
        product_sentences += 1
        if sentence.kind == Sentence.Kind.CLAIM:
            claims_of[sid].append(sentence)

    queries = sorted(clusters)
    searched = [claim for q in queries for claim in claims_of.get(q, [])]
    corpus = Corpus()
    results: dict[int, list[tuple[int, Match]]] = {}
    started = time.perf_counter()
    for start in range(0, len(searched), BATCH):  # as a job runs its claims
        results.update(crosscheck_sentences(searched[start : start + BATCH], corpus))
    crosscheck_s = time.perf_counter() - started

    relations: Counter[str] = Counter()
    ranked: dict[SentenceId, list[SentenceId]] = {}
    for query in queries:
        merged = sorted(
            (
                (match.score, match_id, match.relation)
                for claim in claims_of.get(query, [])
                for match_id, match in results[claim.pk]
            ),
            key=lambda item: (-item[0], item[1]),
        )
        top: list[SentenceId] = []
        for _, match_id, relation in merged:
            sid = ecb_of[match_id]
            if sid in top:
                continue
            top.append(sid)
            if len(top) <= TOP_K:
                gold = bool(clusters.get(sid, set()) & clusters[query])
                relations[f"{relation}_{'same_event' if gold else 'other'}"] += 1
        ranked[query] = top

    # Where each miss is lost: not among the index's candidates (retrieval), among them but
    # not kept by compare, or kept but ranked below the top 5.
    with_gold = 0
    misses: Counter[str] = Counter()

    def has_gold(query: SentenceId, sids: Iterable[SentenceId]) -> bool:
        return any(clusters.get(sid, set()) & clusters[query] for sid in sids)

    for query in queries:
        found = {
            ecb_of[pk]
            for claim in claims_of.get(query, [])
            for pk in find_candidates(corpus.stats, claim.text, exclude_article=claim.article_id)
        }
        with_gold += has_gold(query, found)
        if has_gold(query, ranked[query][:TOP_K]):
            continue
        if not has_gold(query, found):
            misses["not_retrieved"] += 1
        elif not has_gold(query, ranked[query]):
            misses["retrieved_not_matched"] += 1
        else:
            misses["matched_below_top5"] += 1

    return {
        "backend": backend,
        "figures": _score_run(queries, docs, clusters, lambda q: ranked[q]),
        "candidates": settings.CROSSCHECK_CANDIDATES,
        "classified": settings.CROSSCHECK_MATCHES,
        "candidate_recall": round(with_gold / max(len(queries), 1), 4),
        "top5_relations": dict(sorted(relations.items())),
        "misses": dict(sorted(misses.items())),
        "queries_not_claims": sum(1 for q in queries if q not in claims_of),
        "queries_split": sum(1 for q in queries if len(claims_of.get(q, [])) > 1),
        "product_sentences": product_sentences,
        "ingest_s": round(ingest_s, 2),
        "ingest_sentences_per_s": round(product_sentences / ingest_s, 1),
        "ingest_cpu_s": round(ingest_cpu_s, 2),
        "crosscheck_s": round(crosscheck_s, 2),
        "claims_per_s": round(len(searched) / max(crosscheck_s, 1e-9), 1),
    }


def run_child(backend: str, candidates: int) -> dict[str, Any] | None:
    command = [sys.executable, "-m", "bench.bench_retrieval", "--child", backend]
    command += ["--candidates", str(candidates)] if candidates else []
    print(f"... {backend}: ingesting ECB+ and cross-checking", file=sys.stderr, flush=True)
    return benchdb.run_child(command, backend)


# --- the former in-memory path, for comparison --------------------------------------------


def in_memory(directory: Path) -> dict[str, Any]:
    """The in-memory BM25 top 50 re-ranked by ``compare``, BM25 alone, and the baseline."""
    docs, clusters = load(directory)
    entries = [
        ((doc.doc_id, i), text) for doc in docs.values() for i, text in enumerate(doc.sentences)
    ]
    text_of = dict(entries)
    queries = sorted(clusters)
    index = BM25Index((sid, index_text(text)) for sid, text in entries)

    def passage(sid: SentenceId) -> Passage:
        return Passage(text_of[sid], context=docs[sid[0]].context)

    candidates = {
        q: index.search(search_terms(text_of[q]), skip_doc=q[0], limit=TOP_CANDIDATES)
        for q in queries
    }

    def rank(query: SentenceId) -> list[SentenceId]:
        claim = passage(query)
        scored = []
        for sid in candidates[query]:
            match = compare(claim, passage(sid), idf=index.idf)
            if match is not None:
                scored.append((match.score, sid))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [sid for _, sid in scored]

    baseline = TfidfBaseline(entries)
    row_of = {sid: row for row, sid in enumerate(baseline.ids)}
    candidate_recall = sum(
        1 for q in queries if any(clusters.get(sid, set()) & clusters[q] for sid in candidates[q])
    ) / max(len(queries), 1)
    return {
        "documents": len(docs),
        "sentences": len(entries),
        "queries": len(queries),
        "memory_engine": _score_run(queries, docs, clusters, rank),
        "memory_bm25_top5": _score_run(queries, docs, clusters, lambda q: candidates[q][:TOP_K]),
        "tfidf_baseline": _score_run(
            queries,
            docs,
            clusters,
            lambda q: baseline.search(row_of[q], skip_doc=q[0], limit=TOP_K),
        ),
        "memory_candidate_recall_at_50": round(candidate_recall, 4),
    }


# --- the driver -------------------------------------------------------------------------------


def report(result: dict[str, Any]) -> None:
    print(f"ECB+ topics 1-20: {result['documents']} documents, {result['sentences']} sentences,")
    print(
        f"{result['queries']} queries; match threshold {result['match_threshold']}"
        f" ({result['sentence_match_threshold']} without contexts)"
    )
    header = f"{'system':<22} {'part':<13} {'recall@5':>9} {'precision':>9} {'ret/q':>6}"
    print(header)
    print("-" * len(header))
    rows = [(f"product_{r['backend']}", r["figures"]) for r in result["product"]]
    rows += [(name, result[name]) for name in result["compared"]]
    for system, by_part in rows:
        for part, figures in by_part.items():
            print(
                f"{system:<22} {part:<13} {figures['recall_at_5']:>9.3f}"
                f" {figures['precision']:>9.3f} {figures['returned_per_query']:>6.2f}"
            )
    for name, reason in result["skipped"].items():
        print(f"{name}: skipped ({reason})")
    for r in result["product"]:
        print(
            f"\nproduct_{r['backend']}: {r['product_sentences']} sentences ingested in"
            f" {r['ingest_s']} s ({r['ingest_sentences_per_s']} sentences/s, one process);"
            f" {r['queries_not_claims']} queries not claims, {r['queries_split']} split;"
            f" cross-check {r['claims_per_s']} claims/s; the index's {r['candidates']}"
            f" candidates (the best {r['classified']} by score classified) hold a gold match"
            f" for {r['candidate_recall']:.3f} of the queries"
        )
        print(f"relations of the top 5: {r['top5_relations']}")
        print(f"misses: {r['misses']}")
        figures = r["figures"]["all"]
        met = figures["recall_at_5"] >= TARGET and figures["precision"] >= TARGET
        print(
            f"TARGET ECB+ through the product ({r['backend']}): recall@5"
            f" {figures['recall_at_5']:.3f}, precision {figures['precision']:.3f}"
            f" (target both >= {TARGET}: {'met' if met else 'MISSED'})"
        )
    if "memory_candidate_recall_at_50" in result:
        print(
            "in-memory BM25 top-50 candidates contain a gold match for"
            f" {result['memory_candidate_recall_at_50']:.3f}"
        )
    print(json.dumps(result, sort_keys=True))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--backends", default="", help="sqlite,postgres (default: SQLite, PostgreSQL if up)"
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the in-memory path")
    parser.add_argument(
        "--candidates", type=int, default=0, help="candidates per claim (experiment)"
    )
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    directory = data_dir()
    if directory is None:
        print(f"ECB+ data not found (../shared/eval/{DATA_DIR}); skipping the ECB+ benchmark.")
        return 0
    if args.child:
        print(json.dumps(product_path(args.child, directory, args.candidates)))
        return 0

    asked = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = set(asked) - set(BACKENDS)
    if unknown:
        parser.error(f"unknown backends: {', '.join(sorted(unknown))}")
    backends = asked or list(BACKENDS)
    skipped: dict[str, str] = {}
    if benchdb.skip_unreachable_postgres(backends, skipped):
        backends.remove("postgres")
    product = [r for b in backends if (r := run_child(b, args.candidates)) is not None]
    result: dict[str, Any] = {
        "benchmark": "ecbplus",
        "match_threshold": MATCH_THRESHOLD,
        "sentence_match_threshold": SENTENCE_MATCH_THRESHOLD,
        "product": product,
        "skipped": skipped,
        "compared": [],
    }
    docs, clusters = load(directory)
    result.update(
        documents=len(docs),
        sentences=sum(len(d.sentences) for d in docs.values()),
        queries=len(clusters),
    )
    if not args.no_memory:
        result.update(in_memory(directory))
        result["compared"] = ["memory_engine", "memory_bm25_top5", "tfidf_baseline"]
    report(result)
    return 0 if len(product) == len(backends) else 1


if __name__ == "__main__":
    sys.exit(main())
