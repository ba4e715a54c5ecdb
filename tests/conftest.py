"""Shared test set-up: hypothesis profiles.

``default`` is quick for local runs; ``ci`` (``HYPOTHESIS_PROFILE=ci``, set by
``.ci/run``) runs more examples; ``deep`` is a long bug hunt to run by hand
(``HYPOTHESIS_PROFILE=deep python -m pytest tests/test_properties.py``).
Deadlines are off: timing belongs to the benchmark.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "deep", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
