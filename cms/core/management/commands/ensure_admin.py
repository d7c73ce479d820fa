"""Create the first administrator once; never touches an existing account."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a superuser if none exists. Credentials come from CMS_ADMIN_USERNAME, CMS_ADMIN_EMAIL and "
        "CMS_ADMIN_PASSWORD; without a password one is generated and printed once."
    )

    def handle(self, *args, **options):
        user_model = get_user_model()
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator account already exists; nothing to do.")
            return
        username = os.environ.get("CMS_ADMIN_USERNAME", "admin")
        email = os.environ.get("CMS_ADMIN_EMAIL", "admin@example.org")
        password = os.environ.get("CMS_ADMIN_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Created the administrator «{username}»."))
        if generated:
            self.stdout.write(f"Its generated password, shown only now: {password}")
