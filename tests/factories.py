"""Factories shared by every app's tests."""

import factory
from django.contrib.auth import get_user_model

PASSWORD = "haslo-testowe-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"uzytkownik{n}")
    password = factory.django.Password(PASSWORD)
