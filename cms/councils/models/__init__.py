from .activity import DraftAct, FormationNotice, FormationNoticeDocument, Publication, PublicationKind
from .pages import (
    CouncilCompositionsPage,
    CouncilDraftActsPage,
    CouncilFormationPage,
    CouncilIndexPage,
    CouncilMeetingsPage,
    CouncilPage,
    CouncilPlansPage,
    CouncilStatutesPage,
)
from .registry import CouncilMember, CouncilRole, CouncilStatute, Meeting, WorkPlan

__all__ = [
    "CouncilCompositionsPage",
    "CouncilDraftActsPage",
    "CouncilFormationPage",
    "CouncilIndexPage",
    "CouncilMeetingsPage",
    "CouncilMember",
    "CouncilPage",
    "CouncilPlansPage",
    "CouncilRole",
    "CouncilStatute",
    "CouncilStatutesPage",
    "DraftAct",
    "FormationNotice",
    "FormationNoticeDocument",
    "Meeting",
    "Publication",
    "PublicationKind",
    "WorkPlan",
]
