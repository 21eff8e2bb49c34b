"""Deciding a rule from JSON-shaped facts, a rule's facts and their JSON Schema.

``skillchain.decide`` gives the decision the rule's function gives on the same facts
built in Python, for cases of every registered rule and of each outcome; bad facts
raise one ``InputError`` listing every problem by JSON path.  The facts schema
accepts the facts of every drawn case and rejects hand-made bad documents that
``decide`` rejects too.  The command line prints the schema of a rule id and lists
each rule's facts, through ``python -m skillchain``.  The portal example of the
how-to "Decide a case from JSON" reads ``docs/howto/apprentice-case.json``, which
the schema printed by ``skillchain schema apprenticeship.case`` validates.
"""

import copy
import functools
import json
import re
import subprocess
import sys

from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Final

import jsonschema  # type: ignore[import-untyped]
import pytest

from hypothesis import HealthCheck, Phase, given, settings

from rule_cases import CASES, example_policy
from skillchain import Decision, InputError, Outcome, Policy, decide
from skillchain._facts import fact_reader
from skillchain.comparison import Case, evaluate
from skillchain.errors import UnknownRuleError
from skillchain.rules import apprentice_case, get_rule, rules
from skillchain.serialization import (
    Fact,
    facts_schema,
    rule_facts,
    structure,
    unstructure,
)
from skillchain.testing.strategies import OUTCOMES, cases


ROOT: Final = Path(__file__).resolve().parent.parent
DOC_CASE: Final = ROOT / "docs" / "howto" / "apprentice-case.json"
DOC_PAGE: Final = ROOT / "docs" / "howto" / "decide-from-json.md"
DIRECTORY: Final = ROOT / "examples" / "overlays" / "futian-occupation-directory.toml"
DAY: Final = date(2026, 3, 1)
RULES: Final = [rule.id for rule in rules()]

# A few draws per rule and outcome: over 27 rules and three outcomes that is some
# hundreds of cases, each decided three times (to build it, by the function, by
# decide) and validated against its schema.
PER_OUTCOME: Final = min(settings().max_examples, 8)
QUICK: Final = settings(
    max_examples=PER_OUTCOME,
    phases=[Phase.generate],
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def doc_facts() -> dict[str, Any]:
    """The apprentice's case the how-to's portal program reads (a fresh copy)."""
    facts = json.loads(DOC_CASE.read_text(encoding="utf-8"))
    assert isinstance(facts, dict)
    return facts


@functools.cache
def directory_policy() -> Policy:
    """The bundled policy with the example occupation directory laid over it."""
    return Policy.default().overlay(Policy.from_files(DIRECTORY))


@functools.cache
def validator(rule_id: str) -> jsonschema.Draft202012Validator:
    """A validator of *rule_id*'s facts schema, with format checking."""
    schema = facts_schema(rule_id)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def as_json(facts: Mapping[str, object]) -> Any:
    """*facts* (Python values) as a JSON document read back: what a portal sends."""
    return json.loads(json.dumps(unstructure(dict(facts)), ensure_ascii=False))


def refused(rule: str, facts: object, *, policy: Policy | None = None) -> InputError:
    """The InputError *decide* raises for *facts* of *rule* on :data:`DAY`."""
    with pytest.raises(InputError) as raised:
        decide(rule, facts, on=DAY, policy=policy)
    return raised.value


def paths(error: InputError) -> list[str]:
    return [problem.path for problem in error.problems]


# -- decide is the rule function on structured facts ----------------------------


@pytest.mark.parametrize("outcome", OUTCOMES)
@pytest.mark.parametrize("rule_id", RULES)
def test_decide_is_the_rule_function_on_the_same_facts(
    rule_id: str, outcome: str
) -> None:
    """For drawn cases of each outcome, decide on the facts sent through JSON equals
    the rule function on the facts built in Python; the JSON fits the facts schema."""
    policy = example_policy(rule_id)
    check = validator(rule_id)
    seen: Counter[str] = Counter()

    @QUICK
    @given(cases(rule_id, policy=policy, outcome=outcome))  # type: ignore[arg-type]
    def draw(case: Case) -> None:
        facts = as_json(case.facts)
        errors = [error.message for error in check.iter_errors(facts)]
        assert not errors, errors
        decision = decide(rule_id, facts, on=case.on, policy=policy)
        assert decision == evaluate(rule_id, policy, case)
        seen[decision.outcome.value] += 1

    draw()
    assert seen[outcome] == sum(seen.values()) > 0, seen


# -- bad facts --------------------------------------------------------------------


def test_a_wrong_check_character_is_reported_at_its_path() -> None:
    facts = doc_facts()
    facts["enrolment"]["person"]["id"] = "440304200001010018"
    error = refused("apprenticeship.case", facts)
    assert paths(error) == ["enrolment.person.id"]
    assert "check character" in error.problems[0].message
    assert "440304200001010018" not in str(error)


def test_a_misspelt_fact_is_named_with_the_closest_name() -> None:
    facts = doc_facts()
    facts["enrolmnet"] = facts.pop("enrolment")
    error = refused("apprenticeship.case", facts)
    assert paths(error) == ["enrolmnet", "enrolment"]
    assert re.search(r"did you mean ['\"]enrolment['\"]\?", error.problems[0].message)


def test_an_amount_sent_as_a_float_is_refused() -> None:
    facts = doc_facts()
    facts["enrolment"]["programme"]["online_hours"] = 40.5
    error = refused("apprenticeship.case", facts)
    assert paths(error) == ["enrolment.programme.online_hours"]
    assert "5500.00" in error.problems[0].message


def test_a_missing_required_fact_is_named() -> None:
    error = refused("apprenticeship.case", {"shortage_occupation": False})
    assert paths(error) == ["enrolment"]
    assert "required" in error.problems[0].message


@pytest.mark.parametrize("facts", [[], "enrolment", None, 3, True, [{"a": 1}]])
def test_facts_that_are_not_an_object_are_one_problem_at_the_root(
    facts: object,
) -> None:
    error = refused("apprenticeship.case", facts)
    assert paths(error) == [""]
    assert "expected an object of apprenticeship.case's facts" in str(error)


def test_every_problem_is_reported_at_once() -> None:
    facts = doc_facts()
    facts["enrolment"]["person"]["id"] = "440304200001010018"
    facts["enrolment"]["programme"]["online_hours"] = 40.5
    facts["enrolment"]["contract"]["start"] = "2024-02-30"
    facts["shortage_ocupation"] = facts.pop("shortage_occupation")
    facts["student"] = "no"
    error = refused("apprenticeship.case", facts)
    assert sorted(paths(error)) == [
        "enrolment.contract.start",
        "enrolment.person.id",
        "enrolment.programme.online_hours",
        "shortage_ocupation",
        "student",
    ]


def test_keys_that_are_not_strings_are_problems_not_crashes() -> None:
    facts: dict[object, object] = {1: True, ("a",): None}
    facts.update(doc_facts())
    error = refused("apprenticeship.case", facts)
    assert paths(error) == ["", ""]
    assert "a key must be a string" in str(error)


def test_facts_the_rule_refuses_together_are_an_input_error() -> None:
    """One apprentice enrolled twice: the rule's own refusal, at the fact's path."""
    case = next(c for c in CASES if c.rule.id == "apprenticeship.subsidy")
    facts = as_json(case.facts)
    facts["enrolments"].append(copy.deepcopy(facts["enrolments"][0]))
    error = refused("apprenticeship.subsidy", facts, policy=case.policy)
    assert paths(error) == ["enrolments[2].person"]
    assert "enrolled twice" in error.problems[0].message


def test_an_unknown_rule_id_names_the_closest() -> None:
    with pytest.raises(UnknownRuleError, match=r"closest: apprenticeship\.case"):
        decide("apprenticeship.cas", doc_facts(), on=DAY)


@pytest.mark.parametrize(
    ("rule", "on", "policy"),
    [
        (3, DAY, None),
        ("apprenticeship.case", "2026-03-01", None),
        ("apprenticeship.case", DAY, "bundled"),
    ],
)
def test_arguments_of_the_wrong_type_are_type_errors(
    rule: object, on: object, policy: object
) -> None:
    with pytest.raises(TypeError):
        decide(rule, doc_facts(), on=on, policy=policy)  # type: ignore[arg-type]


def test_a_rule_object_and_the_bundled_policy() -> None:
    """Without the district's directory the case waits for it, as the function says."""
    rule = get_rule("apprenticeship.case")
    facts = doc_facts()
    decision = decide(rule, facts, on=DAY)
    assert decision.outcome is Outcome.UNDETERMINED
    assert "apprenticeship.occupation_directory" in decision.missing
    built = {
        fact.name: structure(facts[fact.name], fact.type)
        for fact in rule_facts(rule)
        if fact.name in facts
    }
    assert decision == apprentice_case(**built, on=DAY)


def test_the_doc_example_is_eligible_and_its_decision_comes_back_from_json() -> None:
    decision = decide(
        "apprenticeship.case", doc_facts(), on=DAY, policy=directory_policy()
    )
    assert (decision.outcome, str(decision.amount)) == (Outcome.ELIGIBLE, "14000.00")
    text = json.dumps(unstructure(decision), ensure_ascii=False)
    assert structure(json.loads(text), Decision) == decision


# -- a rule's facts ---------------------------------------------------------------


def test_the_facts_of_the_apprentice_case() -> None:
    enrolment, shortage, student = rule_facts("apprenticeship.case")
    assert enrolment.name == "enrolment"
    assert (enrolment.required, enrolment.nullable) == (True, False)
    assert enrolment.type.__name__ == "ApprenticeEnrolment"
    assert shortage == Fact(
        name="shortage_occupation",
        type=bool | None,
        required=False,
        nullable=True,
        default=None,
    )
    assert student == Fact(
        name="student", type=bool, required=False, nullable=False, default=False
    )


@pytest.mark.parametrize("rule_id", RULES)
def test_the_facts_are_the_fact_readers(rule_id: str) -> None:
    """Names in the function's order; required = no default and not nullable."""
    reader = fact_reader(get_rule(rule_id))
    facts = rule_facts(rule_id)
    assert tuple(fact.name for fact in facts) == reader.names
    for fact in facts:
        assert fact.type == reader.types[fact.name]
        assert fact.nullable == (fact.name in reader.nullable)
        assert fact.required == (
            fact.name not in reader.has_default and fact.name not in reader.nullable
        )
    schema = facts_schema(rule_id)
    assert list(schema["properties"]) == list(reader.names)
    assert schema["required"] == [fact.name for fact in facts if fact.required]
    assert schema["additionalProperties"] is False
    assert rule_id in schema["title"]


def test_an_unknown_rule_has_no_facts() -> None:
    with pytest.raises(UnknownRuleError):
        rule_facts("apprenticeship.cas")
    with pytest.raises(UnknownRuleError):
        facts_schema("apprenticeship.cas")


# -- the schema and decide agree on bad documents ---------------------------------


def _set(path: tuple[str | int, ...], value: object) -> Callable[[Any], None]:
    def change(facts: Any) -> None:
        for step in path[:-1]:
            facts = facts[step]
        facts[path[-1]] = value

    return change


def _drop(name: str) -> Callable[[Any], None]:
    def change(facts: Any) -> None:
        del facts[name]

    return change


BAD_DOCUMENTS: Final[dict[str, Callable[[Any], None]]] = {
    "float amount": _set(("enrolment", "programme", "online_hours"), 40.5),
    "amount with an exponent": _set(("enrolment", "programme", "online_hours"), "4e1"),
    "30 February": _set(("enrolment", "contract", "start"), "2024-02-30"),
    "unknown fact": _set(("shortage_ocupation",), False),
    "unknown key in a record": _set(("enrolment", "nmae"), "张三"),
    "missing required fact": _drop("enrolment"),
    "null for a required fact": _set(("enrolment",), None),
    "null for a fact with a default": _set(("student",), None),
    "string for true/false": _set(("shortage_occupation",), "no"),
    "enum value not listed": _set(("enrolment", "hire_kind"), "intern"),
    "string for a count": _set(("enrolment", "programme", "planned_months"), "24"),
}


@pytest.mark.parametrize("what", sorted(BAD_DOCUMENTS))
def test_a_bad_document_is_rejected_by_the_schema_and_by_decide(what: str) -> None:
    facts = doc_facts()
    BAD_DOCUMENTS[what](facts)
    assert not validator("apprenticeship.case").is_valid(facts)
    refused("apprenticeship.case", facts, policy=directory_policy())


@pytest.mark.parametrize("facts", [[], "x", None, 3])
def test_a_document_that_is_not_an_object_is_rejected_by_both(facts: object) -> None:
    assert not validator("apprenticeship.case").is_valid(facts)
    refused("apprenticeship.case", facts)


def test_check_characters_are_for_decide_alone() -> None:
    """The schema knows an identity number's shape, not its check character."""
    facts = doc_facts()
    facts["enrolment"]["person"]["id"] = "440304200001010018"
    assert validator("apprenticeship.case").is_valid(facts)
    assert paths(refused("apprenticeship.case", facts)) == ["enrolment.person.id"]


def test_the_doc_example_fits_the_schema() -> None:
    assert validator("apprenticeship.case").is_valid(doc_facts())


# -- the command line -------------------------------------------------------------


def skillchain(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m skillchain ARGV`` from the repository's root."""
    return subprocess.run(
        [sys.executable, "-m", "skillchain", *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        encoding="utf-8",
    )


def test_the_schema_printed_for_the_rule_validates_the_json_the_docs_read() -> None:
    """Acceptance: the how-to's portal program reads docs/howto/apprentice-case.json,
    and ``skillchain schema apprenticeship.case`` validates it."""
    assert '"docs/howto/apprentice-case.json"' in DOC_PAGE.read_text(encoding="utf-8")
    result = skillchain("schema", "apprenticeship.case")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema == json.loads(json.dumps(facts_schema("apprenticeship.case")))
    jsonschema.Draft202012Validator.check_schema(schema)
    check = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    check.validate(doc_facts())
    wrong = doc_facts()
    wrong["enrolment"]["programme"]["online_hours"] = 40.5
    assert not check.is_valid(wrong)


def test_schema_still_takes_a_type_name() -> None:
    result = skillchain("schema", "ApprenticeEnrolment")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "ApprenticeEnrolment"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "apprenticeship.cas",
            (
                "no rule 'apprenticeship.cas', nor a public type of that name; "
                "closest: apprenticeship.case,"
            ),
        ),
        (
            "ApprenticeEnrolmnt",
            "no public type named 'ApprenticeEnrolmnt'; closest: ApprenticeEnrolment,",
        ),
        ("Apprenticeship.Case", "closest: apprenticeship.case,"),
    ],
)
def test_schema_of_an_unknown_name_suggests_types_and_rule_ids(
    name: str, message: str
) -> None:
    result = skillchain("schema", name)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_help_says_it_takes_a_rule_id() -> None:
    result = skillchain("schema", "--help")
    assert result.returncode == 0
    assert "TYPE_OR_RULE" in result.stdout
    assert "apprenticeship.case" in result.stdout


def _block(text: str, rule_id: str) -> list[str]:
    blocks = {block.split()[0]: block for block in text.strip().split("\n\n")}
    return blocks[rule_id].splitlines()


def test_rules_lists_each_rules_facts_in_plain_words() -> None:
    result = skillchain("rules", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert _block(result.stdout, "apprenticeship.case")[-1] == (
        "  facts: enrolment (ApprenticeEnrolment), shortage_occupation (true/false "
        "or unknown), student (true/false, optional)"
    )
    assert _block(result.stdout, "apprenticeship.settlement")[-1] == (
        "  facts: entitlement (decimal string or unknown), prepaid (decimal string), "
        "training_end (date or unknown)"
    )
    assert _block(result.stdout, "rewards.high_skill")[-1].endswith(
        "prior_rewards (list of TalentRewardClaim or unknown), "
        "fraud_findings (list of date or unknown)"
    )
    for rule_id in RULES:
        assert _block(result.stdout, rule_id)[-1].startswith("  facts: ")


def test_rules_lists_the_facts_in_chinese() -> None:
    result = skillchain("rules", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert _block(result.stdout, "apprenticeship.case")[-1] == (
        "  事实: enrolment（ApprenticeEnrolment）、shortage_occupation（是/否，或未知）、"
        "student（是/否，可省略）"
    )
    assert _block(result.stdout, "apprenticeship.quota")[-1] == (
        "  事实: application（QuotaApplication）、applications（QuotaApplication 列表）"
    )
