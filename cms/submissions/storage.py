"""The private file storage of attachments: a FileSystemStorage that has no public URL."""

import os

from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

from . import conf


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT; ``url()`` refuses, so no template can link one by mistake."""

    # Read the setting on every use (not cached at start-up) so tests and deployments can move it.
    @property
    def base_location(self):
        return str(conf.private_media_root())

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private submission files have no public URL; use the inbox's attachment view.")


def private_storage() -> PrivateStorage:
    # A callable, so migrations record no path.
    return PrivateStorage()
