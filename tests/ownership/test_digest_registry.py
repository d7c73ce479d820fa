from cms.ownership.digest import DigestSection, collect_sections, register_digest_section, unregister_digest_section


def test_registered_provider_contributes_and_can_be_removed():
    def provider(user, pages):
        return DigestSection("Links", [f"{len(pages)} pages"])

    register_digest_section(provider)
    register_digest_section(provider)  # twice is once
    try:
        assert collect_sections(None, [1, 2]) == [DigestSection("Links", ["2 pages"])]
    finally:
        unregister_digest_section(provider)
    assert collect_sections(None, [1, 2]) == []


def test_empty_or_failing_providers_are_skipped(caplog):
    def empty(user, pages):
        return DigestSection("Nothing", [])

    def broken(user, pages):
        raise RuntimeError("boom")

    def none(user, pages):
        return None

    for provider in (empty, broken, none):
        register_digest_section(provider)
    try:
        assert collect_sections(None, []) == []
        assert "boom" in caplog.text
    finally:
        for provider in (empty, broken, none):
            unregister_digest_section(provider)
