"""Eligibility, subsidy and reward rules: one module per programme.

A rule is a pure function ``rule(facts, *, on, policy) -> Decision``: it never reads
the clock, the environment or a file.  The first rules arrive with the
apprenticeship issue.
"""

__all__: list[str] = []
