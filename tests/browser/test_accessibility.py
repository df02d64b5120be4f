"""axe-core finds no serious or critical violation on any page, in any of the three languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from accounts.choices import Role
from strategy.models import Initiative
from tests.browser.conftest import sign_in
from tests.factories.accounts import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = ["/accounts/login/", "/accounts/password/reset/", "/accounts/password/reset/sent/"]
SIGNED_IN_PAGES = [
    "/",
    "/strategy/",
    "/initiatives/",
    "/initiatives/{initiative}/",
    "/accounts/preferences/",
    "/accounts/password/change/",
    "/no-such-page/",
]


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_no_page_has_a_serious_accessibility_violation(page, live_server, make_user, language, screenshot):
    make_user(Role.ADMINISTRATOR, email="a11y@cec.example", preferred_language=language)
    initiative = Initiative.objects.order_by("pk").first()
    found = {}
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    for url in PUBLIC_PAGES:
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == language
        found[url] = serious_violations(page)
    page.context.clear_cookies()  # sign in through the English form; the account's language then applies
    sign_in(page, "a11y@cec.example", PASSWORD)
    for url in SIGNED_IN_PAGES:
        page.goto(url.format(initiative=initiative.code))
        assert page.locator("html").get_attribute("lang") == language
        found[url] = serious_violations(page)
        if url == "/":
            screenshot(f"home-{language}")
    assert not {url: v for url, v in found.items() if v}
