from .home import HomePage
from .information import InformationPage
from .rubric import RubricPage
from .site import SiteSettings

__all__ = ["HomePage", "InformationPage", "RubricPage", "SiteSettings"]
