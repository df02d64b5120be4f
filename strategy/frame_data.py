"""The strategy's frame as plain data, in English, French and Spanish (no Django imports).

Source: CEC Private Sector Engagement Strategy (Commission for Environmental Cooperation, February 2023).

- GOALS: the four strategic goals of section 5.3, titled as the headings of the section 5.4 table give them,
  with that table's objectives and actions. The strategy does not number objectives and actions; the codes
  are <goal>.<objective position> and <objective code>.<action position> (1.1, 1.1.1 ...).
- PILLARS: Annex 1 (Links between the CEC Strategic Plan 2021–2025 and the Private Sector): the six pillars
  then the two cross-cutting approaches, each with every row of its "Areas of Relevance for Private Sector
  Engagement" column, in order. "text" is the Annex sentence; "label" is a short name written for this app
  from the key phrase the Annex sets in bold.
- KEY_PRINCIPLES: section 6 (6.1 to 6.4); each description condenses the section's paragraph.
- CORE_VALUES: the Secretariat's fundamental values listed in section 6.1.
- UNITS: the Secretariat units the strategy names (sections 1.1, 3 and 5.4).
- INITIATIVES: the projects and initiatives listed in section 1.3 (names and years as given there), plus
  the Youth Innovation Challenge ("YIC", action 4.1.1). Their pillars are assigned by this app, not the text.

English is word for word from the strategy, with the PDF's HTML tags (<p>, <i>) stripped and the stray spaces
its bold markup leaves before punctuation removed. French follows the CEC's "Plan stratégique pour 2021 à
2025" and Canadian institutional usage; Spanish follows Mexican institutional usage, with the CEC's own
terms from the project glossary.
"""

GOALS = [
    {
        "number": 1,
        "title": {
            "en": "Establish a systematic approach for engaging the private sector in CEC activities",
            "fr": ("Établir une approche systématique pour mobiliser le secteur privé dans les activités de la CCE"),
            "es": (
                "Establecer un enfoque sistemático para propiciar la participación del sector privado en las "
                "actividades de la CCA"
            ),
        },
        "objectives": [
            {
                "code": "1.1",
                "text": {
                    "en": (
                        "Key private sector stakeholders with the potential to support and complement CEC "
                        "initiatives are clearly identified"
                    ),
                    "fr": (
                        "Les principales parties prenantes du secteur privé susceptibles d’appuyer et de "
                        "compléter les initiatives de la CCE sont clairement identifiées"
                    ),
                    "es": (
                        "Se identifican claramente los actores clave del sector privado con potencial para "
                        "apoyar y complementar las iniciativas de la CCA"
                    ),
                },
                "actions": [
                    {
                        "code": "1.1.1",
                        "text": {
                            "en": (
                                "Conduct a targeted survey with private sector representatives who have been "
                                "involved in previous CEC work, to gather feedback on their experience "
                                "working with the CEC as well as input on potential areas of mutual interest"
                            ),
                            "fr": (
                                "Mener un sondage ciblé auprès de représentants du secteur privé ayant "
                                "participé à des travaux antérieurs de la CCE, afin de recueillir leurs "
                                "commentaires sur leur expérience de collaboration avec la CCE ainsi que "
                                "leurs suggestions quant à d’éventuels domaines d’intérêt commun"
                            ),
                            "es": (
                                "Realizar una encuesta dirigida a representantes del sector privado que "
                                "hayan participado en trabajos anteriores de la CCA, a fin de recabar sus "
                                "opiniones sobre su experiencia de trabajo con la CCA, así como sus "
                                "aportaciones sobre posibles áreas de interés mutuo"
                            ),
                        },
                    },
                    {
                        "code": "1.1.2",
                        "text": {
                            "en": (
                                "Assess the current North American landscape to identify potential "
                                "opportunities and challenges for the CEC with regard to private sector "
                                "engagement"
                            ),
                            "fr": (
                                "Évaluer le contexte nord-américain actuel afin de cerner les possibilités "
                                "et les défis potentiels pour la CCE en matière de mobilisation du secteur "
                                "privé"
                            ),
                            "es": (
                                "Evaluar el panorama actual de América del Norte para identificar posibles "
                                "oportunidades y retos para la CCA en materia de participación del sector "
                                "privado"
                            ),
                        },
                    },
                    {
                        "code": "1.1.3",
                        "text": {
                            "en": (
                                "Identify potential opportunities (e.g., based on previous work, targeted "
                                "surveys, gaps identified as part of assessment or raised by external "
                                "organizations or linked to the 2021–2025 Strategic Plan) with specific "
                                "economic sectors for future engagement (see Annex)"
                            ),
                            "fr": (
                                "Cerner des possibilités (p. ex., en fonction des travaux antérieurs, des "
                                "sondages ciblés, des lacunes relevées lors de l’évaluation ou signalées par "
                                "des organisations externes, ou en lien avec le Plan stratégique pour 2021 à "
                                "2025) auprès de secteurs économiques précis en vue d’une mobilisation "
                                "future (voir l’annexe)"
                            ),
                            "es": (
                                "Identificar posibles oportunidades (p. ej., con base en trabajos "
                                "anteriores, encuestas dirigidas, vacíos detectados en la evaluación o "
                                "señalados por organizaciones externas, o vinculados con el Plan Estratégico "
                                "2021-2025) con sectores económicos específicos para propiciar su "
                                "participación en el futuro (véase el anexo)"
                            ),
                        },
                    },
                    {
                        "code": "1.1.4",
                        "text": {
                            "en": (
                                "Conduct targeted mapping of private sector stakeholders from specific "
                                "economic sectors aligned with the 2021-2025 Strategic Plan six pillars and "
                                "two cross-cutting approaches (see Annex) with a special focus on "
                                "organizations owned, led by, representing, or serving vulnerable and/or "
                                "equity-deserving populations."
                            ),
                            "fr": (
                                "Réaliser une cartographie ciblée des parties prenantes du secteur privé "
                                "issues de secteurs économiques précis, en lien avec les six piliers et les "
                                "deux approches générales du Plan stratégique pour 2021 à 2025 (voir "
                                "l’annexe), en accordant une attention particulière aux organisations qui "
                                "appartiennent à des populations vulnérables ou en quête d’équité, qui sont "
                                "dirigées par elles, qui les représentent ou qui les servent."
                            ),
                            "es": (
                                "Realizar un mapeo dirigido de actores del sector privado de sectores "
                                "económicos específicos vinculados con los seis pilares y los dos enfoques "
                                "transversales del Plan Estratégico 2021-2025 (véase el anexo), con especial "
                                "atención a las organizaciones que pertenecen a poblaciones en situación de "
                                "vulnerabilidad o que enfrentan inequidades, o bien que son dirigidas por "
                                "ellas, las representan o les prestan servicios."
                            ),
                        },
                    },
                ],
            },
            {
                "code": "1.2",
                "text": {
                    "en": (
                        "Potential opportunities to engage and/or collaborate with the private sector are "
                        "systematically considered in CEC initiatives"
                    ),
                    "fr": (
                        "Les possibilités de mobiliser le secteur privé ou de collaborer avec lui sont "
                        "systématiquement prises en compte dans les initiatives de la CCE"
                    ),
                    "es": (
                        "Las oportunidades para propiciar la participación del sector privado o colaborar "
                        "con él se consideran sistemáticamente en las iniciativas de la CCA"
                    ),
                },
                "actions": [
                    {
                        "code": "1.2.1",
                        "text": {
                            "en": (
                                "Include a question on private sector engagement in the CEC project "
                                "description template"
                            ),
                            "fr": (
                                "Ajouter une question sur la mobilisation du secteur privé au modèle de "
                                "description de projet de la CCE"
                            ),
                            "es": (
                                "Incluir una pregunta sobre la participación del sector privado en la "
                                "plantilla de descripción de proyectos de la CCA"
                            ),
                        },
                    },
                    {
                        "code": "1.2.2",
                        "text": {
                            "en": "Provide direct support and advice to units",
                            "fr": "Fournir un soutien et des conseils directs aux unités",
                            "es": "Brindar apoyo y asesoría directos a las unidades",
                        },
                    },
                ],
            },
            {
                "code": "1.3",
                "text": {
                    "en": (
                        "A clear process and criteria for private sector partnerships as part of the CEC’s "
                        "work will be followed"
                    ),
                    "fr": (
                        "Un processus et des critères clairs seront suivis pour les partenariats avec le "
                        "secteur privé dans le cadre des travaux de la CCE"
                    ),
                    "es": (
                        "Se seguirán un proceso y criterios claros para las alianzas con el sector privado "
                        "en el marco del trabajo de la CCA"
                    ),
                },
                "actions": [
                    {
                        # The PDF leaves a space before the final period (after the italic title); removed.
                        "code": "1.3.1",
                        "text": {
                            "en": (
                                "Private sector engagement activities potentially leading to collaboration "
                                "and partnership will follow the process and guidelines established in the "
                                "CEC Partnerships Action Plan and the CEC Reference Guide for Establishing "
                                "and Managing Impactful Partnerships."
                            ),
                            "fr": (
                                "Les activités de mobilisation du secteur privé susceptibles de mener à une "
                                "collaboration et à un partenariat suivront le processus et les lignes "
                                "directrices établis dans le Plan d’action de la CCE sur les partenariats et "
                                "dans le Guide de référence de la CCE pour l’établissement et la gestion de "
                                "partenariats à fort impact."
                            ),
                            "es": (
                                "Las actividades de participación del sector privado que puedan derivar en "
                                "colaboración y alianzas seguirán el proceso y los lineamientos establecidos "
                                "en el Plan de Acción de Alianzas de la CCA y en la Guía de referencia de la "
                                "CCA para establecer y gestionar alianzas de alto impacto."
                            ),
                        },
                    },
                ],
            },
        ],
    },
    {
        "number": 2,
        "title": {
            "en": "Reinvigorate the CEC’s engagement efforts with the business community",
            "fr": "Redynamiser les efforts de mobilisation de la CCE auprès du milieu des affaires",
            "es": ("Revitalizar los esfuerzos de la CCA para propiciar la participación de la comunidad empresarial"),
        },
        "objectives": [
            {
                "code": "2.1",
                "text": {
                    "en": "Private sector stakeholders will be increasingly aware of the value of CEC’s work",
                    "fr": (
                        "Les parties prenantes du secteur privé seront de plus en plus conscientes de la "
                        "valeur des travaux de la CCE"
                    ),
                    "es": ("Los actores del sector privado conocerán cada vez más el valor del trabajo de la CCA"),
                },
                "actions": [
                    {
                        "code": "2.1.1",
                        "text": {
                            "en": (
                                "Participate in conferences and workshops targeting the private sector and "
                                "relevant topics under the CEC 2021–2025 Strategic Plan, to expand CEC "
                                "contacts and relationships with the business community"
                            ),
                            "fr": (
                                "Participer à des conférences et à des ateliers destinés au secteur privé et "
                                "portant sur des sujets pertinents au titre du Plan stratégique pour 2021 à "
                                "2025 de la CCE, afin d’élargir les contacts et les relations de la CCE avec "
                                "le milieu des affaires"
                            ),
                            "es": (
                                "Participar en conferencias y talleres dirigidos al sector privado y sobre "
                                "temas pertinentes del Plan Estratégico 2021-2025 de la CCA, a fin de "
                                "ampliar los contactos y las relaciones de la CCA con la comunidad "
                                "empresarial"
                            ),
                        },
                    },
                    {
                        "code": "2.1.2",
                        "text": {
                            "en": (
                                "Work with the Communications Unit to tailor material to the private sector "
                                "audience (e.g., project results, public awareness campaigns)"
                            ),
                            "fr": (
                                "Collaborer avec l’Unité des communications pour adapter le matériel au "
                                "public du secteur privé (p. ex., résultats de projets, campagnes de "
                                "sensibilisation du public)"
                            ),
                            "es": (
                                "Trabajar con la Unidad de Comunicación para adaptar los materiales al "
                                "público del sector privado (p. ej., resultados de proyectos, campañas de "
                                "sensibilización pública)"
                            ),
                        },
                    },
                    {
                        "code": "2.1.3",
                        "text": {
                            "en": (
                                "Seek and facilitate mutually beneficial opportunities with the private "
                                "sector to disseminate CEC work (e.g., GIS content for ESRI)"
                            ),
                            "fr": (
                                "Rechercher et faciliter des occasions mutuellement avantageuses avec le "
                                "secteur privé pour diffuser les travaux de la CCE (p. ex., contenu SIG pour "
                                "ESRI)"
                            ),
                            "es": (
                                "Buscar y facilitar oportunidades mutuamente benéficas con el sector privado "
                                "para difundir el trabajo de la CCA (p. ej., contenido SIG para ESRI)"
                            ),
                        },
                    },
                ],
            },
            {
                "code": "2.2",
                "text": {
                    "en": (
                        "The CEC’s contributions for promoting sustainable practices and increased "
                        "environmental performance of the private sector are recognized at the regional and "
                        "international level"
                    ),
                    "fr": (
                        "Les contributions de la CCE à la promotion de pratiques durables et à "
                        "l’amélioration de la performance environnementale du secteur privé sont reconnues à "
                        "l’échelle régionale et internationale"
                    ),
                    "es": (
                        "Las contribuciones de la CCA a la promoción de prácticas sustentables y a un mejor "
                        "desempeño ambiental del sector privado son reconocidas a escala regional e "
                        "internacional"
                    ),
                },
                "actions": [
                    {
                        "code": "2.2.1",
                        "text": {
                            "en": (
                                "Participate actively in relevant business and environment committees (e.g., "
                                "World Economic Forum - Champions for Nature) to share CEC work, ensure "
                                "coordination with other global initiatives, when relevant, and strengthen "
                                "CEC contacts and relationships with the business community"
                            ),
                            "fr": (
                                "Participer activement aux comités pertinents sur les affaires et "
                                "l’environnement (p. ex., Champions for Nature du Forum économique mondial) "
                                "pour faire connaître les travaux de la CCE, assurer la coordination avec "
                                "d’autres initiatives mondiales, s’il y a lieu, et renforcer les contacts et "
                                "les relations de la CCE avec le milieu des affaires"
                            ),
                            "es": (
                                "Participar activamente en comités pertinentes sobre empresa y medio "
                                "ambiente (p. ej., Champions for Nature del Foro Económico Mundial) para dar "
                                "a conocer el trabajo de la CCA, asegurar la coordinación con otras "
                                "iniciativas mundiales, cuando proceda, y fortalecer los contactos y las "
                                "relaciones de la CCA con la comunidad empresarial"
                            ),
                        },
                    },
                ],
            },
        ],
    },
    {
        "number": 3,
        "title": {
            "en": (
                "Promote dialogue and knowledge sharing between the Parties and private sector "
                "representatives on environmental issues of common interest"
            ),
            "fr": (
                "Promouvoir le dialogue et l’échange de connaissances entre les Parties et les représentants "
                "du secteur privé sur des questions environnementales d’intérêt commun"
            ),
            "es": (
                "Promover el diálogo y el intercambio de conocimientos entre las Partes y los representantes "
                "del sector privado sobre asuntos ambientales de interés común"
            ),
        },
        "objectives": [
            {
                "code": "3.1",
                "text": {
                    "en": (
                        "Opportunities for dialogue and knowledge-sharing between the Parties and the "
                        "private sector on areas of common interest are created and pursued"
                    ),
                    "fr": (
                        "Des occasions de dialogue et d’échange de connaissances entre les Parties et le "
                        "secteur privé sur des domaines d’intérêt commun sont créées et mises à profit"
                    ),
                    "es": (
                        "Se crean y aprovechan oportunidades de diálogo e intercambio de conocimientos entre "
                        "las Partes y el sector privado en áreas de interés común"
                    ),
                },
                "actions": [
                    {
                        "code": "3.1.1",
                        "text": {
                            "en": (
                                "Organize multi-stakeholder round tables (including representatives of "
                                "government, private sector, academia, etc.) on specific issues to share "
                                "best practices, barriers and lessons learned"
                            ),
                            "fr": (
                                "Organiser des tables rondes multipartites (réunissant notamment des "
                                "représentants des gouvernements, du secteur privé, du milieu universitaire, "
                                "etc.) sur des questions précises afin d’échanger sur les pratiques "
                                "exemplaires, les obstacles et les leçons retenues"
                            ),
                            "es": (
                                "Organizar mesas redondas con múltiples partes interesadas (con "
                                "representantes de gobierno, sector privado, academia, etc.) sobre temas "
                                "específicos para compartir mejores prácticas, obstáculos y lecciones "
                                "aprendidas"
                            ),
                        },
                    },
                    {
                        "code": "3.1.2",
                        "text": {
                            "en": (
                                "Identify issues of common interest and opportunities for collaboration to "
                                "inform current and future CEC work, e.g., circular economy, harmonization "
                                "of standards/practices, creation of networks, etc."
                            ),
                            "fr": (
                                "Cerner des questions d’intérêt commun et des possibilités de collaboration "
                                "pour orienter les travaux actuels et futurs de la CCE, p. ex., l’économie "
                                "circulaire, l’harmonisation des normes et des pratiques, la création de "
                                "réseaux, etc."
                            ),
                            "es": (
                                "Identificar asuntos de interés común y oportunidades de colaboración que "
                                "orienten el trabajo actual y futuro de la CCA, p. ej., economía circular, "
                                "armonización de normas y prácticas, creación de redes, etc."
                            ),
                        },
                    },
                    {
                        "code": "3.1.3",
                        "text": {
                            "en": (
                                "Follow the process established in the CEC Partnerships Action Plan, "
                                "allowing for stakeholder input to inform the Parties’ discussions on "
                                "potential areas of work"
                            ),
                            "fr": (
                                "Suivre le processus établi dans le Plan d’action de la CCE sur les "
                                "partenariats, qui permet aux parties prenantes de formuler des commentaires "
                                "pour éclairer les discussions des Parties sur d’éventuels domaines de "
                                "travail"
                            ),
                            "es": (
                                "Seguir el proceso establecido en el Plan de Acción de Alianzas de la CCA, "
                                "que permite que las aportaciones de las partes interesadas orienten las "
                                "deliberaciones de las Partes sobre posibles áreas de trabajo"
                            ),
                        },
                    },
                ],
            },
        ],
    },
    {
        "number": 4,
        "title": {
            "en": "Increase the impact of CEC initiatives by leveraging private sector resources",
            "fr": ("Accroître l’impact des initiatives de la CCE en tirant parti des ressources du secteur privé"),
            "es": ("Aumentar el impacto de las iniciativas de la CCA aprovechando los recursos del sector privado"),
        },
        "objectives": [
            {
                "code": "4.1",
                "text": {
                    "en": (
                        "Opportunities for the creation of partnerships between the CEC and the private "
                        "sector are identified to leverage resources (e.g., financial, expertise, networks, "
                        "etc.) and support existing or upcoming CEC initiatives"
                    ),
                    "fr": (
                        "Des possibilités de partenariat entre la CCE et le secteur privé sont cernées afin "
                        "de tirer parti de ressources (p. ex., financement, expertise, réseaux, etc.) et "
                        "d’appuyer des initiatives actuelles ou à venir de la CCE"
                    ),
                    "es": (
                        "Se identifican oportunidades para establecer alianzas entre la CCA y el sector "
                        "privado a fin de aprovechar recursos (p. ej., financieros, conocimientos "
                        "especializados, redes, etc.) y apoyar iniciativas existentes o futuras de la CCA"
                    ),
                },
                "actions": [
                    {
                        # Sic: "Outreach and Partnership Unit" (singular) here; the unit is "Outreach and
                        # Partnerships Unit" in sections 1.1 and 3. "YIC" is the Youth Innovation Challenge,
                        # spelled out in French and Spanish.
                        "code": "4.1.1",
                        "text": {
                            "en": (
                                "In collaboration with the Outreach and Partnership Unit, identify potential "
                                "opportunities for private sector stakeholders to increase the scope and/or "
                                "impact of CEC work (e.g., YIC, pilot projects)"
                            ),
                            "fr": (
                                "En collaboration avec l’Unité de la sensibilisation et des partenariats, "
                                "cerner des possibilités pour les parties prenantes du secteur privé "
                                "d’accroître la portée ou l’impact des travaux de la CCE (p. ex., Défi "
                                "innovation jeunesse, projets pilotes)"
                            ),
                            "es": (
                                "En colaboración con la Unidad de Difusión y Alianzas, identificar "
                                "oportunidades para que los actores del sector privado amplíen el alcance o "
                                "el impacto del trabajo de la CCA (p. ej., Desafío Juvenil para la "
                                "Innovación, proyectos piloto)"
                            ),
                        },
                    },
                ],
            },
        ],
    },
]

PILLARS = [
    {
        # Named as in the Strategic Plan 2021–2025; Annex 1 misspells it "Clear Air, Land, and Water".
        "code": "clean-air-land-water",
        "kind": "pillar",
        "name": {
            "en": "Clean Air, Land, and Water",
            "fr": "Propreté de l’air, du sol et de l’eau",
            "es": "Aire, suelo y agua limpios",
        },
        "areas": [
            {
                "label": {
                    "en": "Water efficiency practices and standards",
                    "fr": "Pratiques et normes d’utilisation efficace de l’eau",
                    "es": "Prácticas y normas de uso eficiente del agua",
                },
                "text": {
                    "en": "Water efficiency practices and standards in the public and private sectors",
                    "fr": ("Pratiques et normes d’utilisation efficace de l’eau dans les secteurs public et privé"),
                    "es": "Prácticas y normas de uso eficiente del agua en los sectores público y privado",
                },
            },
            {
                "label": {
                    "en": "Best practices in the mining sector",
                    "fr": "Pratiques exemplaires dans le secteur minier",
                    "es": "Mejores prácticas en el sector minero",
                },
                "text": {
                    "en": (
                        "Best practices in the mining sector, associated with socio-environmental impacts, "
                        "including marine mining"
                    ),
                    "fr": (
                        "Pratiques exemplaires dans le secteur minier, en ce qui a trait aux répercussions "
                        "socioenvironnementales, y compris l’exploitation minière en milieu marin"
                    ),
                    "es": (
                        "Mejores prácticas en el sector minero, asociadas con los impactos socioambientales, "
                        "incluida la minería marina"
                    ),
                },
            },
            {
                "label": {
                    "en": "Sound management of chemicals",
                    "fr": "Gestion rationnelle des produits chimiques",
                    "es": "Manejo adecuado de sustancias químicas",
                },
                "text": {
                    "en": "Sound management of chemicals in water, air, and land",
                    "fr": "Gestion rationnelle des produits chimiques dans l’eau, l’air et le sol",
                    "es": "Manejo adecuado de sustancias químicas en el agua, el aire y el suelo",
                },
            },
            {
                "label": {
                    "en": "Water reuse standards and regulations",
                    "fr": "Normes et réglementation sur la réutilisation de l’eau",
                    "es": "Normas y regulaciones sobre reúso del agua",
                },
                "text": {
                    "en": (
                        "Water reuse standards and regulations in all sectors: municipal wastewater, "
                        "agriculture, industry, oil and gas produced water, and stormwater"
                    ),
                    "fr": (
                        "Normes et réglementation sur la réutilisation de l’eau dans tous les secteurs : "
                        "eaux usées municipales, agriculture, industrie, eau produite par l’exploitation "
                        "pétrolière et gazière, et eaux pluviales"
                    ),
                    "es": (
                        "Normas y regulaciones sobre reúso del agua en todos los sectores: aguas residuales "
                        "municipales, agricultura, industria, agua congénita de la producción de petróleo y "
                        "gas, y agua pluvial"
                    ),
                },
            },
            {
                "label": {
                    "en": "Sustainable water practices in key economic sectors",
                    "fr": "Pratiques durables de gestion de l’eau dans les secteurs clés",
                    "es": "Prácticas sustentables de uso del agua en sectores clave",
                },
                "text": {
                    "en": (
                        "Adoption of sustainable water practices in key economic sectors (agriculture, "
                        "forestry, industry, mining, energy), including transboundary environmental impacts"
                    ),
                    "fr": (
                        "Adoption de pratiques durables de gestion de l’eau dans les secteurs économiques "
                        "clés (agriculture, foresterie, industrie, mines, énergie), y compris en ce qui "
                        "concerne les répercussions environnementales transfrontalières"
                    ),
                    "es": (
                        "Adopción de prácticas sustentables de uso del agua en sectores económicos clave "
                        "(agricultura, silvicultura, industria, minería, energía), incluidos los impactos "
                        "ambientales transfronterizos"
                    ),
                },
            },
            {
                "label": {
                    "en": "Quality and accessibility of pollutant release data",
                    "fr": "Qualité et accès aux données sur les rejets de polluants",
                    "es": "Calidad y acceso a datos de emisiones contaminantes",
                },
                "text": {
                    "en": (
                        "Comparability, quality, comprehensiveness, timeliness, and accessibility of "
                        "pollutant release data"
                    ),
                    "fr": (
                        "Comparabilité, qualité, exhaustivité, actualité et accessibilité des données sur "
                        "les rejets de polluants"
                    ),
                    "es": (
                        "Comparabilidad, calidad, exhaustividad, oportunidad y accesibilidad de los datos "
                        "sobre emisiones de contaminantes"
                    ),
                },
            },
            {
                "label": {
                    "en": "Green chemistry and clean technologies for key sectors",
                    "fr": "Chimie verte et technologies propres pour les secteurs clés",
                    "es": "Química verde y tecnologías limpias para sectores clave",
                },
                "text": {
                    "en": (
                        "Green chemistry and other clean technologies relevant to reducing pollutant "
                        "releases from key sectors"
                    ),
                    "fr": (
                        "Chimie verte et autres technologies propres permettant de réduire les rejets de "
                        "polluants provenant de secteurs clés"
                    ),
                    "es": (
                        "Química verde y otras tecnologías limpias pertinentes para reducir las emisiones de "
                        "contaminantes de sectores clave"
                    ),
                },
            },
            {
                "label": {
                    "en": "Clean technologies and nature-based solutions",
                    "fr": "Technologies propres et solutions fondées sur la nature",
                    "es": "Tecnologías limpias y soluciones basadas en la naturaleza",
                },
                "text": {
                    "en": "Exchanging best practices on clean technologies and nature-based solutions",
                    "fr": (
                        "Échange de pratiques exemplaires sur les technologies propres et les solutions "
                        "fondées sur la nature"
                    ),
                    "es": (
                        "Intercambio de mejores prácticas sobre tecnologías limpias y soluciones basadas en "
                        "la naturaleza"
                    ),
                },
            },
        ],
    },
    {
        "code": "marine-pollution",
        "kind": "pillar",
        "name": {
            "en": "Preventing and Reducing Pollution in the Marine Environment",
            "fr": "Prévention et réduction de la pollution dans le milieu marin",
            "es": "Prevención y reducción de la contaminación en el medio marino",
        },
        "areas": [
            {
                "label": {
                    "en": "Land-based sources of marine litter",
                    "fr": "Sources terrestres de déchets marins",
                    "es": "Fuentes terrestres de basura marina",
                },
                "text": {
                    "en": (
                        "Sharing best practices and technologies for the environmentally sound management of "
                        "waste to reduce the impact of land-based sources of marine litter"
                    ),
                    "fr": (
                        "Partage de pratiques exemplaires et de technologies en matière de gestion "
                        "écologiquement rationnelle des déchets, afin de réduire l’incidence des sources "
                        "terrestres de déchets marins"
                    ),
                    "es": (
                        "Intercambio de mejores prácticas y tecnologías para el manejo ambientalmente "
                        "adecuado de los residuos, a fin de reducir el impacto de las fuentes terrestres de "
                        "basura marina"
                    ),
                },
            },
            {
                "label": {
                    "en": "Waste streams and recycling infrastructure",
                    "fr": "Flux de déchets et infrastructures de recyclage",
                    "es": "Flujos de residuos e infraestructura de reciclaje",
                },
                "text": {
                    "en": (
                        "Environmentally sound management of different waste streams, including improvements "
                        "to recycling infrastructure"
                    ),
                    "fr": (
                        "Gestion écologiquement rationnelle de différents flux de déchets, y compris "
                        "l’amélioration des infrastructures de recyclage"
                    ),
                    "es": (
                        "Manejo ambientalmente adecuado de distintos flujos de residuos, incluidas mejoras "
                        "en la infraestructura de reciclaje"
                    ),
                },
            },
        ],
    },
    {
        "code": "circular-economy",
        "kind": "pillar",
        "name": {
            "en": "Circular Economy and Sustainable Materials Management",
            "fr": "Économie circulaire et gestion durable des matières",
            "es": "Economía circular y manejo sustentable de materiales",
        },
        "areas": [
            {
                "label": {
                    "en": "Efficient use of resources",
                    "fr": "Utilisation efficace des ressources",
                    "es": "Uso eficiente de los recursos",
                },
                "text": {
                    "en": (
                        "Intensifying collaboration and enhancing the role and engagement of consumers and "
                        "communities, as well as those of the private sector and local governments, relative "
                        "to efficient use of resources: reducing, reusing, repurposing, repairing and "
                        "recycling"
                    ),
                    "fr": (
                        "Intensification de la collaboration et renforcement du rôle et de la mobilisation "
                        "des consommateurs et des collectivités, ainsi que du secteur privé et des "
                        "administrations locales, en ce qui concerne l’utilisation efficace des ressources : "
                        "réduction, réemploi, réaffectation, réparation et recyclage"
                    ),
                    "es": (
                        "Intensificación de la colaboración y fortalecimiento del papel y la participación "
                        "de los consumidores y las comunidades, así como del sector privado y los gobiernos "
                        "locales, en relación con el uso eficiente de los recursos: reducción, "
                        "reutilización, reaprovechamiento, reparación y reciclaje"
                    ),
                },
            },
            {
                "label": {
                    "en": "Collaborative networks of stakeholders",
                    "fr": "Réseaux de collaboration entre parties prenantes",
                    "es": "Redes de colaboración entre partes interesadas",
                },
                "text": {
                    "en": (
                        "Supporting the establishment and development of collaborative networks of relevant "
                        "stakeholders, particularly consumers, research institutions, private sector and "
                        "municipalities, including strengthening existing networks"
                    ),
                    "fr": (
                        "Soutien à la création et au développement de réseaux de collaboration réunissant "
                        "les parties prenantes concernées, notamment les consommateurs, les établissements "
                        "de recherche, le secteur privé et les municipalités, y compris le renforcement des "
                        "réseaux existants"
                    ),
                    "es": (
                        "Apoyo al establecimiento y desarrollo de redes de colaboración entre las partes "
                        "interesadas pertinentes, en particular consumidores, instituciones de "
                        "investigación, sector privado y municipios, incluido el fortalecimiento de las "
                        "redes existentes"
                    ),
                },
            },
            {
                "label": {
                    "en": "Resource and energy efficiency in the private sector",
                    "fr": "Efficacité énergétique et des ressources dans le secteur privé",
                    "es": "Eficiencia energética y de recursos en el sector privado",
                },
                "text": {
                    "en": (
                        "Sustainable resource management and resource and energy efficiency practices in the "
                        "private sector (e.g., ISO 50001 standard)"
                    ),
                    "fr": (
                        "Gestion durable des ressources et pratiques d’efficacité énergétique et "
                        "d’utilisation efficace des ressources dans le secteur privé (p. ex., norme ISO "
                        "50001)"
                    ),
                    "es": (
                        "Manejo sustentable de los recursos y prácticas de eficiencia energética y en el uso "
                        "de recursos en el sector privado (p. ej., norma ISO 50001)"
                    ),
                },
            },
        ],
    },
    {
        "code": "shared-ecosystems",
        "kind": "pillar",
        "name": {
            "en": "Shared Ecosystems and Species",
            "fr": "Espèces et écosystèmes communs",
            "es": "Ecosistemas y especies compartidos",
        },
        "areas": [
            {
                "label": {
                    "en": "Collaborative networks for conservation",
                    "fr": "Réseaux de collaboration en conservation",
                    "es": "Redes de colaboración para la conservación",
                },
                "text": {
                    "en": (
                        "Supporting the establishment, development, and strengthening of collaborative "
                        "networks of conservation practitioners, communities, and partners from the private "
                        "and public sectors, including Indigenous Peoples"
                    ),
                    "fr": (
                        "Soutien à la création, au développement et au renforcement de réseaux de "
                        "collaboration réunissant des praticiens de la conservation, des collectivités et "
                        "des partenaires des secteurs privé et public, y compris les peuples autochtones"
                    ),
                    "es": (
                        "Apoyo al establecimiento, desarrollo y fortalecimiento de redes de colaboración de "
                        "profesionales de la conservación, comunidades y socios de los sectores privado y "
                        "público, incluidos los pueblos indígenas"
                    ),
                },
            },
            {
                "label": {
                    "en": "Conservation and sustainable management of forests",
                    "fr": "Conservation et gestion durable des forêts",
                    "es": "Conservación y manejo sustentable de los bosques",
                },
                "text": {
                    "en": (
                        "Conservation and sustainable management of forests, which includes recognizing "
                        "their role as nature-based solutions and the environmental and economic benefits "
                        "derived from trade in products from sustainably managed forests"
                    ),
                    "fr": (
                        "Conservation et gestion durable des forêts, ce qui comprend la reconnaissance de "
                        "leur rôle en tant que solutions fondées sur la nature ainsi que des avantages "
                        "environnementaux et économiques découlant du commerce de produits issus de forêts "
                        "gérées de façon durable"
                    ),
                    "es": (
                        "Conservación y manejo sustentable de los bosques, lo que incluye reconocer su papel "
                        "como soluciones basadas en la naturaleza, así como los beneficios ambientales y "
                        "económicos derivados del comercio de productos provenientes de bosques manejados de "
                        "manera sustentable"
                    ),
                },
            },
        ],
    },
    {
        # French: the heading of the French Strategic Plan ("Des collectivités résilientes" per the project
        # glossary), which does not repeat "economies".
        "code": "resilient-economies",
        "kind": "pillar",
        "name": {
            "en": "Resilient Economies and Communities",
            "fr": "Collectivités résilientes",
            "es": "Economías y comunidades resilientes",
        },
        "areas": [
            {
                "label": {
                    "en": "Resilience to changing climatic conditions",
                    "fr": "Résilience face à l’évolution des conditions climatiques",
                    "es": "Resiliencia ante condiciones climáticas cambiantes",
                },
                "text": {
                    "en": (
                        "Our shared environmental and economic well-being is grounded in the adaptive "
                        "capacity and resilience of communities, ecosystems, and all sectors of the economy "
                        "in relation to changing climatic conditions, which may result in a rise of extreme "
                        "weather events and associated risks to public health, infrastructure, agriculture, "
                        "forestry, fisheries and the natural environment"
                    ),
                    "fr": (
                        "Notre bien-être environnemental et économique commun repose sur la capacité "
                        "d’adaptation et la résilience des collectivités, des écosystèmes et de tous les "
                        "secteurs de l’économie face à l’évolution des conditions climatiques, qui peut "
                        "entraîner une hausse des phénomènes météorologiques extrêmes et des risques "
                        "connexes pour la santé publique, les infrastructures, l’agriculture, la foresterie, "
                        "les pêches et l’environnement naturel"
                    ),
                    "es": (
                        "Nuestro bienestar ambiental y económico común se sustenta en la capacidad de "
                        "adaptación y la resiliencia de las comunidades, los ecosistemas y todos los "
                        "sectores de la economía ante las condiciones climáticas cambiantes, que pueden "
                        "traducirse en un aumento de los fenómenos meteorológicos extremos y de los riesgos "
                        "asociados para la salud pública, la infraestructura, la agricultura, la "
                        "silvicultura, la pesca y el medio natural"
                    ),
                },
            },
            {
                "label": {
                    "en": "Self-generated clean energy in disadvantaged communities",
                    "fr": "Énergie propre autoproduite dans les collectivités défavorisées",
                    "es": "Energía limpia autogenerada en comunidades desfavorecidas",
                },
                "text": {
                    "en": (
                        "Promoting the use of self-generated renewable and clean energy in disadvantaged communities"
                    ),
                    "fr": (
                        "Promotion de l’utilisation d’énergie propre et renouvelable autoproduite dans les "
                        "collectivités défavorisées"
                    ),
                    "es": (
                        "Promoción del uso de energía limpia y renovable autogenerada en comunidades desfavorecidas"
                    ),
                },
            },
            {
                "label": {
                    "en": "Knowledge-sharing for food production sectors",
                    "fr": "Partage des connaissances en production alimentaire",
                    "es": "Intercambio de conocimientos en la producción de alimentos",
                },
                "text": {
                    "en": (
                        "Knowledge-sharing, including citizen science, to enhance the adaptive capacity and "
                        "resilience of the food production sectors"
                    ),
                    "fr": (
                        "Partage des connaissances, y compris la science citoyenne, pour accroître la "
                        "capacité d’adaptation et la résilience des secteurs de la production alimentaire"
                    ),
                    "es": (
                        "Intercambio de conocimientos, incluida la ciencia ciudadana, para fortalecer la "
                        "capacidad de adaptación y la resiliencia de los sectores de producción de alimentos"
                    ),
                },
            },
        ],
    },
    {
        "code": "effective-enforcement",
        "kind": "pillar",
        "name": {
            "en": "Effective Enforcement of Environmental Laws",
            "fr": "Application efficace des lois de l’environnement",
            "es": "Aplicación efectiva de la legislación ambiental",
        },
        "areas": [
            {
                "label": {
                    "en": "Preventing and curbing wildlife trafficking",
                    "fr": "Prévention et répression du trafic d’espèces sauvages",
                    "es": "Prevención y combate del tráfico de vida silvestre",
                },
                "text": {
                    "en": (
                        "Priority regional actions to prevent and curb wildlife trafficking, strengthen "
                        "value chains, improve traceability of CITES Appendix II species, and enhance "
                        "capacity of enforcement officials to better identify CITES species in trade"
                    ),
                    "fr": (
                        "Mesures régionales prioritaires visant à prévenir et à enrayer le trafic d’espèces "
                        "sauvages, à renforcer les chaînes de valeur, à améliorer la traçabilité des espèces "
                        "inscrites à l’Annexe II de la CITES et à accroître la capacité des agents "
                        "d’application de la loi à mieux identifier les espèces CITES faisant l’objet de "
                        "commerce"
                    ),
                    "es": (
                        "Acciones regionales prioritarias para prevenir y frenar el tráfico de vida "
                        "silvestre, fortalecer las cadenas de valor, mejorar la trazabilidad de las especies "
                        "del Apéndice II de la CITES y aumentar la capacidad de los funcionarios encargados "
                        "de la aplicación de la ley para identificar mejor las especies CITES en el comercio"
                    ),
                },
            },
            {
                "label": {
                    "en": "Illegal logging and the Montreal Protocol",
                    "fr": "Exploitation forestière illégale et Protocole de Montréal",
                    "es": "Tala ilegal y Protocolo de Montreal",
                },
                "text": {
                    "en": (
                        "Initiatives designed to prevent and combat illegal logging and associated trade; "
                        "implementation and enforcement of the Montreal Protocol, and associated regional "
                        "implementation of bilateral and multilateral agreements to combat illegal "
                        "trafficking of ozone-depleting substances (ODS)"
                    ),
                    "fr": (
                        "Initiatives visant à prévenir et à combattre l’exploitation forestière illégale et "
                        "le commerce connexe; mise en œuvre et application du Protocole de Montréal, ainsi "
                        "que mise en œuvre régionale connexe d’accords bilatéraux et multilatéraux visant à "
                        "lutter contre le trafic illicite de substances appauvrissant la couche d’ozone "
                        "(SACO)"
                    ),
                    "es": (
                        "Iniciativas diseñadas para prevenir y combatir la tala ilegal y el comercio "
                        "asociado; implementación y aplicación del Protocolo de Montreal, así como la "
                        "implementación regional conexa de acuerdos bilaterales y multilaterales para "
                        "combatir el tráfico ilícito de sustancias agotadoras del ozono (SAO)"
                    ),
                },
            },
            {
                "label": {
                    "en": "Transboundary movements of hazardous wastes",
                    "fr": "Mouvements transfrontières de déchets dangereux",
                    "es": "Movimientos transfronterizos de residuos peligrosos",
                },
                "text": {
                    "en": (
                        "Regional coordination and tracking of transboundary movements of hazardous wastes, "
                        "including hazardous recyclables for environmentally sound management in support of "
                        "bilateral and multilateral agreements related to waste"
                    ),
                    "fr": (
                        "Coordination régionale et suivi des mouvements transfrontières de déchets "
                        "dangereux, y compris de matières recyclables dangereuses, en vue de leur gestion "
                        "écologiquement rationnelle, à l’appui des accords bilatéraux et multilatéraux "
                        "relatifs aux déchets"
                    ),
                    "es": (
                        "Coordinación regional y seguimiento de los movimientos transfronterizos de residuos "
                        "peligrosos, incluidos los materiales reciclables peligrosos, para su manejo "
                        "ambientalmente adecuado, en apoyo de los acuerdos bilaterales y multilaterales en "
                        "materia de residuos"
                    ),
                },
            },
        ],
    },
    {
        "code": "innovative-solutions",
        "kind": "approach",
        "name": {
            "en": "Innovative and Effective Solutions",
            "fr": "Solutions novatrices et efficaces",
            "es": "Soluciones innovadoras y eficaces",
        },
        "areas": [
            {
                "label": {
                    "en": "Sustainable innovation",
                    "fr": "Innovation durable",
                    "es": "Innovación sustentable",
                },
                "text": {
                    "en": (
                        "Promote sustainable innovation, including entrepreneurial ideas rooted in "
                        "sustainability, partnerships and networks across North America, with emphasis on "
                        "private sector engagement, academic institutions, as well as capacity-building and "
                        "access to knowledge and resources"
                    ),
                    "fr": (
                        "Promouvoir l’innovation durable, notamment les idées entrepreneuriales ancrées dans "
                        "la durabilité, les partenariats et les réseaux à l’échelle de l’Amérique du Nord, "
                        "en mettant l’accent sur la mobilisation du secteur privé et les établissements "
                        "universitaires, ainsi que sur le renforcement des capacités et l’accès aux "
                        "connaissances et aux ressources"
                    ),
                    "es": (
                        "Promover la innovación sustentable, incluidas las ideas emprendedoras basadas en la "
                        "sustentabilidad, las alianzas y las redes en toda América del Norte, con énfasis en "
                        "la participación del sector privado y las instituciones académicas, así como en el "
                        "desarrollo de capacidades y el acceso al conocimiento y los recursos"
                    ),
                },
            },
        ],
    },
    {
        # The PDF's bold markup leaves spaces before "competitiveness." and "resources."; removed.
        "code": "inclusive-engagement",
        "kind": "approach",
        "name": {
            "en": "Diverse and Inclusive Stakeholder Engagement and Public Participation",
            "fr": "Mobilisation diversifiée et inclusive des parties prenantes et participation du public",
            "es": "Participación diversa e incluyente de las partes interesadas y el público",
        },
        "areas": [
            {
                "label": {
                    "en": "Clean technologies and regional competitiveness",
                    "fr": "Technologies propres et compétitivité régionale",
                    "es": "Tecnologías limpias y competitividad regional",
                },
                "text": {
                    "en": (
                        "To advance the objectives outlined in the free trade agreement’s Chapter 24 and the "
                        "ECA through cooperation under this strategic plan, the CEC will consider potential "
                        "opportunities with specific economic sectors, communications activities, and "
                        "private sector partnerships, particularly in areas related to sustainable "
                        "innovation, clean technologies, and regional competitiveness. Specifically, it will "
                        "consider the many facets of environment, trade, and economic links to "
                        "entrepreneurship, production and consumption, environmental goods and services, the "
                        "return on investment, the economic and social benefits of environmental quality, "
                        "energy and resource efficiency, support to circular economy and sustainable "
                        "materials management, and the sustainable use and management of natural resources."
                    ),
                    "fr": (
                        "Afin de faire progresser les objectifs énoncés au chapitre 24 de l’accord de "
                        "libre-échange et dans l’ACE grâce à la coopération prévue par le présent plan "
                        "stratégique, la CCE envisagera des possibilités avec des secteurs économiques "
                        "précis, des activités de communication et des partenariats avec le secteur privé, "
                        "en particulier dans les domaines liés à l’innovation durable, aux technologies "
                        "propres et à la compétitivité régionale. Plus précisément, elle tiendra compte des "
                        "nombreuses facettes des liens entre l’environnement, le commerce et l’économie, "
                        "ainsi que de leurs rapports avec l’entrepreneuriat, la production et la "
                        "consommation, les biens et services environnementaux, le rendement du capital "
                        "investi, les avantages économiques et sociaux de la qualité de l’environnement, "
                        "l’efficacité énergétique et l’utilisation efficace des ressources, le soutien à "
                        "l’économie circulaire et à la gestion durable des matières, ainsi que l’utilisation "
                        "et la gestion durables des ressources naturelles."
                    ),
                    "es": (
                        "Para avanzar en los objetivos establecidos en el capítulo 24 del tratado de libre "
                        "comercio y en el ACA mediante la cooperación prevista en este plan estratégico, la "
                        "CCA considerará posibles oportunidades con sectores económicos específicos, "
                        "actividades de comunicación y alianzas con el sector privado, en particular en "
                        "ámbitos relacionados con la innovación sustentable, las tecnologías limpias y la "
                        "competitividad regional. En concreto, tomará en cuenta las múltiples facetas de los "
                        "vínculos entre medio ambiente, comercio y economía con el emprendimiento, la "
                        "producción y el consumo, los bienes y servicios ambientales, el rendimiento de la "
                        "inversión, los beneficios económicos y sociales de la calidad ambiental, la "
                        "eficiencia energética y en el uso de recursos, el apoyo a la economía circular y el "
                        "manejo sustentable de materiales, y el uso y manejo sustentables de los recursos "
                        "naturales."
                    ),
                },
            },
        ],
    },
]

KEY_PRINCIPLES = [
    {
        "code": "core-values",
        "section": "6.1",
        "name": {
            "en": "Alignment with CEC Core Values",
            "fr": "Adéquation avec les valeurs fondamentales de la CCE",
            "es": "Alineación con los valores fundamentales de la CCA",
        },
        "description": {
            "en": (
                "In coordinating and facilitating cooperation among the three Parties, the CEC Secretariat "
                "staff adhere to a set of fundamental values: integrity, transparency, inclusiveness, "
                "collaboration, and excellence. The Strategy supports these core values, given the "
                "importance of upholding professional and ethical behaviour, building trust within and "
                "outside the organization through engagement, collaborative efforts, and key partnerships, "
                "and fostering relationships based on respect and open lines of communication."
            ),
            "fr": (
                "Dans la coordination et la facilitation de la coopération entre les trois Parties, le "
                "personnel du Secrétariat de la CCE adhère à un ensemble de valeurs fondamentales : "
                "intégrité, transparence, inclusivité, collaboration et excellence. La Stratégie appuie ces "
                "valeurs fondamentales, compte tenu de l’importance d’adopter une conduite professionnelle "
                "et éthique, d’instaurer la confiance au sein de l’organisation et à l’extérieur de celle-ci "
                "grâce à la mobilisation, aux efforts de collaboration et à des partenariats clés, et "
                "d’entretenir des relations fondées sur le respect et une communication ouverte."
            ),
            "es": (
                "Al coordinar y facilitar la cooperación entre las tres Partes, el personal del Secretariado "
                "de la CCA se apega a un conjunto de valores fundamentales: integridad, transparencia, "
                "inclusión, colaboración y excelencia. La Estrategia respalda estos valores fundamentales, "
                "dada la importancia de mantener una conducta profesional y ética, generar confianza dentro "
                "y fuera de la organización mediante la participación, los esfuerzos de colaboración y las "
                "alianzas clave, y fomentar relaciones basadas en el respeto y en canales de comunicación "
                "abiertos."
            ),
        },
    },
    {
        "code": "strategic-plan",
        "section": "6.2",
        "name": {
            "en": "Alignment with the CEC Strategic Plan",
            "fr": "Adéquation avec le Plan stratégique de la CCE",
            "es": "Alineación con el Plan Estratégico de la CCA",
        },
        "description": {
            "en": (
                "Engagement with the private sector on environmental protection and sustainable development "
                "encompasses a vast realm of topics and possibilities. The CEC’s efforts for private sector "
                "engagement will focus on areas where it can have the most impact by working at the "
                "trilateral level, and in areas aligned with the Strategic Plan 2021–2025."
            ),
            "fr": (
                "La mobilisation du secteur privé en matière de protection de l’environnement et de "
                "développement durable englobe un vaste éventail de sujets et de possibilités. Les efforts "
                "de la CCE pour mobiliser le secteur privé porteront sur les domaines où elle peut avoir le "
                "plus d’impact en travaillant à l’échelle trilatérale, ainsi que sur les domaines qui "
                "cadrent avec le Plan stratégique pour 2021 à 2025."
            ),
            "es": (
                "La participación del sector privado en la protección del medio ambiente y el desarrollo "
                "sustentable abarca una amplia gama de temas y posibilidades. Los esfuerzos de la CCA para "
                "propiciar la participación del sector privado se centrarán en las áreas donde pueda lograr "
                "el mayor impacto al trabajar en el ámbito trilateral, y en áreas alineadas con el Plan "
                "Estratégico 2021-2025."
            ),
        },
    },
    {
        "code": "environmental-performance",
        "section": "6.3",
        "name": {
            "en": "Environmental Performance",
            "fr": "Performance environnementale",
            "es": "Desempeño ambiental",
        },
        "description": {
            "en": (
                "The CEC will engage with organizations that have proven their commitment and ability to "
                "increase their environmental performance or that can provide solutions to greening economic "
                "activities. These may include businesses that are leaders in their respective industry, "
                "organizations aspiring to improve their environmental performance that are committed to "
                "taking action, and organizations that may provide innovations or technologies that can help "
                "others improve their environmental performance."
            ),
            "fr": (
                "La CCE mobilisera des organisations qui ont démontré leur engagement et leur capacité à "
                "améliorer leur performance environnementale, ou qui peuvent proposer des solutions pour "
                "rendre les activités économiques plus écologiques. Il peut s’agir d’entreprises chefs de "
                "file dans leur secteur, d’organisations qui aspirent à améliorer leur performance "
                "environnementale et qui s’engagent à agir, ou d’organisations qui peuvent offrir des "
                "innovations ou des technologies aidant d’autres acteurs à améliorer leur performance "
                "environnementale."
            ),
            "es": (
                "La CCA propiciará la participación de organizaciones que hayan demostrado su compromiso y "
                "su capacidad para mejorar su desempeño ambiental, o que puedan aportar soluciones para "
                "hacer más sustentables las actividades económicas. Entre ellas pueden figurar empresas "
                "líderes en su industria, organizaciones que aspiran a mejorar su desempeño ambiental y se "
                "comprometen a actuar, así como organizaciones que ofrecen innovaciones o tecnologías que "
                "ayudan a otros a mejorar su desempeño ambiental."
            ),
        },
    },
    {
        "code": "adding-value",
        "section": "6.4",
        "name": {"en": "Adding Value", "fr": "Valeur ajoutée", "es": "Valor agregado"},
        "description": {
            "en": (
                "The CEC’s engagement efforts with the private sector will focus on areas where those "
                "efforts can add the most value to the CEC’s work, while the CEC continuously seeks to add "
                "value to the private sector, with the aim of generating mutual benefits and strong, "
                "long-lasting relations. The Strategy builds on the CEC’s strengths and specificity as a "
                "multi-stakeholder convener on matters related to trade and environment at the continental "
                "scale. To avoid duplication, minimize overlap, and promote synergies, activities are "
                "addressed at the regional, North American level and, when appropriate, inform and/or are "
                "aligned with other related global initiatives."
            ),
            "fr": (
                "Les efforts de mobilisation du secteur privé de la CCE porteront sur les domaines où ils "
                "peuvent apporter la plus grande valeur ajoutée aux travaux de la CCE, tandis que celle-ci "
                "cherchera sans cesse à apporter une valeur ajoutée au secteur privé, afin de générer des "
                "avantages mutuels et d’établir des relations solides et durables. La Stratégie mise sur les "
                "forces et la spécificité de la CCE en tant qu’instance de concertation multipartite sur les "
                "questions de commerce et d’environnement à l’échelle du continent. Pour éviter les "
                "chevauchements et favoriser les synergies, les activités sont menées à l’échelle régionale "
                "nord-américaine et, s’il y a lieu, éclairent d’autres initiatives mondiales connexes ou "
                "s’harmonisent avec elles."
            ),
            "es": (
                "Los esfuerzos de la CCA para propiciar la participación del sector privado se centrarán en "
                "las áreas donde puedan aportar el mayor valor agregado al trabajo de la CCA, al tiempo que "
                "la CCA buscará constantemente aportar valor al sector privado, con el fin de generar "
                "beneficios mutuos y relaciones sólidas y duraderas. La Estrategia se apoya en las "
                "fortalezas y la especificidad de la CCA como convocante de múltiples partes interesadas en "
                "asuntos de comercio y medio ambiente a escala continental. Para evitar duplicaciones y "
                "promover sinergias, las actividades se abordan en el ámbito regional de América del Norte "
                "y, cuando procede, contribuyen a otras iniciativas mundiales afines o se alinean con ellas."
            ),
        },
    },
]

CORE_VALUES = [
    {"code": "integrity", "position": 1, "name": {"en": "Integrity", "fr": "Intégrité", "es": "Integridad"}},
    {
        "code": "transparency",
        "position": 2,
        "name": {"en": "Transparency", "fr": "Transparence", "es": "Transparencia"},
    },
    {
        "code": "inclusiveness",
        "position": 3,
        "name": {"en": "Inclusiveness", "fr": "Inclusivité", "es": "Inclusión"},
    },
    {
        "code": "collaboration",
        "position": 4,
        "name": {"en": "Collaboration", "fr": "Collaboration", "es": "Colaboración"},
    },
    {
        "code": "excellence",
        "position": 5,
        "name": {"en": "Excellence", "fr": "Excellence", "es": "Excelencia"},
    },
]

UNITS = [
    {
        "code": "private-sector-engagement",
        "name": {
            "en": "Private Sector Engagement Unit",
            "fr": "Unité de la mobilisation du secteur privé",
            "es": "Unidad de Participación del Sector Privado",
        },
    },
    {
        "code": "outreach-partnerships",
        "name": {
            "en": "Outreach and Partnerships Unit",
            "fr": "Unité de la sensibilisation et des partenariats",
            "es": "Unidad de Difusión y Alianzas",
        },
    },
    {
        "code": "communications",
        "name": {
            "en": "Communications Unit",
            "fr": "Unité des communications",
            "es": "Unidad de Comunicación",
        },
    },
    {
        "code": "advisory-groups",
        "name": {"en": "Advisory Groups", "fr": "Groupes consultatifs", "es": "Grupos Consultivos"},
    },
]

INITIATIVES = [
    {
        "code": "prtr",
        "name": {
            "en": "Pollutant Release and Transfer Register (PRTR)",
            "fr": "Registre des rejets et des transferts de polluants (RRTP)",
            "es": "Registro de Emisiones y Transferencia de Contaminantes (RETC)",
        },
        "kind": "program",
        "status": "ongoing",
        "start_year": 1996,
        "end_year": None,
        "pillars": ["clean-air-land-water"],
    },
    {
        "code": "green-building",
        "name": {
            "en": "Improving Conditions for Green Building Construction in North America",
            "fr": (
                "Amélioration des conditions propices à la construction de bâtiments écologiques en Amérique du Nord"
            ),
            "es": ("Mejora de las condiciones para la construcción de edificaciones sustentables en América del Norte"),
        },
        "kind": "past",
        "status": "completed",
        "start_year": 2011,
        "end_year": 2014,
        "pillars": ["circular-economy", "innovative-solutions"],
    },
    {
        "code": "automotive-supply-chain",
        "name": {
            "en": (
                "Improving the Economic and Environmental Performance of the North American Automotive "
                "Industry Supply Chain"
            ),
            "fr": (
                "Amélioration de la performance économique et environnementale de la chaîne "
                "d’approvisionnement de l’industrie automobile nord-américaine"
            ),
            "es": (
                "Mejora del desempeño económico y ambiental de la cadena de suministro de la industria "
                "automotriz de América del Norte"
            ),
        },
        "kind": "past",
        "status": "completed",
        "start_year": 2011,
        "end_year": 2012,
        "pillars": ["clean-air-land-water", "circular-economy"],
    },
    {
        "code": "electronic-wastes",
        "name": {
            "en": "Sound Management of Electronic Wastes in North America",
            "fr": "Gestion rationnelle des déchets électroniques en Amérique du Nord",
            "es": "Manejo adecuado de residuos electrónicos en América del Norte",
        },
        "kind": "past",
        "status": "completed",
        "start_year": 2011,
        "end_year": 2012,
        "pillars": ["circular-economy"],
    },
    {
        "code": "green-ports-of-entry",
        "name": {
            "en": "Greening Transportation at North American Land Ports of Entry (POEs)",
            "fr": "Écologisation des transports aux points d’entrée terrestres de l’Amérique du Nord",
            "es": "Transporte más limpio en los puertos fronterizos terrestres de América del Norte",
        },
        "kind": "past",
        "status": "completed",
        "start_year": 2013,
        "end_year": 2014,
        "pillars": ["clean-air-land-water"],
    },
    {
        "code": "iso-50001-energy-efficiency",
        "name": {
            "en": "Increasing Industrial Energy Efficiency through ISO 50001",
            "fr": "Amélioration de l’efficacité énergétique industrielle au moyen de la norme ISO 50001",
            "es": "Aumento de la eficiencia energética industrial mediante la norma ISO 50001",
        },
        "kind": "past",
        "status": "completed",
        "start_year": 2017,
        "end_year": 2018,
        "pillars": ["circular-economy"],
    },
    {
        "code": "food-loss-waste",
        "name": {
            "en": "Preventing and reducing food loss and waste",
            "fr": "Prévention et réduction des pertes et du gaspillage alimentaires",
            "es": "Prevención y reducción de la pérdida y el desperdicio de alimentos",
        },
        "kind": "past",
        "status": "completed",
        "start_year": 2019,
        "end_year": 2020,
        "pillars": ["circular-economy"],
    },
    {
        "code": "youth-innovation-challenge",
        "name": {
            "en": "Youth Innovation Challenge",
            "fr": "Défi innovation jeunesse",
            "es": "Desafío Juvenil para la Innovación",
        },
        "kind": "program",
        "status": "ongoing",
        "start_year": None,
        "end_year": None,
        "pillars": ["innovative-solutions"],
    },
]
