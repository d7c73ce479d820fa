from django.core.management import call_command

from cms.linkcheck.models import LinkFinding


def test_check_links_finds_broken_external_and_internal(db, make_page, http_server, linkcheck_settings):
    page = make_page(
        f'<p><a href="{http_server.url("/ok")}">Работает</a> <a href="{http_server.url("/missing")}">Нет</a> '
        '<a href="/no-such-page/">Внутренняя</a> <a href="/">Главная</a></p>'
    )
    call_command("check_links")
    broken = set(LinkFinding.objects.filter(page=page, rule="broken-link").values_list("url", flat=True))
    assert broken == {http_server.url("/missing"), "/no-such-page/"}
