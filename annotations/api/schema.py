"""OpenAPI post-processing: request schemas say that unknown fields are refused.

Every input serializer refuses fields it does not declare (:class:`StrictInputMixin`), which
drf-spectacular does not document. :func:`strict_request_bodies` adds
``additionalProperties: false`` to the request component of each such serializer, so a
client generated from the schema (or a schemathesis run) knows the rule before the server
says so. (``minLength``/``maxLength`` come from drf-spectacular itself: ``max_length`` and a
string field that refuses blanks map to them.)
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.plumbing import ResolvedComponent

from annotations.api.fields import StrictInputMixin


def _is_strict(component: ResolvedComponent) -> bool:
    target = component.object
    if isinstance(target, type):
        return issubclass(target, StrictInputMixin)
    return isinstance(target, StrictInputMixin)


def strict_request_bodies(
    result: dict[str, Any], generator: SchemaGenerator, request: Any, public: bool
) -> dict[str, Any]:
    """A drf-spectacular postprocessing hook (``SPECTACULAR_SETTINGS``): every strict
    request component gets ``additionalProperties: false``."""
    schemas = result.get("components", {}).get("schemas", {})
    for component in generator.registry._components.values():
        if component.type != ResolvedComponent.SCHEMA or component.name not in schemas:
            continue
        # With COMPONENT_SPLIT_REQUEST the input side of a serializer is "<Name>Request".
        if component.name.endswith("Request") and _is_strict(component):
            schemas[component.name]["additionalProperties"] = False
    return result
