"""The anti-corruption section's models, split by subsection."""

from .commission import CommissionMeeting, CommissionMember, CommissionPage, CommissionRole
from .disclosure_page import DisclosuresPage
from .disclosures import DisclosureCampaign, DisclosureRow, PropertyUse, RealEstateItem, Relation, VehicleItem
from .expertise import ExpertConclusion, ExpertiseDraftPage, ExpertisePage
from .feedback import CorruptionReport, ReportFormPage
from .pages import DocumentFormsPage, LegalActsPage, MethodicalMaterialsPage, ReportsPage

__all__ = [
    "CommissionMeeting",
    "CommissionMember",
    "CommissionPage",
    "CommissionRole",
    "CorruptionReport",
    "DisclosureCampaign",
    "DisclosureRow",
    "DisclosuresPage",
    "DocumentFormsPage",
    "ExpertiseDraftPage",
    "ExpertConclusion",
    "ExpertisePage",
    "LegalActsPage",
    "MethodicalMaterialsPage",
    "PropertyUse",
    "RealEstateItem",
    "Relation",
    "ReportFormPage",
    "ReportsPage",
    "VehicleItem",
]
