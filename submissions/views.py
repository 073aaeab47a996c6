"""The public forms: /zglos/news/, /zglos/blad/, /zglos/organizacje/,
/zglos/wydarzenie/, /kontakt/ and the thank-you page."""

from django.core import signing
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from pps_portal.languages import for_editors
from submissions import services
from submissions.forms import (
    ContactForm,
    ErrorReportForm,
    EventSubmissionForm,
    NewsSubmissionForm,
    OrganizationSubmissionForm,
)
from submissions.models import Submission
from submissions.notifications import notify_submission
from submissions.protection import rate_limited, too_many_requests

_THANKS_SALT = "submissions.thanks"


def _handle(request, *, form_class, submit, template, title, initial=None):
    """GET shows the form; POST validates, saves, notifies, redirects."""
    if request.method == "POST" and rate_limited(request):
        return too_many_requests(request)
    form = form_class(request.POST or None, request.FILES or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            visitor_language = translation.get_language()
            try:
                # What is stored and sent to editors (history, notices) is in
                # Polish, whatever language the form was filled in.
                with for_editors():
                    submission = submit(form, visitor_language)  # saved (and numbered) before any e-mail
            except IntegrityError:
                # A constraint the form could not check beforehand (another
                # submission won the race for the same KRS or slug): say so,
                # keep what the person typed.
                form.add_error(
                    None,
                    _(
                        "Nie udało się zapisać zgłoszenia, bo w międzyczasie zmieniły się dane w bazie. "
                        "Sprawdź formularz i wyślij go ponownie."
                    ),
                )
            else:
                with for_editors():
                    notify_submission(submission, base_url=request.build_absolute_uri("/"))
                token = signing.dumps(submission.reference, salt=_THANKS_SALT)
                return redirect(f"{reverse('submissions:thanks')}?z={token}")
        status = 400 if form.is_bot else 200
        form.refresh_token()
    return render(
        request,
        template,
        {
            "form": form,
            "form_title": title,
            # Browsers never keep a chosen file after an error: say so.
            "files_lost": request.method == "POST" and bool(request.FILES) and not form.is_valid(),
        },
        status=status,
    )


def submit_news(request):
    return _handle(
        request,
        form_class=NewsSubmissionForm,
        submit=lambda form, language: services.submit_news(data=form.cleaned_data, language=language),
        template="submissions/news.html",
        title=_("Zgłoś newsa"),
    )


def submit_error(request):
    initial = {"page_url": _reported_page(request)}
    return _handle(
        request,
        form_class=ErrorReportForm,
        submit=lambda form, language: services.submit_error_report(data=form.cleaned_data, language=language),
        template="submissions/error.html",
        title=_("Zgłoś błąd"),
        initial=initial,
    )


def _reported_page(request):
    """?url= or the referring page, if it is on this site."""
    candidate = request.GET.get("url") or request.META.get("HTTP_REFERER", "")
    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
        return candidate[:500]
    return ""


def submit_organization(request):
    return _handle(
        request,
        form_class=OrganizationSubmissionForm,
        submit=lambda form, language: services.submit_organization(form=form, language=language),
        template="submissions/organization.html",
        title=_("Zgłoś organizację"),
    )


def submit_event(request):
    return _handle(
        request,
        form_class=EventSubmissionForm,
        submit=lambda form, language: services.submit_event(form=form, language=language),
        template="submissions/event.html",
        title=_("Zgłoś wydarzenie"),
    )


def contact(request):
    return _handle(
        request,
        form_class=ContactForm,
        submit=lambda form, language: services.submit_contact_message(data=form.cleaned_data, language=language),
        template="submissions/contact.html",
        title=_("Kontakt"),
    )


def thanks(request):
    """The reference number, from a signed value so the page cannot be faked."""
    try:
        reference = signing.loads(request.GET.get("z", ""), salt=_THANKS_SALT, max_age=24 * 3600)
    except signing.BadSignature:
        raise Http404 from None
    submission = Submission.objects.filter(reference=reference).only("kind", "reference", "wants_copy").first()
    if submission is None:
        raise Http404
    return render(request, "submissions/thanks.html", {"submission": submission})
