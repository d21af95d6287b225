"""The code lists of the statutory returns, as data, and how each maps onto ours.

The codes are facts published by the Department for Education (England):

- SSDA903: *Children looked after by local authorities in England: guide to the
  SSDA903 collection*, 1 April 2023 to 31 March 2024 (and the same lists in the
  2022-23 and 2024-25 guides), the code sets of the episode, header, OC3,
  placed-for-adoption and missing tables.
- CIN census: *Children in need census 2023 to 2024: guide*, the code sets of
  referral source, primary need, reason for closure and category of abuse.

Only the codes we validate or map are listed. A code outside its list is an
unknown code and the record holding it is refused; a known code is mapped onto
the closed vocabularies of :mod:`scorecards.records.schema`, which tell fewer
things apart than the returns do (the mapping tables below say how).
"""

from __future__ import annotations

from types import MappingProxyType

from scorecards.records.schema import (
    Activity,
    LegalStatus,
    PlacementType,
    Provider,
    ReasonCeased,
    ReasonNew,
    ReferralSource,
    Sex,
)

SSDA903_SOURCE = (
    "Department for Education, Children looked after by local authorities in "
    "England: guide to the SSDA903 collection, 2023 to 2024"
)
CIN_SOURCE = "Department for Education, Children in need census 2023 to 2024: guide"

# SSDA903 episodes --------------------------------------------------------------

REASON_NEW = frozenset(r.value for r in ReasonNew)  # S L P B T U: the same letters

LEGAL_STATUS = MappingProxyType(
    {
        "C1": LegalStatus.INTERIM_CARE_ORDER,
        "C2": LegalStatus.FULL_CARE_ORDER,
        "D1": LegalStatus.OTHER,  # freeing order granted
        "E1": LegalStatus.PLACEMENT_ORDER,
        "J1": LegalStatus.OTHER,  # remanded to local authority accommodation
        "J2": LegalStatus.OTHER,  # placed under PACE
        "J3": LegalStatus.OTHER,  # sentenced to a youth rehabilitation order
        "L1": LegalStatus.OTHER,  # under police protection, in LA accommodation
        "L2": LegalStatus.OTHER,  # emergency protection order
        "L3": LegalStatus.OTHER,  # child assessment order, in LA accommodation
        "V2": LegalStatus.SECTION_20,  # single period accommodated under s20
        "V3": LegalStatus.OTHER,  # accommodated under an agreed series of short breaks
        "V4": LegalStatus.OTHER,  # short breaks, in the same placement
    }
)
SHORT_BREAKS = frozenset({"V3", "V4"})

PLACEMENT = MappingProxyType(
    {
        "A3": PlacementType.ADOPTION_CONSENT,
        "A4": PlacementType.ADOPTION_ORDER,
        "A5": PlacementType.ADOPTION_CONSENT_NEW,
        "A6": PlacementType.ADOPTION_ORDER_NEW,
        "H5": PlacementType.INDEPENDENT_LIVING,  # semi-independent living
        "K1": PlacementType.SECURE,
        "K2": PlacementType.RESIDENTIAL,  # children's home
        "P1": PlacementType.PARENTS,
        "P2": PlacementType.INDEPENDENT_LIVING,
        "P3": PlacementType.OTHER,  # residential employment
        "R1": PlacementType.OTHER,  # residential care home
        "R2": PlacementType.OTHER,  # NHS or health trust
        "R3": PlacementType.OTHER,  # family centre or mother and baby unit
        "R5": PlacementType.OTHER,  # young offender institution or prison
        "S1": PlacementType.OTHER,  # residential school
        "T0": PlacementType.OTHER,  # temporary: all types
        "T1": PlacementType.OTHER,  # temporary: hospital
        "T2": PlacementType.OTHER,  # temporary: holiday
        "T3": PlacementType.OTHER,  # temporary: away from normal placement
        "T4": PlacementType.OTHER,  # temporary: other
        "U1": PlacementType.FOSTER_RELATIVE_LONG_TERM,
        "U2": PlacementType.FOSTER_RELATIVE_ADOPTER,
        "U3": PlacementType.FOSTER_RELATIVE_OTHER,
        "U4": PlacementType.FOSTER_OTHER_LONG_TERM,
        "U5": PlacementType.FOSTER_OTHER_ADOPTER,
        "U6": PlacementType.FOSTER_OTHER,
        "Z1": PlacementType.OTHER,
    }
)

PROVIDER = MappingProxyType({p.value: p for p in Provider})  # PR0 to PR5

# "X1": the episode ended and a new one began the same day; care went on
CARE_CONTINUES = "X1"
REASON_CEASED = MappingProxyType(
    {
        "E11": ReasonCeased.ADOPTED,  # adopted, application unopposed
        "E12": ReasonCeased.ADOPTED,  # adopted, consent dispensed with
        "E2": ReasonCeased.OTHER,  # died
        "E3": ReasonCeased.OTHER,  # care taken over by another council
        "E4A": ReasonCeased.RETURNED_HOME,  # home to parents, as planned
        "E4B": ReasonCeased.RETURNED_HOME,  # home to parents, not as planned
        "E13": ReasonCeased.RETURNED_HOME,  # to relatives without parental resp.
        "E41": ReasonCeased.SPECIAL_GUARDIANSHIP,  # child arrangements order
        "E45": ReasonCeased.SPECIAL_GUARDIANSHIP,  # SGO, former carers, relatives
        "E46": ReasonCeased.SPECIAL_GUARDIANSHIP,  # SGO, former carers, others
        "E47": ReasonCeased.SPECIAL_GUARDIANSHIP,  # SGO, not former carers, relatives
        "E48": ReasonCeased.SPECIAL_GUARDIANSHIP,  # SGO, not former carers, others
        "E5": ReasonCeased.INDEPENDENT_LIVING,  # with supportive accommodation
        "E6": ReasonCeased.INDEPENDENT_LIVING,  # without formal support
        "E7": ReasonCeased.OTHER,  # to adult social care
        "E8": ReasonCeased.OTHER,  # any other reason
        "E9": ReasonCeased.OTHER,  # sentenced to custody
        "E14": ReasonCeased.OTHER,  # accommodation on remand ended
        "E15": ReasonCeased.OTHER,  # age assessment found the child 18 or over
        "E16": ReasonCeased.OTHER,  # moved abroad
        "E17": ReasonCeased.AGED_18,  # aged 18, stayed with carers (staying put)
    }
)
ADOPTED = frozenset({"E11", "E12"})
REASON_PLACE_CHANGE = frozenset(
    {"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ",
     "PLACE", "CUSTOD", "OTHER"}
)  # fmt: skip
CATEGORY_OF_NEED = frozenset(f"N{n}" for n in range(1, 9))

# SSDA903 header, missing, OC3, placed for adoption ----------------------------

SEX_903 = MappingProxyType({"1": Sex.MALE, "2": Sex.FEMALE})
MISSING = MappingProxyType({"M": "missing", "A": "away"})
IN_TOUCH = frozenset({"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"})
NOT_A_CONTACT = frozenset({"DIED", "NREQ", "RHOM"})  # no activity may be given
ACTIVITY = MappingProxyType(
    {
        "F1": Activity.EDUCATION,  # full-time higher education
        "P1": Activity.EDUCATION,  # part-time higher education
        "F2": Activity.EDUCATION,  # full-time education other than higher
        "P2": Activity.EDUCATION,  # part-time education other than higher
        "F4": Activity.EMPLOYMENT,  # full-time employment
        "P4": Activity.EMPLOYMENT,  # part-time employment
        "F5": Activity.TRAINING,  # full-time training or apprenticeship
        "P5": Activity.TRAINING,  # part-time training or apprenticeship
        "G4": Activity.NEET_ILLNESS,  # not in EET: illness or disability
        "G5": Activity.NEET_OTHER,  # not in EET: other reasons
        "G6": Activity.NEET_PARENTING,  # not in EET: pregnancy or parenting
    }
)
NO_ACTIVITY = "0"  # the activity code when the young person is not in touch
REASON_PLACED_CEASED = frozenset({"RD1", "RD2", "RD3", "RD4"})

# CIN census ------------------------------------------------------------------

REFERRAL_SOURCE = MappingProxyType(
    {
        "1A": ReferralSource.INDIVIDUAL,  # family member or relative
        "1B": ReferralSource.INDIVIDUAL,  # acquaintance
        "1C": ReferralSource.INDIVIDUAL,  # self
        "1D": ReferralSource.INDIVIDUAL,  # other individual
        "2A": ReferralSource.SCHOOLS,  # schools
        "2B": ReferralSource.SCHOOLS,  # education services
        "3A": ReferralSource.HEALTH,  # GP
        "3B": ReferralSource.HEALTH,  # health visitor
        "3C": ReferralSource.HEALTH,  # school nurse
        "3D": ReferralSource.HEALTH,  # other primary health services
        "3E": ReferralSource.HEALTH,  # A&E
        "3F": ReferralSource.HEALTH,  # other health services
        "4": ReferralSource.LOCAL_AUTHORITY,  # housing
        "5A": ReferralSource.LOCAL_AUTHORITY,  # LA services: social care
        "5B": ReferralSource.LOCAL_AUTHORITY,  # LA services: other internal
        "5C": ReferralSource.LOCAL_AUTHORITY,  # LA services: external
        "5D": ReferralSource.LOCAL_AUTHORITY,  # early help
        "6": ReferralSource.POLICE,
        "7": ReferralSource.OTHER,  # other legal agency
        "8": ReferralSource.OTHER,  # other
        "9": ReferralSource.OTHER,  # anonymous
        "10": ReferralSource.OTHER,  # unknown
    }
)
PRIMARY_NEED = frozenset(f"N{n}" for n in range(0, 10))
REASON_FOR_CLOSURE = frozenset(f"RC{n}" for n in range(1, 10))
CATEGORY_OF_ABUSE = frozenset({"NEG", "PHY", "SAB", "EMO", "MUL"})
# GenderCurrent until 2023-24 (0 not known, 9 not specified); Sex from 2024-25
SEX_CIN = MappingProxyType(
    {
        "1": Sex.MALE,
        "2": Sex.FEMALE,
        "0": Sex.UNKNOWN,
        "9": Sex.UNKNOWN,
        "M": Sex.MALE,
        "F": Sex.FEMALE,
        "U": Sex.UNKNOWN,
    }
)


def code_list(codes: object) -> str:
    """The codes of a list as a short sorted text for a message."""
    return ", ".join(sorted(str(code) for code in codes))  # type: ignore[attr-defined]
