"""The words that make the draft command suggest each theme: one rule per theme in data/records.yaml.

A rule is a regular expression of phrases separated by `|`, matched whole-word and case-blind on the report's
wording of an improvement point, and optionally `unless`: phrases removed from the wording before matching (so
"personal education plans" does not suggest `plans`). The draft names the phrase that matched, so a curator can
see why a theme was suggested. Change a rule when a suggestion is wrong for a reason that will recur, then run
bench/bench_draft.py to see the effect on every report we hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeRule:
    phrases: str
    unless: str = ""


THEME_RULES: dict[str, ThemeRule] = {
    "supervision": ThemeRule(r"supervision|supervisory|reflective and directive"),
    "plans": ThemeRule(
        r"plans?|planning|contingenc(y|ies)|pathway plans?",
        unless=(
            r"strategic plans?|action plans?|improvement plans?|business plans?|plans? to|"
            r"personal education plans?|strategic planning|sufficiency planning|action planning|"
            r"care planning (process|regulations)|planning, placement and case review|to plan|"
            r"priorities and planning"
        ),
    ),
    "recording": ThemeRule(
        r"record(s|ed|ing)?|case files?|chronolog(y|ies)|case management system|"
        r"written (records|agreements)|minutes",
        unless=(r"track record"),
    ),
    "management-oversight": ThemeRule(
        r"management oversight|managerial oversight|oversight|"
        r"management (direction|grip|decision[- ]making|challenge)|"
        r"managers'? (oversight|grip|challenge|decision)|grip|managers|manager",
        unless=(r"iros'? oversight|oversight (of|by|from) (the )?(independent reviewing|iros?)|senior managers"),
    ),
    "voice-of-child": ThemeRule(
        r"voices?|views|wishes and feelings|participation|co-produc(e|ed|tion)|"
        r"influence (the )?(development|work)|engagement and participation|complain(t|ts)?|"
        r"what (a|the) child thinks|feedback (processes )?from children|"
        r"involve(d|ment)? (of )?(them|children|young people)|(children|young people) (to be )?involved|"
        r"involved in the development of services|consult(ation)?|contribute to their (own )?plans|"
        r"direct work",
    ),
    "iro": ThemeRule(
        r"independent reviewing officers?|iros?|(child protection )?conference chairs?|"
        r"child protection chairs?|reviewing officers?",
    ),
    # Education, employment and training (EET) is the care leavers' outcome these reports measure.
    "care-leavers": ThemeRule(
        r"care leavers?|education, employment,? (and |or )?training|employment, education or training|leaving care|pathway (plans?|assessments?)|personal advisers?|pas|stay(ing)? put|"
        r"care-experienced|care leavers'? offer|throughcare|next steps service",
    ),
    "early-help": ThemeRule(r"early help|early intervention|edge of care|lead professional|troubled families"),
    "domestic-abuse": ThemeRule(r"domestic (abuse|violence)|marac"),
    "exploitation-missing": ThemeRule(
        r"exploit(ation|ed)|go(es)? missing|missing from (home|care)|been missing|"
        r"return (home )?interviews?|traffick(ed|ing)|cse|missing",
        unless=(r"missing from education|children missing education"),
    ),
    "disabled-children": ThemeRule(r"disabled|disabilit(y|ies)|short[- ]breaks?"),
    "out-of-borough-education": ThemeRule(
        r"personal education plans?|peps?|virtual (school|head)|attainment|"
        r"educational (progress|outcomes|achievement)|out[- ]of[- ](the )?(borough|area)|"
        r"outside of (the )?(borough|area)|living out of area|missing (from )?education|exclusions?|"
        r"pupil premium|school attendance",
    ),
    "workforce": ThemeRule(
        r"caseloads?|workloads?|recruit(ment|ing)?|retention|retain|agency staff|workforce|"
        r"changes of social workers?|training|qualified (and experienced )?(staff|workers)|"
        r"capacity (in|of) social work|staffed|stability in social work teams",
        # Education, employment and training is a care leavers' outcome; recruiting adopters is permanence work.
        unless=(
            r"(education|employment|vocational),? (employment,? )?(and |or )?training|"
            r"training (providers|partners|opportunities)|training or university|adoption recruitment|"
            r"recruitment strategy for adopters|recruitment of lay members"
        ),
    ),
    "quality-assurance": ThemeRule(
        r"quality assurance|quality assure|audits?|auditing|"
        r"performance (management|information|monitoring|data|reports?|framework)|data set|data quality|"
        r"evaluat(e|ed|ion|ing)|self-evaluation|quality management|"
        r"monitor(ing)? (the )?(quality|impact|effectiveness)",
    ),
    "life-story": ThemeRule(r"life[- ]story|later life letters?|understand (their|a child's) (past|history|histories)"),
    "timeliness-drift": ThemeRule(
        # Not "timescales" alone: "actions and timescales" is about what a plan says, not about delay.
        r"timel(y|iness)|delays?|drift|without delay|pace|prompt(ly)?|"
        r"within (their|the child's|expected|agreed) timescales?|timescales? that (meet|match|accord)|"
        r"too long|waiting|progress(ed)? without",
    ),
    # "consent": parents' consent to enquiries, settled when a contact is first screened.
    "front-door": ThemeRule(
        r"front door|mash|multi-agency safeguarding hub|contacts?|referrals?|thresholds?|screening|"
        r"initial response|first contact|icrt|children's hub|mach|consent",
        unless=(r"contact (with|arrangements|time)|family contact|establishing contact"),
    ),
    "pre-proceedings": ThemeRule(
        r"pre-proceedings|public law outline|plo|care proceedings|court|"
        r"legal (planning|advice|services|framework|permanence|applications?)|public law applications?|"
        r"section 20|voluntary (care )?arrangements",
    ),
    "health-wellbeing": ThemeRule(
        r"mental health|emotional (health|wellbeing|well-being|and mental health)|health assessments?|"
        r"health histor(y|ies)|camhs|health|wellbeing",
        unless=(r"health and well-?being board|h&wb"),
    ),
    "advocacy": ThemeRule(r"advoca(cy|tes?)|independent visitors?"),
    "homeless-16-17": ThemeRule(r"homeless(ness)?|bed and breakfast|16- and 17-year-olds|16 (and|to) 17"),
    "allegations": ThemeRule(r"allegations?|designated officers?|lado"),
    "partnership": ThemeRule(
        r"partners?|partner agencies|partnerships?|multi-agency|police|agencies|board|[a-z]*scb|"
        r"safeguarding children board|section 11|working together|wider community|health partners|"
        r"education professionals|child death overview panel|health and well-?being board",
    ),
    "placements": ThemeRule(
        r"placements?|sufficiency|foster carers?|homes for children|(suitable|regulated|local) homes|"
        r"unregulated|unregistered|foster(ing)? (homes|households)|residential|placement stability|"
        r"carers' reviews|foster carers' reviews|delegated authority",
        unless=(r"private(ly)? foster(ed|ing)? (placements?|arrangements)"),
    ),
    "permanence": ThemeRule(
        r"permanen(ce|t)|adopt(ion|ers|ive|ed)|later life letters?|adopt|special guardian(ship)?|"
        r"foster(ing)? to adopt|long-term foster(ing| care)|family-finding|matching",
    ),
    "leadership": ThemeRule(
        r"leaders|elected members|corporate parent(s|ing)?|governance|scrutiny|councillors|political|"
        r"strategic (plans?|planning|vision|partnerships?|arrangements)|senior (leaders|managers)|"
        r"chief executive|annual report|practice framework|policies and procedures",
    ),
    "assessments": ThemeRule(
        r"assessments?|assess",
        unless=(r"assessment of (the )?(performance|quality|effectiveness)"),
    ),
    "neglect": ThemeRule(r"neglect"),
    "family-networks": ThemeRule(
        r"family networks?|family and friends|connected (persons?|carers?)|kinship|"
        r"family group conferenc(e|es|ing)|wider family|extended family|regulation 24|family members",
    ),
    "young-carers": ThemeRule(r"young carers?"),
    "private-fostering": ThemeRule(r"private(ly)? foster(ed|ing)?"),
    "identity-diversity": ThemeRule(
        r"identit(y|ies)|diversity|diverse communities|cultur(e|al)|heritage|faith|ethnic|asylum|"
        r"unaccompanied",
        unless=(r"culture in which"),
    ),
}

# Themes that follow from where a point is listed, not its words: the LSCB review's recommendations are addressed
# to the Local Safeguarding Children Board, the partner agencies' board, so they are about partnership.
SECTION_THEMES: dict[str, tuple[str, str]] = {"LSCB": ("partnership", "a recommendation to the LSCB")}


@dataclass(frozen=True)
class ThemeHit:
    theme: str
    phrase: str  # the words in the report that matched, as printed


def _compiled(pattern: str) -> re.Pattern[str] | None:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE) if pattern else None


_COMPILED = {theme: (_compiled(rule.phrases), _compiled(rule.unless)) for theme, rule in THEME_RULES.items()}


def suggest_themes(wording: str, section: str = "") -> list[ThemeHit]:
    """The themes whose rule matches the wording (or the section it is listed in, by SECTION_THEMES), in
    THEME_RULES order, each with the phrase that matched."""
    text = " ".join(wording.replace("\u2019", "'").split())
    by_section = {theme: why for prefix, (theme, why) in SECTION_THEMES.items() if section.startswith(prefix)}
    hits = []
    for theme, (phrases, unless) in _COMPILED.items():
        searched = unless.sub(" ", text) if unless else text
        if phrases and (found := phrases.search(searched)):
            hits.append(ThemeHit(theme, found.group(0)))
        elif theme in by_section:
            hits.append(ThemeHit(theme, by_section[theme]))
    return hits
