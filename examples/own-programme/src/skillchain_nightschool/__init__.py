"""An illustrative programme on skillchain: evening skills-course vouchers (夜校技能课程券).

Importing the package registers the programme (its parameter group and policy data
file) and its two rules, so the default policy, ``explain()``, case files, the
command line and the testing kit know them.  Every figure is illustrative.
"""

from importlib.resources import files

from skillchain.policy import Programme, register_programme
from skillchain_nightschool.parameters import NightSchoolParameters
from skillchain_nightschool.records import EveningEnrolment


PROGRAMME = Programme(
    key="nightschool",
    title_zh="夜校技能课程券（示例）",
    title_en="Evening skills-course voucher (illustrative)",
    parameters=NightSchoolParameters,
    data=files(__name__) / "policy.toml",
)
"""The programme as registered with skillchain."""
register_programme(PROGRAMME)

# The rules read the programme's parameters, so they register after it.
from skillchain_nightschool.rules import (  # noqa: E402
    ENROLMENT_RULE,
    VOUCHER_RULE,
    enrolment,
    voucher,
)


__all__ = [
    "ENROLMENT_RULE",
    "PROGRAMME",
    "VOUCHER_RULE",
    "EveningEnrolment",
    "NightSchoolParameters",
    "enrolment",
    "voucher",
]
