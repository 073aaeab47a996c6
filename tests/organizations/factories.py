import factory

from organizations.models import Area, District, Organization


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Obszar {n}")
    slug = factory.Sequence(lambda n: f"obszar-{n}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Dzielnica {n}")
    slug = factory.Sequence(lambda n: f"dzielnica-{n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organizacja numer {n}")
    slug = factory.Sequence(lambda n: f"organizacja-numer-{n}")
    legal_form = Organization.LegalForm.ASSOCIATION
    status = Organization.Status.PUBLISHED
    krs = factory.Sequence(lambda n: f"{n + 1:010d}")
    city = "Częstochowa"

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


def pending(**kwargs):
    return OrganizationFactory(status=Organization.Status.PENDING, **kwargs)


def rejected(**kwargs):
    return OrganizationFactory(status=Organization.Status.REJECTED, rejection_reason="Duplikat.", **kwargs)


def proposed_change(organization, *, status="pending", message="", **changes):
    """A change `organization` proposed to its entry (`changes`: field → new value,
    in the stored form: a district's pk, a sorted list of area pks)."""
    from organizations.models import UPDATABLE_FIELDS, OrganizationChange
    from organizations.services import current_values

    original = current_values(organization)
    proposed = {**original, **changes}
    return OrganizationChange.objects.create(
        organization=organization,
        email=organization.email or "biuro@example.org",
        proposed=proposed,
        original=original,
        changed_fields=[name for name in UPDATABLE_FIELDS if proposed[name] != original[name]],
        message=message,
        status=status,
        reply="Nie zgadza się z KRS." if status == "rejected" else "",
    )
