"""The strategy's own targeted survey (goal 1, objective 1.1, action 1.1.1), ready to copy into a new survey.

Private-sector representatives who worked with the CEC are asked about their experience, the benefits that
matter to them (section 4 of the strategy, word for word in English), the areas of mutual interest
(Annex 1, offered from the strategy's areas of relevance) and their willingness to engage further.
"""

from django.db import transaction

from strategy.models import Action, Objective

from .choices import QuestionKind
from .models import Question, Survey
from .services.builder import question_save, section_add, survey_save

TITLE = {
    "en": "Working with the CEC: a survey of private-sector partners",
    "fr": "Collaborer avec la CCE : sondage auprès des partenaires du secteur privé",
    "es": "Colaborar con la CCA: encuesta a socios del sector privado",
}
INTRO = {
    "en": "The Commission for Environmental Cooperation (CEC) would like to hear from organizations of the private "
    "sector that have worked with it. Your answers will help the CEC engage with business in a more systematic "
    "way and find areas of mutual interest. The survey takes about ten minutes.",
    "fr": "La Commission de coopération environnementale (CCE) souhaite connaître l'avis des organisations du "
    "secteur privé qui ont collaboré avec elle. Vos réponses aideront la CCE à mobiliser les entreprises de façon "
    "plus systématique et à cerner des domaines d'intérêt commun. Le sondage prend environ dix minutes.",
    "es": "La Comisión para la Cooperación Ambiental (CCA) desea conocer la opinión de las organizaciones del sector "
    "privado que han colaborado con ella. Sus respuestas ayudarán a la CCA a vincularse con las empresas de manera "
    "más sistemática y a identificar áreas de interés mutuo. La encuesta toma unos diez minutos.",
}
CLOSING = {
    "en": "Thank you for your time. The CEC Secretariat will share what it learns from this survey.",
    "fr": "Merci de votre temps. Le Secrétariat de la CCE fera part des enseignements tirés de ce sondage.",
    "es": "Gracias por su tiempo. El Secretariado de la CCA compartirá lo que aprenda de esta encuesta.",
}
BENEFITS = {
    "en": [
        "Access to resources and experts from the three countries",
        "Opportunity to share best practices and increase literacy and capacity on key environmental topics",
        "Opportunity to network with other organizations (e.g., private sector, governments, NGO, academia) from the "
        "three countries",
        "Opportunity to provide input and discuss issues, challenges and opportunities with government "
        "representatives and other stakeholders on key environmental topics",
        "Opportunity to be part of pilot projects to test new and innovative methodologies and/or approaches to "
        "address key environmental topics",
        "Increased exposure at the North American Scale",
    ],
    "fr": [
        "Accès à des ressources et à des experts des trois pays",
        "Possibilité d'échanger des pratiques exemplaires et de renforcer les connaissances et les capacités sur des "
        "enjeux environnementaux clés",
        "Possibilité de réseautage avec d'autres organisations (secteur privé, gouvernements, ONG, milieu "
        "universitaire, etc.) des trois pays",
        "Possibilité de donner son avis et de discuter d'enjeux, de défis et de possibilités avec des représentants "
        "gouvernementaux et d'autres parties prenantes sur des enjeux environnementaux clés",
        "Possibilité de participer à des projets pilotes pour mettre à l'essai des méthodes ou des approches nouvelles "
        "et novatrices face à des enjeux environnementaux clés",
        "Visibilité accrue à l'échelle nord-américaine",
    ],
    "es": [
        "Acceso a recursos y expertos de los tres países",
        "Oportunidad de compartir mejores prácticas y aumentar los conocimientos y las capacidades en temas "
        "ambientales clave",
        "Oportunidad de establecer redes con otras organizaciones (sector privado, gobiernos, ONG, academia, etc.) de "
        "los tres países",
        "Oportunidad de aportar opiniones y dialogar sobre problemas, retos y oportunidades con representantes "
        "gubernamentales y otras partes interesadas en temas ambientales clave",
        "Oportunidad de participar en proyectos piloto para probar metodologías o enfoques nuevos e innovadores frente "
        "a temas ambientales clave",
        "Mayor visibilidad a escala de América del Norte",
    ],
}
WILLINGNESS = {
    "en": [
        "Yes, in a collaborative project or a partnership",
        "Yes, in roundtables, workshops or consultations",
        "Yes, by receiving information about CEC activities",
        "Not at this time",
    ],
    "fr": [
        "Oui, dans un projet collaboratif ou un partenariat",
        "Oui, dans des tables rondes, des ateliers ou des consultations",
        "Oui, en recevant de l'information sur les activités de la CCE",
        "Pas pour le moment",
    ],
    "es": [
        "Sí, en un proyecto colaborativo o una alianza",
        "Sí, en mesas redondas, talleres o consultas",
        "Sí, recibiendo información sobre las actividades de la CCA",
        "Por ahora no",
    ],
}

# (section titles, [(kind, texts, required, low/high labels, choices)])
SECTIONS = [
    (
        {"en": "Your experience with the CEC", "fr": "Votre expérience avec la CCE", "es": "Su experiencia con la CCA"},
        [
            (
                QuestionKind.LONG_TEXT,
                {
                    "en": "Which CEC initiatives or activities has your organization taken part in?",
                    "fr": "À quelles initiatives ou activités de la CCE votre organisation a-t-elle participé?",
                    "es": "¿En qué iniciativas o actividades de la CCA ha participado su organización?",
                },
                False,
                None,
                None,
            ),
            (
                QuestionKind.RATING,
                {
                    "en": "Overall, how would you rate your experience working with the CEC?",
                    "fr": "Dans l'ensemble, comment évaluez-vous votre expérience de collaboration avec la CCE?",
                    "es": "En general, ¿cómo califica su experiencia de colaboración con la CCA?",
                },
                True,
                (
                    {"en": "Very poor", "fr": "Très mauvaise", "es": "Muy mala"},
                    {"en": "Excellent", "fr": "Excellente", "es": "Excelente"},
                ),  # fmt: skip
                None,
            ),
            (
                QuestionKind.RECOMMEND,
                {
                    "en": "How likely are you to recommend working with the CEC to a peer organization?",
                    "fr": "Quelle est la probabilité que vous recommandiez à une organisation semblable de collaborer "
                    "avec la CCE?",
                    "es": "¿Qué tan probable es que recomiende a una organización similar colaborar con la CCA?",
                },
                False,
                (
                    {"en": "Not at all likely", "fr": "Très improbable", "es": "Nada probable"},
                    {"en": "Extremely likely", "fr": "Très probable", "es": "Muy probable"},
                ),  # fmt: skip
                None,
            ),
            (
                QuestionKind.LONG_TEXT,
                {
                    "en": "What worked well, and what could the CEC do better?",
                    "fr": "Qu'est-ce qui a bien fonctionné, et que pourrait améliorer la CCE?",
                    "es": "¿Qué funcionó bien y qué podría mejorar la CCA?",
                },
                False,
                None,
                None,
            ),
        ],
    ),
    (
        {
            "en": "Benefits that matter to you",
            "fr": "Les avantages qui comptent pour vous",
            "es": "Los beneficios que le importan",
        },
        [
            (
                QuestionKind.MULTIPLE,
                {
                    "en": "Which benefits of engaging with the CEC matter most to your organization?",
                    "fr": "Quels avantages d'une collaboration avec la CCE comptent le plus pour votre organisation?",
                    "es": "¿Qué beneficios de colaborar con la CCA son más importantes para su organización?",
                },
                True,
                None,
                BENEFITS,
            ),
        ],
    ),
    (
        {"en": "Areas of mutual interest", "fr": "Domaines d'intérêt commun", "es": "Áreas de interés mutuo"},
        [
            (
                QuestionKind.AREAS,
                {
                    "en": "Which areas of the CEC's work are of interest to your organization?",
                    "fr": "Quels domaines des travaux de la CCE intéressent votre organisation?",
                    "es": "¿Qué áreas del trabajo de la CCA son de interés para su organización?",
                },
                False,
                None,
                None,
            ),
            (
                QuestionKind.SECTOR,
                {
                    "en": "What is your organization's main sector of activity?",
                    "fr": "Quel est le principal secteur d'activité de votre organisation?",
                    "es": "¿Cuál es el principal sector de actividad de su organización?",
                },
                False,
                None,
                None,
            ),
        ],
    ),
    (
        {"en": "Engaging further", "fr": "Aller plus loin", "es": "Colaborar más"},
        [
            (
                QuestionKind.SINGLE,
                {
                    "en": "Would your organization be willing to engage further with the CEC?",
                    "fr": "Votre organisation serait-elle disposée à collaborer davantage avec la CCE?",
                    "es": "¿Estaría su organización dispuesta a colaborar más con la CCA?",
                },
                True,
                None,
                WILLINGNESS,
            ),
            (
                QuestionKind.LONG_TEXT,
                {
                    "en": "Is there anything else you would like to tell the CEC?",
                    "fr": "Souhaitez-vous ajouter quelque chose à l'intention de la CCE?",
                    "es": "¿Hay algo más que quiera comunicar a la CCA?",
                },
                False,
                None,
                None,
            ),
        ],
    ),
]


def _columns(prefix: str, texts: dict) -> dict:
    return {f"{prefix}_{code}": texts[code] for code in ("en", "fr", "es")}


@transaction.atomic
def survey_from_strategy_template(*, by) -> Survey:
    """A new draft survey with the strategy's targeted survey in it, in the three languages."""
    survey = survey_save(
        survey=Survey(**_columns("title", TITLE), **_columns("intro", INTRO), **_columns("closing", CLOSING)),
        by=by,
        many_to_many={
            "objectives": Objective.objects.filter(goal__number=1, position=1),
            "actions": Action.objects.filter(objective__goal__number=1, objective__position=1, position=1),
        },
    )
    first = survey.sections.get()
    for index, (titles, questions) in enumerate(SECTIONS):
        if index == 0:
            for code in ("en", "fr", "es"):
                setattr(first, f"title_{code}", titles[code])
            first.save()
            section = first
        else:
            section = section_add(survey=survey, titles=titles)
        for kind, texts, required, labels, choices in questions:
            question = Question(survey=survey, section=section, kind=kind, required=required, **_columns("text", texts))
            if labels:
                question.__dict__.update(_columns("low_label", labels[0]) | _columns("high_label", labels[1]))
            question_save(question=question, choice_lines=choices)
    return survey
