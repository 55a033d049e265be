"""How long the desk's free text may be: notes, comments and reasons.

One place for every limit, read by the services (which enforce them: :func:`check_length`
raises :class:`~annotations.services.workflow.TooLong`), the models and forms (the pages' and
the admin's ``maxlength``), and the API's serializers (``maxLength`` in the OpenAPI schema).
A page renders a whole note; a limit keeps the review queue readable and a pasted article
out of a note.
"""

from __future__ import annotations

# A sentence's note: what was checked, what is missing, why a contradicted claim stands.
MAX_NOTE_CHARS = 2_000
# A message of a sentence's discussion, and a reviewer's comment on approving or sending back.
MAX_COMMENT_CHARS = 2_000
# A reason: why anonymity was granted, why an article is reopened.
MAX_REASON_CHARS = 1_000
