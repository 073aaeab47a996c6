import factory
from django.utils import timezone

from submissions.models import Submission


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A contact message by default; `kind=` and the target record for others."""

    class Meta:
        model = Submission
        skip_postgeneration_save = True

    kind = Submission.Kind.CONTACT
    title = "Pytanie o dotacje"
    message = "Kiedy ruszy nabór wniosków?"
    contact_name = "Anna Nowak"
    contact_email = "anna@example.pl"
    consent_at = factory.LazyFunction(timezone.now)
    status = Submission.workflow.initial
    rejection_reason = factory.LazyAttribute(lambda o: "Spam." if o.status == "rejected" else "")

    @factory.post_generation
    def numbered(self, create, extracted, **kwargs):
        """The reference number, as the public forms give it."""
        if create:
            self.reference = Submission.make_reference(self.pk, self.created_at)
            self.save(update_fields=["reference"])
