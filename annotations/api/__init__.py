"""The publishing system's REST API (``/api/v1/``), built with Django REST framework."""
