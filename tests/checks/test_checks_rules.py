"""Each rule of `foi check`, with texts that must raise it and texts that must not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foi.checks import ERROR, INFO, RULES, WARNING, Finding, check_text
from foi.directory.authorities import builtin, resolve

LETTERS = Path(__file__).parent / "check_letters"
TODAY = date(2026, 11, 23)

RULE_IDS = [
    "validity/name", "validity/address", "validity/description", "validity/placeholder", "scope/date-range",
    "scope/too-broad", "form/question", "form/published", "privacy/own-data", "privacy/personal-details",
    "privacy/third-party", "tone/emotive", "style/case", "structure/too-many-items", "structure/mixed-topics",
    "structure/too-long", "law/citation", "law/wrong-regime", "law/not-public-authority", "clarity/vague",
    "clarity/acronym", "scope/breakdowns", "tone/opening", "law/wrong-body", "form/pasted-answer",
]


def rules(text: str, **kwargs: object) -> dict[str, str]:
    """rule id -> the most serious severity it gave."""
    kwargs.setdefault("body_only", True)
    kwargs.setdefault("letter_date", TODAY)
    found: dict[str, str] = {}
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    for f in check_text(text, **kwargs):  # type: ignore[arg-type]
        if f.rule not in found or order[f.severity] < order[found[f.rule]]:
            found[f.rule] = f.severity
    return found


def letter(body: str, name: str = "Janet Smith", contact: str = "janet.smith@example.org") -> str:
    return (f"Dear Leeds City Council,\n\nI am writing to request information under section 1 of the Freedom of "
            f"Information Act 2000.\n\n{body}\n\nYours faithfully,\n\n{name}\n{contact}\n")


def test_every_required_rule_id_is_registered() -> None:
    assert set(RULE_IDS) <= set(RULES)
    for rule in RULES.values():
        assert rule.severity in (ERROR, WARNING, INFO)
        assert rule.summary


POSITIVE = [
    # (rule, severity, text)
    ("scope/date-range", WARNING, "Please send me all guidance about sanctions."),
    ("scope/date-range", WARNING, "Please provide copies of correspondence between the council and Veolia about bins."),
    # A count of events with no period means everything ever recorded (ICO s.187 actions: refused on cost).
    ("scope/date-range", WARNING, "How many claimants have been sanctioned for missing appointments?"),
    ("scope/date-range", INFO, "How many work coaches are employed at Leeds Jobcentre?"),
    ("scope/too-broad", WARNING, "I would like all information you hold on Universal Credit."),
    ("scope/too-broad", WARNING, ("Please provide all correspondence between DWP and Serco about the Work Programme "
                                 "since 2010.")),
    ("scope/too-broad", WARNING, "Please provide all documents relating to the contract with Capita from 2005 to 2025."),
    ("scope/too-broad", WARNING, "Send me everything you have about the Restart Scheme."),
    ("form/question", WARNING, "Why are claimants being sent on courses run by A4e?"),
    ("form/question", WARNING, "Can a work coach demand that a claimant attends a course?"),
    ("form/question", WARNING, "Is attendance at the group session compulsory?"),
    ("form/question", WARNING, "Could you tell me why the council closed the day centre?"),
    ("form/question", WARNING, "I would like to know whether claimants can be forced to attend."),
    ("form/question", WARNING, "What happens if a claimant refuses to sign a claimant commitment?"),
    ("form/question", WARNING, "Does the Department accept that sanctions cause hardship?"),
    ("form/question", INFO, "Please explain how the council calculates the charge."),
    ("form/published", WARNING, "Please provide a copy of the legislation that allows DWP to share data."),
    ("form/published", WARNING, "Could you send me a copy of the Jobseekers Act 1995."),
    ("form/published", WARNING, "Please send me chapter K of the Advice for Decision Making guide."),
    ("form/published", WARNING, "Which law gives the council the power to charge for green waste?"),
    ("form/published", INFO, ("Please provide the number of people on Universal Credit in each local authority in "
                             "March 2025.")),
    ("form/complaint", WARNING, ("I wish to make a formal complaint about my work coach. Please provide the "
                                "guidance on conduct in force on 1 May 2025.")),
    ("privacy/own-data", ERROR, "Please send me all the notes made about me by my work coach in 2025."),
    ("privacy/own-data", ERROR, "Please provide the audio recording of my PIP assessment on 22 May 2025."),
    ("privacy/own-data", ERROR, "I would like a copy of the notes made on my housing application."),
    ("privacy/personal-details", WARNING, "My NI number is JT 45 78 12 B. How many PIP claims were refused in 2024?"),
    ("privacy/personal-details", WARNING, "Please ring me on 07700 900123. How many badges were issued in 2025?"),
    ("privacy/personal-details", WARNING, "My date of birth is 14/02/1979. How many badges were issued in 2025?"),
    ("privacy/personal-details", WARNING, "My claim was stopped in May. How many claims were stopped in 2025?"),
    ("privacy/personal-details", INFO, "I am disabled. How many blue badges were issued in 2025?"),
    ("privacy/third-party", WARNING, "Please provide the names of the work coaches at Stockport Jobcentre."),
    ("privacy/third-party", WARNING, "Can you tell me whether my neighbour is claiming housing benefit?"),
    ("privacy/third-party", WARNING, "Please disclose the home addresses of the councillors on the committee."),
    ("privacy/third-party", WARNING, "Please provide details of any disciplinary action against PC John Davies."),
    ("privacy/third-party", WARNING, "Please send me my son's exclusion letters from 2025."),
    ("tone/emotive", WARNING, "Your treatment of claimants is a disgrace. How many were sanctioned in 2025?"),
    ("tone/emotive", WARNING, "How many people were evicted in 2024?!!"),
    ("tone/emotive", WARNING, "You are liars. Please provide the 2024 inspection report."),
    ("style/case", WARNING, "I WANT TO KNOW HOW MANY PEOPLE WERE SANCTIONED AT THE JOBCENTRE LAST YEAR"),
    ("style/case", WARNING, "I have asked THREE TIMES and you have STILL NOT ANSWERED. Please send the 2025 report."),
    ("style/case", INFO, ("please can you send me a copy of the guidance work coaches use when they agree the "
                         "claimant commitment with someone on universal credit, the version in use now.")),
    ("structure/too-many-items", WARNING, "For 2024/25 please provide:\n"
                                          + "".join(f"{i}. The figure {i}.\n" for i in range(1, 14))),
    ("structure/too-many-items", INFO, "For 2024/25 please provide:\n"
                                       + "".join(f"{i}. The figure {i}.\n" for i in range(1, 12))),
    ("structure/mixed-topics", INFO, ("1. How many potholes were repaired in 2025?\n2. How many pupils were "
                                     "excluded from schools in 2025?\n3. How many Universal Credit claimants were "
                                     "sanctioned in 2025?\n")),
    ("structure/too-long", WARNING, "I have been unemployed for a long time and the Jobcentre has not helped. "
                                    * 45 + "Please provide the guidance in force on 1 May 2025."),
    ("structure/too-long", INFO, "I have been unemployed for a long time and the Jobcentre has not helped. "
                                 * 30 + "Please provide the guidance in force on 1 May 2025."),
    ("validity/placeholder", ERROR, "Dear [Authority name],\n\nPlease provide the 2025 figures."),
    ("validity/placeholder", ERROR, "Dear {{ authority }},\n\nPlease provide the 2025 figures."),
    ("validity/placeholder", ERROR, "Please provide the figures from 1 April XXXX to 31 March 2025."),
    ("validity/description", ERROR, "Dear Sir,\n\nFreedom of Information request.\n\nYours faithfully,\nJohn Smith"),
    ("validity/description", WARNING, "I am very unhappy with how I was treated at the Jobcentre yesterday."),
    ("clarity/vague", INFO, "Please provide the 2025 figures on fly-tipping, graffiti, etc."),
    ("clarity/vague", INFO, "Please provide the 2025 contract and any other relevant information."),
    ("clarity/acronym", INFO, "Please provide the number of MWA referrals made in 2014/15."),
    ("clarity/acronym", INFO, "Please provide the evaluation criteria for the UAEHRS lots in 2016."),
]


@pytest.mark.parametrize(("rule_id", "severity", "text"), POSITIVE)
def test_rule_raised(rule_id: str, severity: str, text: str) -> None:
    assert rules(text).get(rule_id) == severity


NEGATIVE = [
    # (rule that must NOT be raised, text)
    ("scope/date-range", ("Please provide the number of sanctions at each Jobcentre in Leeds between April 2024 and "
                         "March 2025, by the sanction reason recorded.")),
    ("scope/date-range", "Please send me a copy of your current Discretionary Housing Payment policy."),
    ("scope/date-range", "Please provide the minutes of the last three meetings of the Schools Forum."),
    ("scope/date-range", "Please provide a copy of the council's complaints procedure."),
    ("scope/date-range", "Please provide copies of the standard letters sent to tenants in arrears."),
    ("scope/date-range", "1. How many claims were received in 2024/25?\n2. How many of those claims were paid?\n"),
    ("scope/too-broad", ("Please provide copies of all correspondence between the council's Housing Strategy team and "
                        "Homes England sent or received between 1 March 2025 and 31 March 2025.")),
    ("scope/too-broad", "Please provide the number of Work Capability Assessments by telephone in each year since 2020."),
    ("scope/too-broad", ("Please provide a list of all trees felled on highway land between 1 April 2024 and "
                        "31 March 2025.")),
    ("scope/too-broad", "Please provide the equality impact assessment for the decision to close Hillside Library."),
    ("form/question", "Please provide figures for the reasons recorded for each sanction in 2025."),
    ("form/question", "Can you please provide the number of sanctions applied in 2025?"),
    ("form/question", "Could you please tell me how many charging points the council operated in 2025?"),
    ("form/question", "Would it be possible to have the 2025 figures in a spreadsheet?"),
    ("form/question", "Should you need any clarification, please contact me."),
    ("form/question", "Could the information be provided in Excel format?"),
    ("form/question", "Please provide copies of the documents that explain why the decision was taken in 2025."),
    ("form/question", ("Copies of the guidance that sets out whether attendance at the course is mandatory, in force "
                      "on 1 April 2025, including guidance on what happens when a participant does not attend.")),
    ("form/question", "What was the total cost of the Town Hall refurbishment completed in 2024?"),
    ("form/published", "Under the Freedom of Information Act 2000, please provide the 2025 figures."),
    ("form/published", "Please provide the guidance issued under the Welfare Reform Act 2012 in force in 2025."),
    ("form/published", ("Please provide the number of people on Universal Credit in each local authority in March "
                       "2025. If this is already published, a link will do.")),
    ("privacy/own-data", "Please provide the number of sanctions at my local Jobcentre in each month of 2025."),
    ("privacy/own-data", "I would like to know what the rules are on sanctions, as this happened to me in March."),
    ("privacy/own-data", "Please treat my request as urgent and provide the 2025 figures."),
    ("privacy/personal-details", "I am a welfare rights adviser. Please provide the current guidance on descriptors."),
    ("privacy/personal-details", "Please provide the number of calls to the helpline in each month of 2025."),
    ("privacy/personal-details", "Please provide the applications received between 01/04/2024 and 31/03/2025."),
    ("privacy/third-party", "Please provide the names of the companies awarded contracts in 2025."),
    ("privacy/third-party", "Please provide the salaries of the chief executive and directors for 2024/25."),
    ("privacy/third-party", "Please provide the number of complaints about chaperones received in the last two years."),
    ("tone/emotive", "Please provide the number of benefit fraud investigations opened in 2024/25."),
    ("tone/emotive", "Please provide the number of households homeless because of domestic abuse in 2025."),
    ("tone/emotive", 'The paper called the backlog "a disgraceful legacy". Please provide the 2024 figures.'),
    ("tone/emotive", "Please provide the 2025 parking figures.\n\nThanks,\nAlan Crook"),
    ("style/case", "Please provide the number of CCTV cameras operated by the DWP and the NHS in 2025."),
    ("style/case", "please send me the 2025 figures. thanks"),
    ("structure/too-many-items", ("For 2024/25 please provide:\n1. The number issued:\n   a) on street;\n"
                                 "   b) in car parks;\n   c) by camera.\n2. The income.\n3. The number cancelled.\n")),
    ("clarity/acronym", ("Please provide the number of starts on the Work and Health Programme (WHP) in 2023/24 and "
                        "the number of WHP job outcomes.")),
    ("clarity/acronym", "Please provide the number of PIP, ESA and JSA claims handled by DWP in 2025."),
    ("clarity/acronym", "I have asked THREE TIMES and you STILL HAVE NOT ANSWERED about the 2025 report."),
    ("validity/placeholder", "Please reply to [email address] with the 2025 figures."),
    ("validity/placeholder", 'The report says "the scheme [...] was a success". Please provide the 2025 report.'),
    ("validity/description", ("Dear Cabinet Office, Please provide the number of civil servants dismissed in "
                              "2024. Yours faithfully, Ben Cole")),
    ("clarity/vague", "Please provide the most recent figures for 2025."),
]


# --- the rules the real corpus called for (evaluation/real) ---------------------------------------

REAL_POSITIVE = [
    # Each is a real request's words, or close to them; the entry is named.
    ("privacy/own-data", ERROR, "What is the current position of my request (SAR/17217) in that queue?"),
    ("privacy/own-data", ERROR, ("Concerning the FOI appeal I sent to the ICO on 1 March 2012, please supply me with a "
                                 "copy of all the correspondence between yourselves and the DWP.")),
    ("form/question", WARNING, 'What evidence do you have that sanctions "help people into work" or that they are "fair"?'),
    ("form/question", WARNING, 'How can sanctions "incentivise" people to find work?'),
    ("form/question", WARNING, "Is it possible for a person who owns their own property to qualify for a council flat?"),
    ("form/question", WARNING, "Can you therefore advise how someone can ensure the DWP do not record this data?"),
    ("form/question", WARNING, ("Request for information 9: What will the impact be on local communities if the fund "
                                "is not extended beyond 30 September?")),
    ("form/published", WARNING, "Please could you send copies of all legislation and council rules that cover this?"),
    ("privacy/third-party", WARNING, ("Please provide the names of councillors with outstanding council tax arrears and "
                                      "the amount each owes.")),
    ("privacy/third-party", WARNING, ("Please provide the Strategy Board minutes for March 2024 and the names and "
                                      "designations of the Board.")),
    ("tone/emotive", WARNING, "Who was the officer who knew that what was stated was untrue?"),
    ("tone/opening", WARNING, ("I am making a freedom of information request because of discrimination, mismanagement, "
                               "fraud and deception. Please provide the 2024 lettings figures.")),
    ("tone/opening", WARNING, ("Yet again the DWP has redacted the deposited papers without any attempt to justify it. "
                               "Please disclose the redacted parts of the October 2022 papers.")),
    ("scope/too-broad", WARNING, ("to be provided with the titles of all / any documents the department holds relating "
                                  "to the introduction of Universal Credit in Northern Ireland")),
    ("scope/too-broad", WARNING, ("Please provide for the period January 2018 to date copies of all correspondence "
                                  "between HBC departments concerning these works.")),
    ("scope/too-broad", WARNING, ("Could you supply all briefings prepared for Ministers, all analysis undertaken and all "
                                  "correspondence sent and received about homelessness in the last three months?")),
    ("scope/date-range", WARNING, ("I'm writing to request information relating to the number of actions received by "
                                   "the ICO under section 187 of the Data Protection Act 2018.")),
    ("scope/breakdowns", WARNING, ("For each month in the past five years, please provide the number of households in "
                                   "temporary accommodation. Include a breakdown of the types of accommodation. Please "
                                   "categorise those in temporary accommodation as follows: single parents, identifying "
                                   "mothers and fathers separately; family units, classified by family size.")),
    ("scope/breakdowns", WARNING, ("1. How many council households are awaiting repairs?\n2. Of the figure in question "
                                   "1, how many are logged as emergency repairs?\n3. Of the figure in question 1, how "
                                   "many have waited more than a year?\n4. Please list the required repairs for the "
                                   "households covered by question 3, in detail if available.\n")),
    ("style/case", WARNING, ("dear dwp i want to know what is happening with the sanctions at my jobcentre because "
                             "nobody tells me anything and i need to know before my next appointment so please tell me")),
]


@pytest.mark.parametrize(("rule_id", "severity", "text"), REAL_POSITIVE)
def test_real_weakness_raised(rule_id: str, severity: str, text: str) -> None:
    assert rules(text).get(rule_id) == severity


REAL_NEGATIVE = [
    # Well-formed real requests, answered: none of these may warn.
    ("scope/too-broad", ("Please provide a copy of all policy and guidance documents that are available to council "
                         "officers who are tasked with considering whether a Penalty Charge Notice should be cancelled.")),
    ("scope/date-range", ("Please also provide copies/details of all training undertaken by work coaches to enable them "
                          "to carry out this function.")),
    ("privacy/third-party", "How many formal complaints in the past five years have been filed against Barnet Homes?"),
    ("scope/breakdowns", ("Please provide the number of households placed in temporary accommodation in 2023/24, "
                          "broken down by household type.")),
    ("tone/opening", "Please provide the number of benefit fraud investigations opened in 2024/25."),
    ("style/case", "Please provide:\n- the number of fostering households;\n- the number of carers approved;\n"
                   "- the number who left;\n- the number of children placed in house;\n- the average weekly cost."),
    ("form/question", "Could you again break this down by financial year if possible?"),
    ("validity/description", "The agency agreements with the DWP for disability benefits (PIP, DLA, AA)"),
]


@pytest.mark.parametrize(("rule_id", "text"), REAL_NEGATIVE)
def test_real_well_formed_not_raised(rule_id: str, text: str) -> None:
    assert rule_id not in {r for r, severity in rules(text).items() if severity != INFO}


def test_redaction_marks_are_not_letter_clauses() -> None:
    text = ("I would like disclosing any/all correspondence held by NELC relating to the High Court application, as "
            "per the witness statement [redacted URL].")
    assert rules(text).get("scope/too-broad") == WARNING


def test_subject_law_is_not_a_letter_clause() -> None:
    text = "Please provide the number of Section 202 reviews requested, by outcome."
    assert rules(text).get("scope/date-range") == WARNING


# --- law/wrong-body reads where the request is going ----------------------------------------------


def _to(authority: str, text: str) -> dict[str, str]:
    return rules(text, authority=resolve(authority).authority)


def test_universal_credit_asked_of_the_cabinet_office_is_the_wrong_body() -> None:
    found = check_text("What measures has your office taken on the Universal Credit five-week wait in 2024?",
                       body_only=True, authority=resolve("cabinet-office").authority, letter_date=TODAY)
    wrong = [f for f in found if f.rule == "law/wrong-body"]
    assert wrong and wrong[0].severity == WARNING
    assert "Department for Work and Pensions" in wrong[0].suggestion
    assert "Department for Communities" in wrong[0].suggestion


def test_jobcentres_asked_of_a_council_is_the_wrong_body() -> None:
    assert _to("glasgow-city-council", "How many people did each Jobcentre in Glasgow sanction in 2025?").get(
        "law/wrong-body") == WARNING


@pytest.mark.parametrize(("authority", "text"), [
    ("dwp", "How many Universal Credit sanctions did each Jobcentre apply in 2025?"),
    ("scottish-government", ("Please provide the correspondence between the Scottish Government and DWP about "
                             "Universal Credit in 2025.")),
    ("glasgow-city-council", "How many council tenants on Universal Credit were in rent arrears on 31 March 2025?"),
    ("scottish-government", "Please provide the agency agreements with the DWP for disability benefits (PIP, DLA)."),
    ("scottish-government", ("Please provide a copy of the guidance given to Fair Start Scotland providers on referrals "
                             "from Jobcentres, in force in 2023.")),
])
def test_right_body_or_own_dealings_pass(authority: str, text: str) -> None:
    assert "law/wrong-body" not in _to(authority, text)


def test_wrong_body_needs_to_know_the_body() -> None:
    assert "law/wrong-body" not in rules("How many Universal Credit sanctions were applied in 2025?")


def test_wrong_body_table_names_real_bodies_and_sources() -> None:
    from foi.directory.matters import all_matters

    directory = builtin()
    for matter in all_matters().values():
        assert matter.sources and matter.terms and matter.what and matter.label, matter.id
        for body in (*matter.held_by.values(), *matter.holders):
            assert body in directory.authorities, (matter.id, body)


# --- form/pasted-answer: a wizard answer typed as a story ------------------------------------------


def test_story_in_an_item_is_a_pasted_answer() -> None:
    text = ("Please provide:\n1. The guidance work coaches follow on mandatory courses, in force in 2026.\n"
            "2. I was told by my work coach that I had to go or lose my money.\n")
    assert rules(text).get("form/pasted-answer") == WARNING


def test_story_as_the_subject_line_is_a_pasted_answer() -> None:
    text = letter("Please provide the guidance on referrals to the Restart Scheme in force on 1 October 2026.")
    assert rules("Subject: my work coach said I have to go\n\n" + text, body_only=False).get(
        "form/pasted-answer") == WARNING


@pytest.mark.parametrize("item", [
    "I would like a copy of the guidance on sanctions in force in 2026.",
    "Please send me the 2025 figures.",
    "A template of the letter, which I believe is called a UCD81.",
])
def test_asking_formulas_are_not_pasted_answers(item: str) -> None:
    assert "form/pasted-answer" not in rules(f"Please provide:\n1. {item}\n2. The 2025 figures.\n")


@pytest.mark.parametrize(("rule_id", "text"), NEGATIVE)
def test_rule_not_raised(rule_id: str, text: str) -> None:
    assert rule_id not in rules(text)


# --- rules that read the letter frame --------------------------------------------------------

GOOD_BODY = "Please provide the number of households in temporary accommodation on 31 March 2025."


@pytest.mark.parametrize("name", ["Janet", "Janet S.", "JS", "J.S.", "[Your name]", "A Concerned Citizen"])
def test_name_that_is_not_a_real_name(name: str) -> None:
    assert rules(letter(GOOD_BODY, name=name), body_only=False).get("validity/name") == ERROR


@pytest.mark.parametrize("name", ["Janet Smith", "J. Smith", "Ms Smith", "Mr K. Osei", "Sarah O'Neill"])
def test_real_names_pass(name: str) -> None:
    assert "validity/name" not in rules(letter(GOOD_BODY, name=name), body_only=False)


def test_no_sign_off_is_an_error_and_body_mode_skips_it() -> None:
    text = "Dear Leeds City Council,\n\n" + GOOD_BODY + "\n"
    assert rules(text, body_only=False).get("validity/name") == ERROR
    assert rules(text, body_only=False).get("validity/address") == WARNING
    assert "validity/name" not in rules(text) and "validity/address" not in rules(text)


def test_one_line_sign_off_gives_the_name() -> None:
    text = "Dear Council,\n\nI am writing under the Freedom of Information Act 2000. " + GOOD_BODY + \
           "\n\nThanks, Jane Smith\njane@example.org\n"
    assert not rules(text, body_only=False)


@pytest.mark.parametrize("contact", ["janet.smith@example.org", "12 High Street\nLeeds LS1 1AA"])
def test_an_email_or_postcode_is_an_address(contact: str) -> None:
    assert "validity/address" not in rules(letter(GOOD_BODY, contact=contact), body_only=False)


def test_the_recipients_address_is_not_the_requesters() -> None:
    text = ("Leeds City Council\nCivic Hall\nLeeds LS1 1UR\n\nDear Leeds City Council,\n\n" + GOOD_BODY +
            "\n\nYours faithfully,\n\nJanet Smith\n")
    assert rules(text, body_only=False).get("validity/address") == WARNING


def test_citation_rules() -> None:
    assert rules(letter(GOOD_BODY).replace("Act 2000", "Act 2005"), body_only=False)["law/citation"] == WARNING
    no_act = "Dear Council,\n\n" + GOOD_BODY + "\n\nYours faithfully,\n\nJanet Smith\njanet@example.org\n"
    assert rules(no_act, body_only=False)["law/citation"] == INFO
    assert "law/citation" not in rules(no_act)  # --body skips citation rules
    assert "law/citation" not in rules(letter(GOOD_BODY), body_only=False)


def test_wrong_regime_uses_the_directory() -> None:
    scot = resolve("scottish-government").authority
    dwp = resolve("dwp").authority
    foia = letter(GOOD_BODY)
    foisa = foia.replace("section 1 of the Freedom of\nInformation Act 2000", "x").replace(
        "section 1 of the Freedom of Information Act 2000", "section 1(1) of the Freedom of Information (Scotland) "
        "Act 2002")
    assert rules(foia, body_only=False, authority=scot)["law/wrong-regime"] == ERROR
    assert "law/wrong-regime" not in rules(foia, body_only=False, authority=dwp)
    assert rules(foisa, body_only=False, authority=dwp)["law/wrong-regime"] == ERROR
    assert "law/wrong-regime" not in rules(foisa, body_only=False, authority=scot)
    assert rules(foia, body_only=False, regime="foisa")["law/wrong-regime"] == ERROR
    assert rules(foia, body_only=False, regime="sar")["law/wrong-regime"] == ERROR
    both = "Under the Freedom of Information Act 2000 and the Freedom of Information (Scotland) Act 2002, " + GOOD_BODY
    assert rules(both)["law/wrong-regime"] == ERROR
    eir = "Under the Freedom of Information Act 2000 or the Environmental Information Regulations 2004, " + GOOD_BODY
    assert "law/wrong-regime" not in rules(eir, authority=dwp)


def test_every_provider_name_in_the_directory_is_caught_when_addressed() -> None:
    directory = builtin()
    assert directory.providers, "the directory has providers"
    for provider in directory.providers.values():
        for name in (provider.name, *provider.former_names, *provider.aliases):
            text = letter(GOOD_BODY).replace("Dear Leeds City Council", f"Dear {name}")
            found = [f for f in check_text(text, letter_date=TODAY) if f.rule == "law/not-public-authority"]
            assert found and found[0].severity == ERROR, name
            commissioner = directory.authorities[provider.commissioned_by]
            assert commissioner.name in found[0].suggestion


def test_provider_named_as_recipient_but_letter_to_the_authority_is_fine() -> None:
    target = resolve("a4e")
    assert target.provider is not None
    body = "Please provide the number of people referred to PeoplePlus from Jobcentres in Leeds in 2025."
    assert rules(body, provider_named=target.provider)["law/not-public-authority"] == ERROR
    to_dwp = "Dear Department for Work and Pensions,\n\n" + body + "\n\nYours faithfully,\nJanet Smith\n"
    assert "law/not-public-authority" not in rules(to_dwp, provider_named=target.provider, authority=target.authority)
    # The provider named in the body of a letter to DWP is not an addressee.
    assert "law/not-public-authority" not in rules(to_dwp)


def test_personal_details_in_the_signature_of_a_letter_are_expected() -> None:
    text = letter(GOOD_BODY, contact="12 High Street\nLeeds LS1 1AA\n07700 900123")
    assert "privacy/personal-details" not in rules(text, body_only=False)
    assert rules(text)["privacy/personal-details"] == WARNING  # --body: all of it is published


def test_subject_access_request_is_not_flagged_for_own_data() -> None:
    text = (LETTERS / "sar_jobcentre.txt").read_text(encoding="utf-8")
    assert check_text(text, letter_date=TODAY) == []
    assert check_text(text, regime="sar", letter_date=TODAY) == []


# --- the letters foi writes must be clean --------------------------------------------------------

LETTER_CONTEXT = {
    "foia_provider_access.txt": ("dwp", None),
    "foia_course_mandatory.md": ("dwp", None),
    "foisa_course_mandatory.txt": ("scottish-government", None),
    "eir_flooding.txt": (None, "eir"),
    "sar_jobcentre.txt": ("dwp", "sar"),
}


@pytest.mark.parametrize("name", sorted(LETTER_CONTEXT))
def test_built_in_style_letters_have_no_findings(name: str) -> None:
    authority_id, regime = LETTER_CONTEXT[name]
    text = (LETTERS / name).read_text(encoding="utf-8")
    authority = resolve(authority_id).authority if authority_id else None
    assert check_text(text, authority=authority, regime=regime, letter_date=TODAY) == []
    assert check_text(text, letter_date=TODAY) == []
    assert check_text(text, body_only=True, letter_date=TODAY) == []


def test_windows_line_endings_and_bom_give_the_same_findings() -> None:
    text = (LETTERS / "foia_provider_access.txt").read_text(encoding="utf-8").replace("Janet Smith", "Janet")
    plain = check_text(text, letter_date=TODAY)
    assert [f.rule for f in plain] == ["validity/name"]
    assert check_text("\ufeff" + text.replace("\n", "\r\n"), letter_date=TODAY) == plain


# --- findings themselves -----------------------------------------------------------------------

def test_finding_position_and_excerpt() -> None:
    text = "Dear DWP,\n\nPlease provide the 2025 figures.\nAlso, why did you\n  close the office?\n"
    found = [f for f in check_text(text, body_only=True, letter_date=TODAY) if f.rule == "form/question"]
    assert len(found) == 1
    assert (found[0].line, found[0].column) == (4, 1)
    assert found[0].excerpt == "Also, why did you close the office?"


def test_findings_are_sorted_and_frozen() -> None:
    text = "Why did my claim stop? Please send me all emails about it!!"
    findings = check_text(text, body_only=True, letter_date=TODAY)
    assert findings == sorted(findings, key=lambda f: (f.line, f.column))
    with pytest.raises(AttributeError):
        findings[0].rule = "x"  # type: ignore[misc]
    assert isinstance(findings[0], Finding)


def test_date_range_suggestion_uses_the_letter_date() -> None:
    found = [f for f in check_text("Please send me all guidance about sanctions.", body_only=True,
                                   letter_date=date(2026, 11, 23)) if f.rule == "scope/date-range"]
    assert found[0].suggestion == "Add a date range, for example 1 April 2025 to 31 March 2026."
    found = [f for f in check_text("Please send me all guidance about sanctions.", body_only=True,
                                   letter_date=date(2026, 2, 1)) if f.rule == "scope/date-range"]
    assert found[0].suggestion == "Add a date range, for example 1 April 2024 to 31 March 2025."


# --- any text at all ---------------------------------------------------------------------------


_PIECES = st.sampled_from([
    "Dear DWP,", "Yours faithfully,", "Janet Smith", "1. ", "(a) ", "- ", "\n", "\n\n", " ", "Why", "all",
    "correspondence", "since 2010", "[name]", "{{ x }}", "XXXX", "my claim", '"', "'", "?", "!!", "A4e",
    "Freedom of Information Act 2000", "FOISA", "£", "\u2019", "\r\n", "\ufeff", "JT 45 78 12 B", "0113 496 0000",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=30), st.booleans())
def test_any_text_gives_findings_inside_it(parts: list[str], body_only: bool) -> None:
    text = "".join(parts)
    findings = check_text(text, body_only=body_only, letter_date=TODAY)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    for f in findings:
        assert f.rule in RULES and f.severity in (ERROR, WARNING, INFO)
        assert 1 <= f.line <= len(lines)
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1
        assert f.message and f.suggestion and "\n" not in f.excerpt


def test_a_number_wrapped_to_the_start_of_a_line_is_not_an_item() -> None:
    text = ("Please provide the 2025 figures.\n\nIf the cost limit (section\n12) would be exceeded, please contact me "
            "first (section\n16). Please send the files as CSV or as ODS files from GOV.UK.\n")
    from foi.checks.document import parse

    assert parse(text).top_level_items == []
    assert check_text(text, body_only=True, letter_date=TODAY) == []


@pytest.mark.parametrize(("text", "broad"), [
    ("Copies of all guidance issued between 1 April 2023 and 31 March 2026 on referrals to the course.", False),
    ("Copies of all guidance issued between 1 April 2022 and 31 March 2026 on referrals to the course.", True),
    ("Please provide all emails about the course sent between 1 April 2023 and 31 March 2025.", True),
    (("Please provide all emails between the council and Veolia about the course sent between 1 April 2023 and "
     "31 March 2025."), False),
    ("Please provide all emails about the course sent between 1 April 2024 and 31 March 2025.", False),
])
def test_how_wide_a_period_may_be(text: str, broad: bool) -> None:
    assert ("scope/too-broad" in rules(text)) is broad
