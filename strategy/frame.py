"""Loads the strategy's frame, in English, French and Spanish, from strategy/frame_data.py."""

from . import frame_data


def texts(prefix, values):
    return {f"{prefix}_{lang}": values[lang] for lang in ("en", "fr", "es")}


def load_frame(apps) -> None:
    """Create or update the frame from frame_data; safe to run again. ``apps`` is a migration's
    historical registry or Django's own."""
    Goal = apps.get_model("strategy", "Goal")
    Objective = apps.get_model("strategy", "Objective")
    Action = apps.get_model("strategy", "Action")
    Pillar = apps.get_model("strategy", "Pillar")
    AreaOfRelevance = apps.get_model("strategy", "AreaOfRelevance")
    KeyPrinciple = apps.get_model("strategy", "KeyPrinciple")
    CoreValue = apps.get_model("strategy", "CoreValue")
    Unit = apps.get_model("strategy", "Unit")
    Initiative = apps.get_model("strategy", "Initiative")

    for goal_data in frame_data.GOALS:
        goal, _ = Goal.objects.update_or_create(number=goal_data["number"], defaults=texts("title", goal_data["title"]))
        for position, objective_data in enumerate(goal_data["objectives"], start=1):
            objective, _ = Objective.objects.update_or_create(
                code=objective_data["code"],
                defaults={"goal": goal, "position": position, **texts("text", objective_data["text"])},
            )
            for action_position, action_data in enumerate(objective_data["actions"], start=1):
                Action.objects.update_or_create(
                    code=action_data["code"],
                    defaults={
                        "objective": objective,
                        "position": action_position,
                        **texts("text", action_data["text"]),
                    },
                )

    for position, pillar_data in enumerate(frame_data.PILLARS, start=1):
        pillar, _ = Pillar.objects.update_or_create(
            code=pillar_data["code"],
            defaults={
                "kind": pillar_data["kind"],
                "position": position,
                **texts("name", pillar_data["name"]),
            },
        )
        for area_position, area_data in enumerate(pillar_data["areas"], start=1):
            AreaOfRelevance.objects.update_or_create(
                pillar=pillar,
                position=area_position,
                defaults={**texts("label", area_data["label"]), **texts("text", area_data["text"])},
            )

    for principle in frame_data.KEY_PRINCIPLES:
        KeyPrinciple.objects.update_or_create(
            code=principle["code"],
            defaults={
                "section": principle["section"],
                **texts("name", principle["name"]),
                **texts("description", principle["description"]),
            },
        )
    for value in frame_data.CORE_VALUES:
        CoreValue.objects.update_or_create(
            code=value["code"], defaults={"position": value["position"], **texts("name", value["name"])}
        )
    for unit in frame_data.UNITS:
        Unit.objects.update_or_create(code=unit["code"], defaults=texts("name", unit["name"]))
    for initiative_data in frame_data.INITIATIVES:
        initiative, _ = Initiative.objects.update_or_create(
            code=initiative_data["code"],
            defaults={
                "kind": initiative_data["kind"],
                "status": initiative_data["status"],
                "start_year": initiative_data["start_year"],
                "end_year": initiative_data["end_year"],
                **texts("name", initiative_data["name"]),
            },
        )
        initiative.pillars.set(Pillar.objects.filter(code__in=initiative_data["pillars"]))
