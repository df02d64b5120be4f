"""The board's cards, written in Python: a board shows a couple of hundred of them, and through the
template engine (an include, a translation and three URLs per card) they cost more than the queries."""

from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext

register = template.Library()


def _url(name: str) -> str:
    return reverse(name, args=[0]).replace("/0/", "/{}/")


@register.simple_tag
def board_cards(column, can_move: bool, next_url: str) -> str:
    detail, move = _url("partnerships:partnership_detail"), _url("partnerships:move")
    movable = can_move and not column.stage.is_closed
    move_label = gettext("Move")
    next_query = "?next=" + quote(next_url, safe="")
    rows = []
    for card in column.cards:
        if card.pledged:
            value = f"{number_format(card.pledged, decimal_pos=0, force_grouping=True)} {card.currency}"
        else:
            value = card.get_kind_display()
        days = ngettext("%(days)s day", "%(days)s days", card.days_in_stage) % {"days": card.days_in_stage}
        link = (
            format_html(
                '<a class="small" href="{}{}">{}<span class="visually-hidden">: {}</span></a>',
                move.format(card.pk),
                next_query,
                move_label,
                card.title,
            )
            if movable
            else ""
        )
        rows.append(
            (
                card.version,
                format_html(' data-move-url="{}" draggable="true"', move.format(card.pk)) if movable else "",
                detail.format(card.pk),
                card.title,
                card.lead_organization.name,
                value,
                days,
                link,
            )
        )
    return format_html_join(
        "\n",
        '<li class="board-card card card-body p-2" data-card data-version="{}"{}>'
        '<a class="fw-semibold small" href="{}">{}</a><span class="small">{}</span>'
        '<span class="small text-body-secondary d-flex justify-content-between gap-2"><span>{}</span>'
        '<span class="text-nowrap" data-days>{}</span></span>{}</li>',
        rows,
    )
