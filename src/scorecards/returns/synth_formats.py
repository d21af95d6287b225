"""Write the synthetic county (:mod:`scorecards.synth`) as statutory returns.

For each collection year (1 April to 31 March) it writes what the council would
have returned that year: SSDA903 CSV tables (header, episodes, UASC, missing)
and a CIN census XML file. A record open at the year's end is written open in
that year's return and closed in a later one, as real returns are, so loading
every year exercises the merging of years. Used by ``benchmarks/returns.py``.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from scorecards.periods import Month
from scorecards.synth import generate

Row = dict[str, Any]

# Our vocabulary back to the return's codes, for the few values that differ
SEX_CODE = {"male": "1", "female": "2"}
REASON_CEASED_CODE = {"E8": "E17", "E99": "E8"}  # aged 18; other reasons
SOURCE_CODE = {
    "police": "6",
    "schools": "2A",
    "health": "3A",
    "local_authority": "5A",
    "individual": "1A",
    "other": "8",
}


END = Month(2020, 3)  # the last month of the last collection year written


def write_returns(
    folder: Path, years: int = 10, seed: int = 1, end: Month = END
) -> dict[str, int]:
    """Write ``years`` collection years of returns to ``folder``, the last ending
    in ``end``'s collection year; return the number of records per file kind."""
    tables = generate(years, seed, end)
    folder.mkdir(parents=True, exist_ok=True)
    last = end.year + 1 if end.month > 3 else end.year
    counts: dict[str, int] = defaultdict(int)
    for year in range(last - years + 1, last + 1):
        for kind, n in _write_903(folder, tables, year).items():
            counts[kind] += n
        counts["cin referrals"] += _write_cin(folder, tables, year)
    return dict(counts)


def _in_year(start: date, end: date | None, year: int) -> bool:
    return start <= date(year, 3, 31) and (end is None or end >= date(year - 1, 4, 1))


def _d(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _write_903(
    folder: Path, tables: Mapping[str, list[Row]], year: int
) -> dict[str, int]:
    closing = date(year, 3, 31)
    children = {c["child_id"]: c for c in tables["children"]}
    episodes = [
        e for e in tables["care_episodes"]
        if _in_year(e["start_date"], e["end_date"], year)
    ]  # fmt: skip
    in_care = sorted({e["child_id"] for e in episodes})

    def write(name: str, header: list[str], rows: list[list[str]]) -> int:
        path = folder / f"ssda903_{year}_{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
        return len(rows)

    counts = {}
    counts["903 header"] = write(
        "header",
        ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
        [
            [c, SEX_CODE.get(children[c]["sex"], "1"),
             _d(children[c]["date_of_birth"]), "WBRI", "", "", ""]
            for c in in_care
        ],
    )  # fmt: skip
    rows = []
    for e in episodes:
        ended = e["end_date"] is not None and e["end_date"] <= closing
        reason = ""
        if ended:
            ceased: str | None = e["reason_ceased"]
            reason = REASON_CEASED_CODE.get(ceased, ceased) if ceased else "X1"
        rows.append(
            [e["child_id"], _d(e["start_date"]), e["reason_new"], e["legal_status"],
             "N1", e["placement_type"], e["provider"],
             _d(e["end_date"]) if ended else "", reason, "", "", "", ""]
        )  # fmt: skip
    counts["903 episodes"] = write(
        "episodes",
        ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC",
         "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
        rows,
    )  # fmt: skip
    counts["903 uasc"] = write(
        "uasc",
        ["CHILD", "SEX", "DOB", "DUC"],
        [
            [c, SEX_CODE.get(children[c]["sex"], "1"),
             _d(children[c]["date_of_birth"]), ""]
            for c in in_care
            if children[c]["uasc"]
        ],
    )  # fmt: skip
    looked_after = set(in_care)
    counts["903 missing"] = write(
        "missing",
        ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
        [
            [m["child_id"], _d(children[m["child_id"]]["date_of_birth"]), "M",
             _d(m["start_date"]),
             _d(m["end_date"]) if m["end_date"] and m["end_date"] <= closing else ""]
            for m in tables["missing_episodes"]
            if m["child_id"] in looked_after
            and date(year - 1, 4, 1) <= m["start_date"] <= closing
        ],
    )  # fmt: skip
    return counts


def _write_cin(folder: Path, tables: Mapping[str, list[Row]], year: int) -> int:
    reference = date(year, 3, 31)
    children = {c["child_id"]: c for c in tables["children"]}
    cases = {(e["child_id"], e["start_date"]): e for e in tables["cin_episodes"]}
    nested: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for name in ("assessments", "cp_plans"):
        for row in tables[name]:
            nested[name][row["child_id"]].append(row)

    by_child: dict[str, list[str]] = defaultdict(list)
    placed: set[int] = set()  # each assessment and plan goes in one episode only
    count = 0
    for r in tables["referrals"]:
        case = cases.get((r["child_id"], r["referral_date"]))
        closure = case["end_date"] if case else r["referral_date"]
        if not _in_year(r["referral_date"], closure, year):
            continue
        closed = closure is not None and closure <= reference
        parts = [
            f"<CINreferralDate>{r['referral_date'].isoformat()}</CINreferralDate>",
            f"<ReferralSource>{SOURCE_CODE[r['source']]}</ReferralSource>",
            "<PrimaryNeedCode>N1</PrimaryNeedCode>",
        ]
        if closed:
            parts += [
                f"<CINclosureDate>{closure.isoformat()}</CINclosureDate>",
                "<ReasonForClosure>RC1</ReasonForClosure>",
            ]
        until = closure if closed else reference
        for a in nested["assessments"][r["child_id"]]:
            if r["referral_date"] <= a["start_date"] <= until and id(a) not in placed:
                placed.add(id(a))
                done = a["completed_date"]
                parts.append(
                    "<Assessments><AssessmentActualStartDate>"
                    f"{a['start_date'].isoformat()}</AssessmentActualStartDate>"
                    + (f"<AssessmentAuthorisationDate>{done.isoformat()}"
                       "</AssessmentAuthorisationDate>"
                       if done and done <= reference else "")
                    + "</Assessments>"
                )  # fmt: skip
        nfa = "true" if r["outcome"] == "no_further_action" else "false"
        parts.append(f"<ReferralNFA>{nfa}</ReferralNFA>")
        for p in nested["cp_plans"][r["child_id"]]:
            if r["referral_date"] <= p["start_date"] <= until and id(p) not in placed:
                placed.add(id(p))
                stop = p["end_date"]
                parts.append(
                    f"<ChildProtectionPlans><CPPstartDate>{p['start_date'].isoformat()}"
                    "</CPPstartDate>"
                    + (f"<CPPendDate>{stop.isoformat()}</CPPendDate>"
                       if stop and stop <= reference else "")
                    + "</ChildProtectionPlans>"
                )  # fmt: skip
        by_child[r["child_id"]].append(
            "<CINdetails>" + "".join(parts) + "</CINdetails>"
        )
        count += 1

    with (folder / f"cin_{year}.xml").open("w", encoding="utf-8") as out:
        out.write(
            "<Message><Header><CollectionDetails><Collection>CIN</Collection>"
            f"<Year>{year}</Year><ReferenceDate>{reference.isoformat()}</ReferenceDate>"
            "</CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>999</LEA>"
            "</Source></Header><Children>\n"
        )
        for child, details in by_child.items():
            c = children[child]
            out.write(
                f"<Child><ChildIdentifiers><LAchildID>{escape(child)}</LAchildID>"
                f"<PersonBirthDate>{c['date_of_birth'].isoformat()}</PersonBirthDate>"
                f"<GenderCurrent>{SEX_CODE.get(c['sex'], '0')}</GenderCurrent>"
                "</ChildIdentifiers>" + "".join(details) + "</Child>\n"
            )
        out.write("</Children></Message>\n")
    return count
