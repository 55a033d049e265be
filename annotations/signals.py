"""The one seam through which ``annotations`` tells the cross-check worker about work.

``annotations`` owns the cross-check jobs (rows, queueing, reads) but never imports the worker
(``verify.jobs``, ``verify.tasks``): the worker builds on ``annotations``, not the other way
round. When :func:`annotations.services.crosschecks.queue_crosscheck` has created a job and its
transaction has committed, it sends :data:`crosscheck_queued`; the worker's receiver
(connected in ``verify.apps.VerifyConfig.ready``) sends the job to Celery, or runs it at once
without a broker. A job whose message never left (no receiver, broker down) stays ``queued``
with no ``dispatched_at`` and the worker's beat task sends it later: the row is the truth.
"""

from __future__ import annotations

from django.dispatch import Signal

#: Sent after the commit that created a cross-check job, with ``job_id`` (an int), sender
#: :class:`annotations.models.CrosscheckJob`. Receivers must not raise for a broker that is
#: down: the job row stays queued and is sent again later.
crosscheck_queued = Signal()

#: Sent when attempt ``attempt`` of webhook delivery ``delivery_id`` is due (after
#: ``countdown`` seconds, or now when it is None), sender
#: :class:`annotations.models.WebhookDelivery`. :func:`annotations.webhooks.dispatch` sends
#: it; the receiver in :mod:`annotations.tasks` queues the Celery task (so the delivery
#: service never imports the tasks that call it). A receiver that cannot reach the broker
#: raises, and ``dispatch`` leaves the delivery for the beat.
webhook_attempt_due = Signal()
