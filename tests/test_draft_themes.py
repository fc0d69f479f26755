"""The theme rules beside the vocabulary: one per declared theme, and each suggests what it says it does."""

from __future__ import annotations

import pytest
import yaml

from inspections.theme_rules import SECTION_THEMES, THEME_RULES, suggest_themes
from tests.conftest import SHIPPED


def declared_themes() -> list[str]:
    return [theme["id"] for theme in yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))["themes"]]


def test_every_theme_in_the_records_has_a_rule_and_every_rule_a_theme():
    assert sorted(THEME_RULES) == sorted(declared_themes())
    assert {theme for theme, _ in SECTION_THEMES.values()} <= set(THEME_RULES)


@pytest.mark.parametrize("theme", declared_themes())
def test_a_theme_own_label_suggests_it(theme):
    label = next(t["label"] for t in yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))["themes"] if t["id"] == theme)
    assert theme in {hit.theme for hit in suggest_themes(label)}


@pytest.mark.parametrize(
    ("wording", "themes"),
    [
        (
            "The quality of recorded supervision and management oversight of decisions.",
            {"supervision", "recording", "management-oversight"},
        ),
        ("The quality of personal education plans.", {"out-of-borough-education"}),  # not `plans`
        ("Pathway plans for care leavers.", {"plans", "care-leavers"}),
        ("Children missing from education.", {"out-of-borough-education"}),  # not exploitation
        ("The response to children who go missing from home or care.", {"exploitation-missing"}),
        ("The response to children who are privately fostered.", {"private-fostering"}),
        ("The response to 16- and 17-year-olds who present as homeless.", {"homeless-16-17"}),
        ("Care leavers in education, employment and training.", {"care-leavers"}),  # not workforce
        ("Caseloads and the training of social workers.", {"workforce"}),
        ("Work with the Health and Wellbeing Board.", {"partnership"}),  # not health-wellbeing
        ("Timely access to mental health services.", {"timeliness-drift", "health-wellbeing"}),
        ("Plans that set out actions and timescales.", {"plans"}),  # timescales alone are not delay
        ("Identity and cultural heritage of unaccompanied asylum-seeking children.", {"identity-diversity"}),
        ("Parental consent when contacts are screened.", {"front-door"}),
        ("Nothing here a rule would know.", set()),
    ],
)
def test_rules_suggest_what_their_words_say(wording, themes):
    assert {hit.theme for hit in suggest_themes(wording)} == themes


def test_the_matched_phrase_is_given_as_printed():
    hits = {hit.theme: hit.phrase for hit in suggest_themes("Improve the Return Home Interviews offered.")}
    assert hits == {"exploitation-missing": "Return Home Interviews"}


@pytest.mark.parametrize(
    ("section", "expected"),
    [("LSCB recommendations", True), ("Recommendations", False), ("What needs to improve", False)],
)
def test_the_lscb_review_recommendations_are_about_partnership(section, expected):
    hits = {hit.theme: hit.phrase for hit in suggest_themes("Publish a clear annual report.", section)}
    assert ("partnership" in hits) is expected
    if expected:
        assert hits["partnership"] == "a recommendation to the LSCB"
