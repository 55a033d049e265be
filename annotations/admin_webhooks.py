"""The admin for webhooks: endpoints (administrators configure them) and the delivery log.

The log is read-only: rows change only through :mod:`annotations.webhooks`. "Send again"
queues one more attempt of each selected delivery, with the same event id. An endpoint's URL
is checked when it is saved (:meth:`WebhookEndpoint.clean`, run by the form): an address
inside the network is refused with the reason.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from annotations import webhooks
from annotations.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
    new_webhook_secret,
)


class WebhookEndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        choices=WebhookEvent.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Events to send; none ticked means every event.",
    )

    class Meta:
        model = WebhookEndpoint
        fields = ("name", "url", "events", "is_active", "secret")
        help_texts = {
            "url": (
                "The receiver's http(s) address. Only public addresses: loopback, private, "
                "link-local and reserved ones (or a name resolving to one) are refused unless "
                "the WEBHOOK_ALLOWED_HOSTS setting lists the host. Checked again, after "
                "resolving the name, before every delivery."
            ),
        }


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ("name", "url", "event_names", "is_active", "created_at")
    list_filter = ("is_active",)
    search_fields = ("name", "url")
    readonly_fields = ("created_at",)
    actions = ("rotate_secret",)

    @admin.display(description="events")
    def event_names(self, endpoint: WebhookEndpoint) -> str:
        return ", ".join(endpoint.events) or "all"

    @admin.action(description="Give the selected endpoints a new secret", permissions=["change"])
    def rotate_secret(self, request: HttpRequest, queryset: QuerySet[WebhookEndpoint]) -> None:
        for endpoint in queryset:
            endpoint.secret = new_webhook_secret()
            endpoint.save(update_fields=["secret"])
        self.message_user(
            request,
            f"{len(queryset)} endpoint(s) have a new secret: update the receivers.",
            messages.WARNING,
        )


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = (
        "event",
        "endpoint",
        "status_badge",
        "attempts",
        "response_status",
        "next_attempt_at",
        "delivered_at",
        "created_at",
    )
    list_filter = ("status", "event", "endpoint")
    list_select_related = ("endpoint",)
    search_fields = ("event_id", "endpoint__name", "endpoint__url", "error")
    date_hierarchy = "created_at"
    # What an endpoint answered is shown only for a success: a failed or refused delivery
    # may have reached something that is not a webhook receiver (rows written before the
    # address checks may still hold such a body).
    exclude = ("response_body",)
    readonly_fields = [
        *(f.name for f in WebhookDelivery._meta.fields if f.name != "response_body"),
        "answer",
    ]
    actions = ("send_again",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_send_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("annotations.change_webhookdelivery"))

    @admin.display(description="answer")
    def answer(self, delivery: WebhookDelivery) -> str:
        if delivery.status != DeliveryStatus.SUCCEEDED:
            return "—"
        return delivery.response_body

    @admin.display(description="status", ordering="status")
    def status_badge(self, delivery: WebhookDelivery) -> str:
        return format_html("<strong>{}</strong>", delivery.get_status_display())

    @admin.action(description="Send the selected deliveries again", permissions=["send"])
    def send_again(self, request: HttpRequest, queryset: QuerySet[WebhookDelivery]) -> None:
        deliveries = list(queryset)
        queued = sum(webhooks.send_again(delivery) for delivery in deliveries)
        if queued:
            self.message_user(
                request, f"{queued} delivery(ies) queued to be sent again.", messages.SUCCESS
            )
        if busy := len(deliveries) - queued:
            self.message_user(
                request,
                f"{busy} delivery(ies) left alone: being sent right now (or changed meanwhile). "
                "Reload the log to see the outcome.",
                messages.WARNING,
            )
