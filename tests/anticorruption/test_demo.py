"""The demo hook fills the section with fictional data, idempotently."""

import pytest

from cms.anticorruption.demo import fill
from cms.anticorruption.models import (
    CommissionMeeting,
    CommissionMember,
    DisclosureCampaign,
    DisclosureRow,
    ExpertConclusion,
    ExpertiseDraftPage,
)

pytestmark = pytest.mark.django_db


def test_fill_is_complete_and_idempotent(client, section):
    done = fill(dict(section))
    assert done
    years = list(DisclosureCampaign.objects.values_list("year", flat=True))
    assert len(years) == 2
    for campaign in DisclosureCampaign.objects.all():
        officials = DisclosureRow.objects.filter(campaign=campaign, relation="official")
        assert officials.count() >= 5
        assert all(o.relatives.exists() for o in officials)
        for row in DisclosureRow.objects.filter(campaign=campaign):
            row.full_clean()  # the demo data passes the exclusion rules
    assert CommissionMember.objects.count() >= 3 and CommissionMeeting.objects.count() >= 2
    open_drafts = [d for d in ExpertiseDraftPage.objects.live() if d.accepts_conclusions()]
    assert open_drafts
    assert ExpertConclusion.objects.filter(is_published=True).exists()
    assert len(section["normativnye-akty"].__class__.objects.get(pk=section["normativnye-akty"].pk).documents) >= 2
    for page in section.values():
        assert client.get(page.url).status_code == 200
    assert fill(dict(section)) == []
