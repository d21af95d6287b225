"""The record schema: one table per kind of case record, every column named and typed.

A council extracts these tables from its case management system, one CSV or
Parquet file per table, and ``scorecards load-records`` checks them and puts them
in the project's DuckDB store, where the measures read them.

Conventions that hold in every table:

- Dates are ISO dates (``2020-05-31``); an end date that is empty means the
  episode, plan or case is still open.
- An episode is *open on day d* when it started on or before d and has no end
  date or ends after d: an episode that ends on 31 May is not open at the end
  of May.
- ``team_id`` is the team working with the child. A case counts towards the
  district of that team, not towards where the child lives.
- Closed vocabularies (placement types, outcomes, grades ...) are listed by
  the enums below; any other value is an error.

The tables, their columns and their types are printed by :func:`describe`, and
``docs/measures.md`` says which measure reads which column.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ColumnType(StrEnum):
    """The type a column holds, and the DuckDB type it is stored as."""

    TEXT = "VARCHAR"
    INTEGER = "BIGINT"
    NUMBER = "DOUBLE"
    DATE = "DATE"
    BOOLEAN = "BOOLEAN"


class TeamKind(StrEnum):
    """What a team does; measures select teams by it."""

    FRONT_DOOR = "front_door"
    CSWT = "cswt"  # Children's Social Work Team
    CIC = "cic"  # Children in Care team
    CARE_LEAVERS = "care_leavers"
    ADOPTION = "adoption"
    EH_UNIT = "eh_unit"  # Early Help Unit


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class ReferralSource(StrEnum):
    POLICE = "police"
    SCHOOLS = "schools"
    HEALTH = "health"
    LOCAL_AUTHORITY = "local_authority"
    INDIVIDUAL = "individual"
    OTHER = "other"


class ReferralOutcome(StrEnum):
    ASSESSMENT = "assessment"
    NO_FURTHER_ACTION = "no_further_action"


class ReasonNew(StrEnum):
    """Reason for a new episode of care, with the SSDA903 return's letters."""

    STARTED = "S"  # started to be looked after
    LEGAL = "L"  # change of legal status only
    PLACEMENT = "P"  # change of placement and carer only
    BOTH = "B"  # change of legal status, placement and carer at the same time
    SAME_CARER = "T"  # change of placement, same carer
    LEGAL_SAME_CARER = "U"  # change of legal status and placement, same carer


class PlacementType(StrEnum):
    """Placement types of the SSDA903 return that the measures tell apart."""

    FOSTER_RELATIVE_LONG_TERM = "U1"
    FOSTER_RELATIVE_ADOPTER = "U2"
    FOSTER_RELATIVE_OTHER = "U3"
    FOSTER_OTHER_LONG_TERM = "U4"
    FOSTER_OTHER_ADOPTER = "U5"
    FOSTER_OTHER = "U6"
    ADOPTION_CONSENT = "A3"  # placed for adoption, with consent, with a former carer
    ADOPTION_ORDER = "A4"  # placed for adoption, placement order, with a former carer
    ADOPTION_CONSENT_NEW = "A5"  # placed for adoption, with consent, not a former carer
    ADOPTION_ORDER_NEW = "A6"  # placed for adoption, placement order, not former carer
    PARENTS = "P1"
    INDEPENDENT_LIVING = "P2"
    RESIDENTIAL = "K2"  # children's home
    SECURE = "K1"
    OTHER = "Z1"


FOSTER_RELATIVE = (
    PlacementType.FOSTER_RELATIVE_LONG_TERM,
    PlacementType.FOSTER_RELATIVE_ADOPTER,
    PlacementType.FOSTER_RELATIVE_OTHER,
)
FOSTER_OTHER = (
    PlacementType.FOSTER_OTHER_LONG_TERM,
    PlacementType.FOSTER_OTHER_ADOPTER,
    PlacementType.FOSTER_OTHER,
)
PLACED_FOR_ADOPTION = (
    PlacementType.ADOPTION_CONSENT,
    PlacementType.ADOPTION_ORDER,
    PlacementType.ADOPTION_CONSENT_NEW,
    PlacementType.ADOPTION_ORDER_NEW,
)


class Provider(StrEnum):
    """Who provides a placement, as in the SSDA903 return."""

    PARENT = "PR0"
    OWN_PROVISION = "PR1"  # the council's own (in-house) provision
    OTHER_COUNCIL = "PR2"
    OTHER_PUBLIC = "PR3"
    PRIVATE = "PR4"
    VOLUNTARY = "PR5"


class LegalStatus(StrEnum):
    INTERIM_CARE_ORDER = "C1"
    FULL_CARE_ORDER = "C2"
    PLACEMENT_ORDER = "E1"
    SECTION_20 = "V2"
    OTHER = "L1"


class ReasonCeased(StrEnum):
    ADOPTED = "E11"
    RETURNED_HOME = "E13"
    SPECIAL_GUARDIANSHIP = "E41"
    AGED_18 = "E8"
    INDEPENDENT_LIVING = "E5"
    OTHER = "E99"


class LeaverStatus(StrEnum):
    """Care leaver status at a birthday, as the Children Act 1989 sets it out."""

    ELIGIBLE = "eligible"  # still looked after
    RELEVANT = "relevant"  # aged 16-17, left care
    FORMER_RELEVANT = "former_relevant"  # aged 18 or over
    QUALIFYING = "qualifying"


class Activity(StrEnum):
    """A care leaver's main activity at the birthday contact."""

    EDUCATION = "education"
    TRAINING = "training"
    EMPLOYMENT = "employment"
    NEET_ILLNESS = "neet_illness"
    NEET_PARENTING = "neet_parenting"
    NEET_OTHER = "neet_other"


IN_EET = (Activity.EDUCATION, Activity.TRAINING, Activity.EMPLOYMENT)


class Service(StrEnum):
    SOCIAL_WORK = "scs"  # Specialist Children's Services (social work)
    EARLY_HELP = "eh"


class AuditGrade(StrEnum):
    OUTSTANDING = "outstanding"
    GOOD = "good"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    INADEQUATE = "inadequate"


class EhOutcome(StrEnum):
    """Why an early help episode closed."""

    OUTCOMES_ACHIEVED = "outcomes_achieved"
    STEPPED_UP = "stepped_up"  # to social work
    DISENGAGED = "disengaged"
    MOVED = "moved"
    OTHER = "other"


class ContactOutcome(StrEnum):
    """The outcome of a contact at the front door, worded as the seed words it."""

    THRESHOLD_MET = "Threshold met for CSWS"
    EARLY_HELP_UNIT = "Proceed to Early Help Unit"
    ADVICE = "Information, Advice & Guidance"
    NO_FURTHER_ACTION = "No further action"


@dataclass(frozen=True)
class Column:
    """One column: its name, type, meaning and the values it may take."""

    name: str
    type: ColumnType
    doc: str
    required: bool = True
    values: tuple[str, ...] = ()  # a closed vocabulary; empty: any value of the type
    references: str | None = None  # the table whose key this column holds
    minimum: float | None = None


@dataclass(frozen=True)
class RecordTable:
    """One kind of record: its columns, its key and the dates that must be in order."""

    name: str
    doc: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    ordered: tuple[tuple[str, str], ...] = ()  # (earlier, later) date columns

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def create_sql(self) -> str:
        """The DuckDB statement that creates this table when it is absent."""
        body = ", ".join(f'"{c.name}" {c.type.value}' for c in self.columns)
        return f'CREATE TABLE IF NOT EXISTS "{self.name}" ({body})'


def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


def _id(name: str, doc: str) -> Column:
    return Column(name, ColumnType.TEXT, doc)


def _ref(name: str, table: str, doc: str, required: bool = True) -> Column:
    return Column(name, ColumnType.TEXT, doc, required=required, references=table)


def _date(name: str, doc: str, required: bool = True) -> Column:
    return Column(name, ColumnType.DATE, doc, required=required)


def _enum(name: str, enum: type[StrEnum], doc: str, required: bool = True) -> Column:
    return Column(name, ColumnType.TEXT, doc, required=required, values=_values(enum))


def _flag(name: str, doc: str) -> Column:
    return Column(name, ColumnType.BOOLEAN, doc)


_CHILD = _ref("child_id", "children", "the child")
_TEAM = _ref("team_id", "teams", "the team working with the child")

TABLES: dict[str, RecordTable] = {
    t.name: t
    for t in (
        RecordTable(
            "teams",
            "The teams, each with the district and area it serves.",
            key=("team_id",),
            columns=(
                _id("team_id", "the team's identifier"),
                Column("name", ColumnType.TEXT, "the team's name"),
                _enum("kind", TeamKind, "what the team does"),
                Column(
                    "district",
                    ColumnType.TEXT,
                    "the district it serves; empty for a team serving the whole "
                    "authority, whose cases count only towards the authority",
                    required=False,
                ),
                Column("area", ColumnType.TEXT, "the area it serves", required=False),
            ),
        ),
        RecordTable(
            "population",
            "Children aged 0-17 by district, from the ONS mid-year estimates.",
            key=("district", "year"),
            columns=(
                Column("district", ColumnType.TEXT, "the district, as teams name it"),
                Column("year", ColumnType.INTEGER, "the mid-year of the estimate"),
                Column(
                    "population",
                    ColumnType.INTEGER,
                    "children aged 0 to 17 inclusive",
                    minimum=0,
                ),
            ),
        ),
        RecordTable(
            "families",
            "Families, the unit that early help works with.",
            key=("family_id",),
            columns=(
                _id("family_id", "the family's identifier"),
                _date("created_date", "when the family was recorded", required=False),
            ),
        ),
        RecordTable(
            "children",
            "Every child that appears in another record.",
            key=("child_id",),
            columns=(
                _id("child_id", "the child's identifier"),
                _date("date_of_birth", "date of birth"),
                _enum("sex", Sex, "sex"),
                _flag("uasc", "an unaccompanied asylum-seeking child"),
                _ref("family_id", "families", "the child's family", required=False),
            ),
        ),
        RecordTable(
            "referrals",
            "Referrals to children's social work services.",
            key=("referral_id",),
            columns=(
                _id("referral_id", "the referral's identifier"),
                _CHILD,
                _date("referral_date", "the date the referral was received"),
                _enum("source", ReferralSource, "who referred"),
                _enum("outcome", ReferralOutcome, "what followed"),
                _TEAM,
            ),
        ),
        RecordTable(
            "assessments",
            "Social work assessments.",
            key=("assessment_id",),
            columns=(
                _id("assessment_id", "the assessment's identifier"),
                _CHILD,
                _TEAM,
                _date("start_date", "the date the assessment started"),
                _date("completed_date", "the date it was completed", required=False),
            ),
            ordered=(("start_date", "completed_date"),),
        ),
        RecordTable(
            "cin_episodes",
            "Open social work cases (children-in-need episodes), including those of "
            "children on a plan, in care or leaving care.",
            key=("episode_id",),
            columns=(
                _id("episode_id", "the episode's identifier"),
                _CHILD,
                _TEAM,
                _date("start_date", "the date the case opened"),
                _date("end_date", "the date it closed", required=False),
            ),
            ordered=(("start_date", "end_date"),),
        ),
        RecordTable(
            "cp_plans",
            "Child protection plans.",
            key=("plan_id",),
            columns=(
                _id("plan_id", "the plan's identifier"),
                _CHILD,
                _TEAM,
                _date("start_date", "the date the plan started"),
                _date("end_date", "the date it ended", required=False),
            ),
            ordered=(("start_date", "end_date"),),
        ),
        RecordTable(
            "care_episodes",
            "Episodes of care as in the SSDA903 return: a new episode starts on every "
            "change of placement or legal status.",
            key=("episode_id",),
            columns=(
                _id("episode_id", "the episode's identifier"),
                _CHILD,
                _TEAM,
                _date("start_date", "the date the episode started"),
                _date("end_date", "the date it ended", required=False),
                _enum("reason_new", ReasonNew, "reason for the new episode"),
                _enum("placement_type", PlacementType, "placement type"),
                _enum("provider", Provider, "placement provider"),
                _enum("legal_status", LegalStatus, "legal status"),
                _enum("reason_ceased", ReasonCeased, "why it ended", required=False),
            ),
            ordered=(("start_date", "end_date"),),
        ),
        RecordTable(
            "adoptions",
            "Children adopted from care.",
            key=("adoption_id",),
            columns=(
                _id("adoption_id", "the adoption's identifier"),
                _CHILD,
                _TEAM,
                _date("entered_care_date", "the date the child became looked after"),
                _date("placed_date", "the date the child moved in with the adopters"),
                _date("adoption_date", "the date of the adoption order"),
            ),
            ordered=(
                ("entered_care_date", "placed_date"),
                ("placed_date", "adoption_date"),
            ),
        ),
        RecordTable(
            "care_leaver_contacts",
            "Care leavers' contact and activity around each birthday from the 17th "
            "to the 21st.",
            key=("child_id", "birthday"),
            columns=(
                _CHILD,
                _TEAM,
                _date("birthday", "the birthday the record is about"),
                _enum("leaver_status", LeaverStatus, "status at the birthday"),
                _date(
                    "contact_date",
                    "the date of the contact nearest the birthday; empty if none",
                    required=False,
                ),
                _enum(
                    "activity", Activity, "main activity at the contact", required=False
                ),
            ),
        ),
        RecordTable(
            "missing_episodes",
            "Episodes of a child going missing, and the return interview.",
            key=("missing_id",),
            columns=(
                _id("missing_id", "the episode's identifier"),
                _CHILD,
                _date("start_date", "the date the child went missing"),
                _date("end_date", "the date the child returned", required=False),
                _date(
                    "interview_date",
                    "the date the return interview was completed; empty if none",
                    required=False,
                ),
            ),
            ordered=(("start_date", "end_date"), ("start_date", "interview_date")),
        ),
        RecordTable(
            "audits",
            "Completed case file audits and their overall grade.",
            key=("audit_id",),
            columns=(
                _id("audit_id", "the audit's identifier"),
                _CHILD,
                _TEAM,
                _enum("service", Service, "the service whose case was audited"),
                _date("audit_date", "the date the audit was completed"),
                _enum("grade", AuditGrade, "the overall grade"),
            ),
        ),
        RecordTable(
            "posts",
            "Social work posts at each snapshot date.",
            key=("snapshot_date", "post_id"),
            columns=(
                _date("snapshot_date", "the snapshot date, usually a month end"),
                _id("post_id", "the post's identifier"),
                _ref("team_id", "teams", "the team the post belongs to"),
                Column("fte", ColumnType.NUMBER, "full-time equivalent", minimum=0),
                _flag("case_holding", "a case-holding post"),
                _flag("filled", "someone holds the post"),
                _flag("qualified", "held by a qualified social worker"),
                _flag("permanent", "held by a permanent employee of the council"),
            ),
        ),
        RecordTable(
            "caseloads",
            "Each social worker's caseload at each snapshot date.",
            key=("snapshot_date", "worker_id"),
            columns=(
                _date("snapshot_date", "the snapshot date, usually a month end"),
                _id("worker_id", "the social worker"),
                _ref("team_id", "teams", "the worker's team"),
                Column("cases", ColumnType.INTEGER, "children allocated", minimum=0),
            ),
        ),
        RecordTable(
            "eh_episodes",
            "Early help episodes: a family's case allocated to an Early Help Unit.",
            key=("episode_id",),
            columns=(
                _id("episode_id", "the episode's identifier"),
                _ref("family_id", "families", "the family"),
                _ref("team_id", "teams", "the early help unit"),
                _date("start_date", "the date the referral was allocated to the unit"),
                _date("end_date", "the date the episode closed", required=False),
                _enum("outcome", EhOutcome, "why it closed", required=False),
            ),
            ordered=(("start_date", "end_date"),),
        ),
        RecordTable(
            "eh_assessments",
            "Early help assessments.",
            key=("assessment_id",),
            columns=(
                _id("assessment_id", "the assessment's identifier"),
                _ref("family_id", "families", "the family"),
                _ref("team_id", "teams", "the early help unit"),
                _date("allocated_date", "the date the assessment was allocated"),
                _date("completed_date", "the date it was completed", required=False),
            ),
            ordered=(("allocated_date", "completed_date"),),
        ),
        RecordTable(
            "front_door_contacts",
            "Contacts processed by the front door, one per child.",
            key=("contact_id",),
            columns=(
                _id("contact_id", "the contact's identifier"),
                _CHILD,
                _date("contact_date", "the date the contact was received"),
                _enum("outcome", ContactOutcome, "the contact outcome"),
            ),
        ),
    )
}


def load_order() -> list[str]:
    """Table names with every referenced table before the tables that refer to it."""
    done: list[str] = []

    def visit(name: str) -> None:
        if name in done:
            return
        for column in TABLES[name].columns:
            if column.references and column.references != name:
                visit(column.references)
        done.append(name)

    for name in TABLES:
        visit(name)
    return done


def describe() -> str:
    """The schema as Markdown: a heading per table and a row per column."""
    lines: list[str] = []
    for table in TABLES.values():
        lines += [
            f"### {table.name}",
            "",
            table.doc,
            "",
            f"Key: {', '.join(table.key)}.",
        ]
        lines += ["", "| column | type | required | meaning |", "|---|---|---|---|"]
        for c in table.columns:
            meaning = c.doc
            if c.values:
                meaning += "; one of " + ", ".join(f"`{v}`" for v in c.values)
            if c.references:
                meaning += f"; a key of `{c.references}`"
            required = "yes" if c.required else "no"
            lines.append(
                f"| {c.name} | {c.type.name.lower()} | {required} | {meaning} |"
            )
        lines.append("")
    return "\n".join(lines)
