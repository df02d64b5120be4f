"""A survey's results page and the export of its responses, on data answered through the services."""

import csv
import io

import pytest
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from accounts.choices import Role
from stakeholders.choices import Category, Country
from stakeholders.models import Contact
from stakeholders.services.naics import naics_classify
from stakeholders.services.organizations import organization_save
from surveys import selectors
from surveys.choices import InvitationStatus, QuestionKind
from surveys.models import Invitation
from surveys.services.invitations import invitations_create, invitations_send_queued
from surveys.services.responses import answers_save, response_for_invitation
from tests.factories.stakeholders import OrganizationFactory
from tests.factories.surveys import build_survey, reachable_contact

pytestmark = pytest.mark.django_db
FAILING = "tests.surveys.failing_backend.FailingBackend"

QUESTIONS = [
    (
        QuestionKind.SINGLE,
        ("Engage further?", "Collaborer davantage?", "¿Colaborar más?"),
        False,
        {"en": ["Yes", "No"], "fr": ["Oui", "Non"], "es": ["Sí", "No"]},
    ),
    (
        QuestionKind.MULTIPLE,
        ("Which benefits?", "Quels avantages?", "¿Qué beneficios?"),
        False,
        {"en": ["Networks", "Expertise", "Visibility"], "fr": ["Réseaux", "Expertise", "Visibilité"]},
    ),
    (QuestionKind.RATING, ("How was it?", "Comment était-ce?", "¿Cómo fue?"), False, None),
    (QuestionKind.RECOMMEND, ("Recommend us?", "Nous recommanderiez-vous?", "¿Nos recomendaría?"), False, None),
    (QuestionKind.LONG_TEXT, ("Anything else?", "Autre chose?", "¿Algo más?"), False, None),
]


def make_survey():
    survey = build_survey(questions=QUESTIONS)
    questions = {q.kind: q for q in survey.questions.prefetch_related("choices")}
    return survey, questions


def choice(question, label):
    return str(next(c.pk for c in question.choices.all() if c.label_en == label))


def invite(survey, contacts, *, failing=False):
    """Queue invitations through the service and send them (to a mailbox that refuses them if ``failing``)."""
    invitations_create(survey=survey, contacts=Contact.objects.filter(pk__in=[c.pk for c in contacts]), by=None)
    backend = FAILING if failing else "django.core.mail.backends.locmem.EmailBackend"
    with override_settings(EMAIL_BACKEND=backend):
        invitations_send_queued(survey_id=survey.pk, base_url="https://engage.example")
    return {i.contact_id: i for i in Invitation.objects.filter(survey=survey)}


def respond(survey, answers, *, organization=None, complete=True, **contact):
    """A reachable contact invited, sent, and answering ``answers`` (question → raw value) on the public page."""
    person = reachable_contact(organization=organization, **contact)
    invitation = invite(survey, [person])[person.pk]
    response = response_for_invitation(invitation)
    return answers_save(response=response, data={q.pk: v for q, v in answers.items()}, complete=complete)


def results_page(client, survey, query=""):
    return client.get(reverse("surveys:survey_results", args=[survey.pk]) + query)


# Counts, percentages, scales ----------------------------------------------------------------------


def test_it_counts_each_choice_and_its_share_of_those_who_answered(client_for):
    survey, q = make_survey()
    single, multiple = q[QuestionKind.SINGLE], q[QuestionKind.MULTIPLE]
    respond(
        survey, {single: choice(single, "Yes"), multiple: [choice(multiple, "Networks"), choice(multiple, "Expertise")]}
    )
    respond(survey, {single: choice(single, "Yes"), multiple: [choice(multiple, "Networks")]})
    respond(
        survey,
        {single: choice(single, "Yes"), multiple: [choice(multiple, "Networks"), choice(multiple, "Visibility")]},
    )
    respond(survey, {single: choice(single, "No")})  # skipped the optional multiple choice
    respond(survey, {single: choice(single, "No")}, complete=False)  # not completed: never counted

    response = results_page(client_for(Role.STAFF), survey)

    assert response.status_code == 200
    results = {r.question.kind: r for r in response.context["results"].questions}
    assert response.context["results"].completed == 4
    assert [(row.choice.label, row.count, round(row.percent, 1)) for row in results[QuestionKind.SINGLE].choices] == [
        ("Yes", 3, 75.0),
        ("No", 1, 25.0),
    ]
    assert results[QuestionKind.MULTIPLE].answered == 3
    assert [(row.count, round(row.percent, 1)) for row in results[QuestionKind.MULTIPLE].choices] == [
        (3, 100.0),
        (1, 33.3),
        (1, 33.3),
    ]
    page = response.content.decode()
    assert "75.0%" in page and "33.3%" in page
    assert 'id="survey-charts"' in page and 'role="img"' in page
    charts = response.context["charts"]["charts"]
    assert charts[str(single.pk)] == {"labels": ["Yes", "No"], "counts": [3, 1]}


def test_the_mean_the_distribution_and_the_net_promoter_score(client_for):
    survey, q = make_survey()
    rating, recommend = q[QuestionKind.RATING], q[QuestionKind.RECOMMEND]
    for stars, score in [(5, "10"), (4, "10"), (4, "9"), (3, "7"), (1, "3")]:
        respond(survey, {rating: str(stars), recommend: score})

    response = results_page(client_for(Role.STAFF), survey)

    results = {r.question.kind: r for r in response.context["results"].questions}
    assert results[QuestionKind.RATING].mean == pytest.approx(3.4)
    assert [count for _value, count, _percent in results[QuestionKind.RATING].scale] == [1, 0, 1, 2, 1]
    assert results[QuestionKind.RATING].nps is None
    # promoters (9-10): 3 of 5 = 60 %, detractors (0-6): 1 of 5 = 20 % → NPS 40
    assert results[QuestionKind.RECOMMEND].nps == pytest.approx(40)
    assert results[QuestionKind.RECOMMEND].mean == pytest.approx(7.8)
    assert len(results[QuestionKind.RECOMMEND].scale) == 11
    assert "NPS" in response.content.decode()


def test_the_results_are_in_the_readers_language(client_for):
    survey, q = make_survey()
    respond(survey, {q[QuestionKind.SINGLE]: choice(q[QuestionKind.SINGLE], "Yes")})
    page = results_page(client_for(Role.STAFF, preferred_language="fr"), survey).content.decode()
    assert "Collaborer davantage?" in page and "Oui" in page
    assert "Engage further?" not in page


# Response rates and cross-tabulation --------------------------------------------------------------


def test_the_response_rate_counts_invitations_sent_not_those_queued_or_failed():
    survey, q = make_survey()
    mexican = OrganizationFactory(hq_country=Country.MEXICO, category=Category.CORPORATION)
    canadian = OrganizationFactory(hq_country=Country.CANADA, category=Category.SME)
    organization_save(organization=mexican, sectors=[naics_classify("541620")])
    answer = {q[QuestionKind.SINGLE]: choice(q[QuestionKind.SINGLE], "Yes")}
    respond(survey, answer, organization=mexican)
    respond(survey, answer, organization=canadian)
    invite(survey, [reachable_contact(organization=mexican)])  # sent, not answered
    invite(survey, [reachable_contact(organization=canadian)], failing=True)  # failed: not sent
    invitations_create(survey=survey, contacts=Contact.objects.filter(pk=reachable_contact().pk), by=None)  # queued

    rates = selectors.response_rates(survey)

    assert (rates["overall"].sent, rates["overall"].completed, rates["overall"].percent) == (
        3,
        2,
        pytest.approx(66.67, 0.01),
    )
    by_country = {rate.key: (rate.sent, rate.completed) for rate in rates["country"]}
    assert by_country == {"MX": (2, 1), "CA": (1, 1)}
    assert {rate.key: (rate.sent, rate.completed) for rate in rates["category"]} == {
        "corporation": (2, 1),
        "sme": (1, 1),
    }
    assert {rate.key: (rate.sent, rate.completed) for rate in rates["sector"]} == {"54": (2, 1), None: (1, 1)}
    assert Invitation.objects.filter(status=InvitationStatus.QUEUED).count() == 1


@pytest.mark.parametrize(
    ("by", "columns"),
    [
        ("country", {"CA": [0, 1], "MX": [2, 0]}),
        ("category", {"corporation": [2, 0], "sme": [0, 1]}),
        ("sector", {"54": [1, 0], None: [1, 1]}),
    ],
)
def test_a_cross_tabulation_counts_each_choice_by_country_category_or_sector(client_for, by, columns):
    survey, q = make_survey()
    single = q[QuestionKind.SINGLE]
    mexican = OrganizationFactory(hq_country=Country.MEXICO, category=Category.CORPORATION)
    organization_save(organization=mexican, sectors=[naics_classify("541620")])
    canadian = OrganizationFactory(hq_country=Country.CANADA, category=Category.SME)
    respond(survey, {single: choice(single, "Yes")}, organization=mexican)
    respond(survey, {single: choice(single, "Yes")}, organization=OrganizationFactory(category=Category.CORPORATION))
    respond(survey, {single: choice(single, "No")}, organization=canadian)

    response = results_page(client_for(Role.STAFF), survey, f"?by={by}")

    result = next(r for r in response.context["results"].questions if r.question.pk == single.pk)
    table = result.crosstab
    keys = [key for key, _label in table.columns]
    got = {key: [counts[keys.index(key)] for _choice, counts, _total in table.rows] for key in keys}
    assert got == columns
    assert [total for _choice, _counts, total in table.rows] == [2, 1]
    assert table.total_respondents == 3
    assert str(selectors.DIMENSIONS[by].crosstab_caption) in response.content.decode()
    other = next(r for r in response.context["results"].questions if r.question.kind == QuestionKind.RATING)
    assert other.crosstab is None


def test_an_unknown_breakdown_is_ignored(client_for):
    survey, q = make_survey()
    respond(survey, {q[QuestionKind.SINGLE]: choice(q[QuestionKind.SINGLE], "Yes")})
    response = results_page(client_for(Role.STAFF), survey, "?by=password")
    assert response.status_code == 200
    assert response.context["results"].by == ""


# Text answers and who sees respondents -------------------------------------------------------------


def test_text_answers_are_escaped_newest_first_and_named_only_for_those_who_may_see_respondents(client_for):
    survey, q = make_survey()
    text = q[QuestionKind.LONG_TEXT]
    respond(survey, {text: "First, the older one."}, full_name="Ana García")
    respond(survey, {text: "<script>alert('x')</script> Better timelines."}, full_name="Émile Tremblay")

    staff = results_page(client_for(Role.STAFF), survey).content.decode()
    viewer = results_page(client_for(Role.VIEWER), survey).content.decode()

    for page in (staff, viewer):
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Better timelines." in page
        assert page.index("Better timelines.") < page.index("First, the older one.")
    assert "Émile Tremblay" in staff and "Ana García" in staff
    assert "Émile Tremblay" not in viewer and "Ana García" not in viewer
    assert "Export responses" in staff and "Export responses" not in viewer


def test_text_answers_are_capped_and_the_rest_counted(client_for, monkeypatch):
    monkeypatch.setattr(selectors, "TEXT_ANSWERS_SHOWN", 2)
    survey, q = make_survey()
    for n in range(3):
        respond(survey, {q[QuestionKind.LONG_TEXT]: f"Answer number {n}"})
    response = results_page(client_for(Role.STAFF), survey)
    result = next(r for r in response.context["results"].questions if r.question.kind == QuestionKind.LONG_TEXT)
    assert [a.text for a in result.texts] == ["Answer number 2", "Answer number 1"]
    assert result.answered == 3 and result.texts_hidden == 1
    assert "1 older answer is not shown here" in response.content.decode()


@pytest.mark.parametrize("role", list(Role))
def test_everyone_sees_results_and_only_writers_export_them(client_for, role):
    survey, q = make_survey()
    respond(survey, {q[QuestionKind.SINGLE]: choice(q[QuestionKind.SINGLE], "Yes")})
    client = client_for(role)
    assert results_page(client, survey).status_code == 200
    exported = client.get(reverse("surveys:survey_export", args=[survey.pk, "csv"]))
    assert exported.status_code == (403 if role == Role.VIEWER else 200)


def test_a_survey_without_responses_says_what_to_do(client_for):
    survey, _q = make_survey()
    page = results_page(client_for(Role.STAFF), survey).content.decode()
    assert "No completed response yet" in page
    assert "No invitation sent yet" in page
    assert "survey-charts" not in page


# Export ------------------------------------------------------------------------------------------


def test_the_csv_export_has_a_row_per_completed_response_and_neutralizes_formulas(client_for):
    survey, q = make_survey()
    single, multiple = q[QuestionKind.SINGLE], q[QuestionKind.MULTIPLE]
    organization = OrganizationFactory(name="Acme Recycling", hq_country=Country.CANADA, category=Category.SME)
    respond(
        survey,
        {
            single: choice(single, "Yes"),
            multiple: [choice(multiple, "Networks"), choice(multiple, "Visibility")],
            q[QuestionKind.RATING]: "4",
            q[QuestionKind.LONG_TEXT]: "=1+1",
        },
        organization=organization,
        full_name="Ana García",
        email="ana@acme.example",
    )
    respond(survey, {single: choice(single, "No")}, complete=False)

    response = client_for(Role.STAFF).get(reverse("surveys:survey_export", args=[survey.pk, "csv"]))

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Response date",
        "Language",
        "Contact",
        "Email",
        "Organization",
        "Country",
        "Stakeholder category",
        "Engage further?",
        "Which benefits?",
        "How was it?",
        "Recommend us?",
        "Anything else?",
    ]
    assert len(rows) == 2
    assert rows[1][1:] == [
        "English",
        "Ana García",
        "ana@acme.example",
        "Acme Recycling",
        "Canada",
        "Small or medium-sized enterprise",
        "Yes",
        "Networks; Visibility",
        "4",
        "",
        "'=1+1",
    ]


def test_the_excel_export_is_in_the_readers_language(client_for):
    survey, q = make_survey()
    single = q[QuestionKind.SINGLE]
    respond(survey, {single: choice(single, "Yes"), q[QuestionKind.LONG_TEXT]: "@SUM(A1)"})
    client = client_for(Role.STAFF, preferred_language="es")
    response = client.get(reverse("surveys:survey_export", args=[survey.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, row = [[cell.value for cell in r] for r in sheet.iter_rows(max_row=2)]
    assert header[7] == "¿Colaborar más?"
    assert row[header.index("¿Colaborar más?")] == "Sí"
    assert row[header.index("¿Algo más?")] == "'@SUM(A1)"


def test_an_unknown_export_format_is_not_found(client_for):
    survey, _q = make_survey()
    response = client_for(Role.STAFF).get(reverse("surveys:survey_export", args=[survey.pk, "pdf"]))
    assert response.status_code == 404


# Query counts -------------------------------------------------------------------------------------


def answer_many(survey, q, count):
    single, multiple = q[QuestionKind.SINGLE], q[QuestionKind.MULTIPLE]
    organizations = [
        OrganizationFactory(hq_country=Country.MEXICO),
        OrganizationFactory(hq_country=Country.CANADA, category=Category.SME),
    ]
    organization_save(organization=organizations[0], sectors=[naics_classify("541620")])
    for n in range(count):
        respond(
            survey,
            {
                single: choice(single, ["Yes", "No"][n % 2]),
                multiple: [choice(multiple, "Networks"), choice(multiple, ["Expertise", "Visibility"][n % 2])],
                q[QuestionKind.RATING]: str(1 + n % 5),
                q[QuestionKind.RECOMMEND]: str(n % 11),
                q[QuestionKind.LONG_TEXT]: f"Comment {n}",
            },
            organization=organizations[n % 2],
        )


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("role", [Role.STAFF, Role.VIEWER])
def test_the_results_page_costs_a_fixed_number_of_queries(client_for, django_assert_max_num_queries, count, role):
    survey, q = make_survey()
    answer_many(survey, q, count)
    client = client_for(role)
    # session, user, permissions (2), survey, questions with their sections, choices, completed count,
    # answers per question and value, counts per choice, ids of the newest text answers, those answers,
    # sector titles, rates by country and category, rates by sector
    with django_assert_max_num_queries(15):
        response = results_page(client, survey)
    assert response.context["results"].completed == count
    # the same and a cross-tabulation: sector titles, counts per choice and sector, respondents per sector
    with django_assert_max_num_queries(18):
        response = results_page(client, survey, "?by=sector")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_the_export_costs_a_fixed_number_of_queries(client_for, django_assert_max_num_queries, count):
    survey, q = make_survey()
    answer_many(survey, q, count)
    client = client_for(Role.STAFF)
    # session, user, permissions (2), survey, questions, responses with their contacts and organizations,
    # answers, their choices
    with django_assert_max_num_queries(9):
        response = client.get(reverse("surveys:survey_export", args=[survey.pk, "csv"]))
    assert len(response.content.decode("utf-8-sig").splitlines()) == count + 1
