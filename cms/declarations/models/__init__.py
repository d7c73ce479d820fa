from .archive import ArchiveDocument, DocumentKind, PlansArchivePage
from .declarations import DeclarationIndexPage, DeclarationPage, DeclarationReport
from .discussion import PlanDiscussionPage
from .drafts import DraftActIndexPage, DraftActPage, DraftStage
from .indicators import Direction, Indicator, Period
from .proposals import Decision, Proposal

__all__ = [
    "ArchiveDocument",
    "DeclarationIndexPage",
    "DeclarationPage",
    "DeclarationReport",
    "Decision",
    "Direction",
    "DocumentKind",
    "DraftActIndexPage",
    "DraftActPage",
    "DraftStage",
    "Indicator",
    "Period",
    "PlanDiscussionPage",
    "PlansArchivePage",
    "Proposal",
]
