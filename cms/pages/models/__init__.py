from .home import HomePage
from .information import InformationPage
from .rubric import RubricPage
from .rubric_keys import RubricKey
from .site import SiteSettings
from .units import UnitsPage

__all__ = ["HomePage", "InformationPage", "RubricKey", "RubricPage", "SiteSettings", "UnitsPage"]
