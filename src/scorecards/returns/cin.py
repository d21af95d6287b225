"""The children in need (CIN) census, in its XML layout.

A ``Message`` holds a ``Header`` (the collection year, its reference date and
the council's LEA number) and ``Children``; each ``Child`` has identifiers and
``CINdetails``, one per episode of need, holding its referral, assessments,
section 47 enquiries, CIN plans and child protection plans.

:func:`read_xml` gives an entry per child, episode (referral), assessment,
section 47 enquiry and child protection plan; :func:`build` maps them onto
``children``, ``referrals``, ``cin_episodes``, ``assessments`` and ``cp_plans``.
Section 47 enquiries and CIN plans are read and counted but not stored: the
record schema has no table for them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from scorecards.records.schema import ReferralOutcome
from scorecards.returns import codes
from scorecards.returns.model import (
    Entry,
    Fields,
    FileProblem,
    Format,
    ReadResult,
    parse_date,
    text,
)
from scorecards.returns.ssda903 import Built

KINDS = ("children", "referrals", "assessments", "section47", "cin_plans", "cp_plans")
OLDEST_AGE = 25  # the census covers young people up to their 25th birthday
TRUE = frozenset({"true", "1"})
FALSE = frozenset({"false", "0"})

# The dates of each kind, checked against the return's reference date
DATES = {
    "referrals": ("referral", "closure"),
    "assessments": ("start", "authorised"),
    "section47": ("start",),
    "cin_plans": ("start", "end"),
    "cp_plans": ("start", "end"),
}
KEYS = {
    "children": (),
    "referrals": ("referral",),
    "assessments": ("start",),
    "section47": ("start",),
    "cin_plans": ("start",),
    "cp_plans": ("start",),
}


def is_cin(root: ET.Element) -> bool:
    collection = root.findtext("Header/CollectionDetails/Collection") or ""
    return root.tag == "Message" and collection.strip().upper().startswith("CIN")


def read_xml(path: Path, root: ET.Element) -> ReadResult:
    """Entries of one CIN census file."""
    result = ReadResult(Format.CIN_XML)
    header = root.find("Header")
    reference = _reference_date(header)
    if reference is None:
        result.problems.append(
            FileProblem(
                str(path),
                "no Header/CollectionDetails/ReferenceDate (yyyy-mm-dd); it is "
                "needed to check the return's dates",
            )
        )
        return result
    council = text(root.findtext("Header/Source/LEA"))
    year = reference.year if reference.month <= 3 else reference.year + 1
    number = 0

    def entry(kind: str) -> Entry:
        nonlocal number
        number += 1
        made = Entry(kind, {"reference": reference}, str(path), number, council, year)
        result.entries.append(made)
        return made

    for child in root.iter("Child"):
        ids = _leaves(child.find("ChildIdentifiers"))
        who = entry("children")
        f = Fields(ids, who)
        identifier = f.text("LAchildID", "child")
        born = (
            "PersonBirthDate"
            if ids.get("PersonBirthDate")
            else "ExpectedPersonBirthDate"
        )
        dob = f.date(born, "dob")
        sex = "Sex" if "Sex" in ids else "GenderCurrent"
        f.code(sex, "sex", codes.SEX_CIN, what="sex")
        if dob is not None and (reference.year - dob.year) > OLDEST_AGE:
            who.refuse(
                f"born {dob.isoformat()}, over {OLDEST_AGE} at the reference date "
                f"{reference.isoformat()}; the census covers children and young "
                f"people under {OLDEST_AGE}"
            )
        for details in child.iter("CINdetails"):
            _details(details, identifier, entry)
    return result


def _details(details: ET.Element, child: str, entry: Any) -> None:
    raw = _leaves(details)
    raw["child"] = child
    referral = entry("referrals")
    f = Fields(raw, referral)
    f.text("child", "child")
    f.date("CINreferralDate", "referral")
    f.date("CINclosureDate", "closure", required=False)
    f.code("ReferralSource", "source", codes.REFERRAL_SOURCE, what="referral source")
    f.code("PrimaryNeedCode", "need", codes.PRIMARY_NEED, required=False,
           what="primary need")  # fmt: skip
    f.code("ReasonForClosure", "closure_reason", codes.REASON_FOR_CLOSURE,
           required=False, what="reason for closure")  # fmt: skip
    nfa = text(raw.get("ReferralNFA")).lower()
    if nfa not in TRUE | FALSE:
        referral.refuse(f"ReferralNFA {nfa!r} is not true, false, 1 or 0")
    referral.fields["nfa"] = nfa in TRUE
    f.order("referral", "closure", "episode of need")

    groups = (
        ("Assessments", "assessments", "AssessmentActualStartDate",
         "AssessmentAuthorisationDate", "assessment"),
        ("Section47", "section47", "S47ActualStartDate", None, "section 47 enquiry"),
        ("CINPlanDates", "cin_plans", "CINPlanStartDate", "CINPlanEndDate",
         "CIN plan"),
        ("ChildProtectionPlans", "cp_plans", "CPPstartDate", "CPPendDate",
         "child protection plan"),
    )  # fmt: skip
    for tag, kind, start, end, what in groups:
        for element in details.iter(tag):
            record = entry(kind)
            fields = {"child": child, **_leaves(element)}
            g = Fields(fields, record)
            g.text("child", "child")
            g.date(start, "start")
            later = "authorised" if kind == "assessments" else "end"
            if end is not None:
                g.date(end, later, required=False)
                g.order("start", later, what)
            if kind == "cp_plans":
                g.code("InitialCategoryOfAbuse", "category", codes.CATEGORY_OF_ABUSE,
                       required=False, what="category of abuse")  # fmt: skip


def _leaves(element: ET.Element | None) -> dict[str, str]:
    if element is None:
        return {}
    return {e.tag: (e.text or "").strip() for e in element if len(e) == 0}


def _reference_date(header: ET.Element | None) -> date | None:
    if header is None:
        return None
    raw = header.findtext("CollectionDetails/ReferenceDate")
    try:
        return parse_date(raw) if raw else None
    except ValueError:
        return None


def build(entries: Iterable[Entry], team: Mapping[str, str], ids: Any) -> list[Built]:
    """Map CIN census entries onto the record tables."""
    by_kind: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_kind[e.kind].append(e)

    built = [
        Built(
            "children",
            {
                "child_id": ids(e),
                "date_of_birth": e.fields["dob"],
                "sex": str(codes.SEX_CIN[e.fields["sex"]]),
                "uasc": False,
                "family_id": None,
            },
            e,
        )
        for e in by_kind["children"]
    ]
    for e in by_kind["referrals"]:
        f, key = e.fields, f"{ids(e)}/{e.fields['referral'].isoformat()}"
        outcome = (
            ReferralOutcome.NO_FURTHER_ACTION
            if f["nfa"]
            else ReferralOutcome.ASSESSMENT
        )
        built.append(
            Built(
                "referrals",
                {
                    "referral_id": key,
                    "child_id": ids(e),
                    "referral_date": f["referral"],
                    "source": str(codes.REFERRAL_SOURCE[f["source"]]),
                    "outcome": str(outcome),
                    "team_id": team[f"{e.council}|cswt"],
                },
                e,
            )
        )
        built.append(
            Built(
                "cin_episodes",
                {
                    "episode_id": key,
                    "child_id": ids(e),
                    "team_id": team[f"{e.council}|cswt"],
                    "start_date": f["referral"],
                    "end_date": f["closure"],
                },
                e,
            )
        )
    for e in by_kind["assessments"]:
        built.append(
            Built(
                "assessments",
                {
                    "assessment_id": f"{ids(e)}/{e.fields['start'].isoformat()}",
                    "child_id": ids(e),
                    "team_id": team[f"{e.council}|cswt"],
                    "start_date": e.fields["start"],
                    "completed_date": e.fields["authorised"],
                },
                e,
            )
        )
    for e in by_kind["cp_plans"]:
        built.append(
            Built(
                "cp_plans",
                {
                    "plan_id": f"{ids(e)}/{e.fields['start'].isoformat()}",
                    "child_id": ids(e),
                    "team_id": team[f"{e.council}|cswt"],
                    "start_date": e.fields["start"],
                    "end_date": e.fields["end"],
                },
                e,
            )
        )
    return built
