"""Shared test configuration: Hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (set by ``nox -s tests``) derandomises runs so CI never
flakes; ``dev`` (the default) explores fresh examples each run.
"""

import os

from hypothesis import HealthCheck, settings


settings.register_profile("dev", max_examples=100)
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    print_blob=True,
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
