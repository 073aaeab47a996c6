"""Organizations keep their own entry current, without accounts or passwords.

* /organizacje/<slug>/aktualizacja/ — ask for a one-time link; it goes only
  to the e-mail address in the public entry (the page answers the same
  whether or not a message went out);
* …/aktualizacja/<token>/ — the entry's form, prefilled; sending it makes a
  pending change for the editors (never an edit);
* …/potwierdzenie/<token>/ and …/przypomnienia/wypisz/<token>/ — the yearly
  e-mail's "Dane aktualne" and its one-click unsubscribe (RFC 8058).

Every page carrying a token is private (never cached) and every link that
no longer works gets a Polish page saying why.
"""

from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from organizations import links, notifications, services
from organizations.forms import OrganizationUpdateForm, UpdateLinkRequestForm
from organizations.models import LinkProblem, Organization, OrganizationChange
from pps_portal.languages import for_editors
from submissions.protection import rate_limited, too_many_requests

RATE_SCOPE = "organization-update"
_THANKS_SALT = "organizations.update-thanks"

# A tampered or unknown link is a bad request; one that worked once and
# no longer does (used, expired, its address changed) is gone.
LINK_PROBLEM_STATUS = {
    LinkProblem.INVALID: 400,
    LinkProblem.USED: 410,
    LinkProblem.EXPIRED: 410,
    LinkProblem.OUTDATED: 410,
}


def link_problem(request, problem, organization=None):
    """The page for a link from an e-mail that does not work (and why)."""
    return render(
        request,
        "organizations/link_problem.html",
        {"problem": problem, "title": problem.label, "organization": organization},
        status=LINK_PROBLEM_STATUS[problem],
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def update_request(request, slug):
    """ "Zaktualizuj dane": send a one-time link to the entry's own address."""
    organization = get_object_or_404(Organization.objects.published(), slug=slug)
    context = {"organization": organization}
    if organization.is_struck_off:
        return render(request, "organizations/update_request.html", context, status=410)
    if not organization.update_email:
        # Nothing to send to: the page says so and points to the contact form.
        return render(request, "organizations/update_request.html", context)
    if request.method == "POST" and rate_limited(request, scope=RATE_SCOPE):
        return too_many_requests(request)
    form = UpdateLinkRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with for_editors():
                issued = services.issue_update_link(organization=organization)
            if issued is not None:
                link, token = issued
                notifications.send_update_link(link, token, base_url=request.build_absolute_uri("/"))
            # The same answer whether a message went out or not (the daily
            # limit, a failing mail server): nothing to learn from it.
            return redirect("organizations:update_request_sent", slug=organization.slug)
        status = 400 if form.is_bot else 200
        form.refresh_token()
    return render(request, "organizations/update_request.html", {**context, "form": form}, status=status)


@require_safe
def update_request_sent(request, slug):
    organization = get_object_or_404(Organization.objects.published(), slug=slug)
    return render(request, "organizations/update_request_sent.html", {"organization": organization})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def update_form(request, slug, token):
    """The entry's form behind a one-time link; sending it proposes the changes."""
    link, problem = services.find_update_link(token)
    if problem:
        return link_problem(request, problem, link.organization if link else None)
    if request.method == "POST" and rate_limited(request, scope=RATE_SCOPE):
        return too_many_requests(request)
    # A copy of the entry, for the form to validate against; never saved.
    instance = Organization.objects.get(pk=link.organization_id)
    form = OrganizationUpdateForm(request.POST or None, instance=instance)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                with for_editors():
                    change = services.submit_change(
                        link=link,
                        proposed=services.form_values(form.cleaned_data),
                        message=form.cleaned_data["message"],
                    )
            except services.LinkRefused as refused:
                return link_problem(request, refused.problem, link.organization)
            if change is None:
                outcome = ["confirmed", link.organization_id]
            else:
                with for_editors():
                    notifications.notify_editors_of_change(change, base_url=request.build_absolute_uri("/"))
                outcome = ["change", change.pk]
            token = signing.dumps(outcome, salt=_THANKS_SALT)
            return redirect(f"{reverse('organizations:update_thanks', args=[link.organization.slug])}?z={token}")
        status = 400 if form.is_bot else 200
        form.refresh_token()
    return render(
        request,
        "organizations/update_form.html",
        {
            "form": form,
            "form_title": _("Zaktualizuj dane organizacji"),
            "organization": link.organization,
            "link": link,
        },
        status=status,
    )


@require_safe
def update_thanks(request, slug):
    """After the form: the change is with the editors (or, nothing changed, the data is confirmed).
    From a signed value, so the page cannot be made up for another entry."""
    try:
        kind, pk = signing.loads(request.GET.get("z", ""), salt=_THANKS_SALT, max_age=24 * 3600)
    except (signing.BadSignature, TypeError, ValueError):
        raise Http404 from None
    if kind == "change":
        change = get_object_or_404(OrganizationChange.objects.select_related("organization"), pk=pk)
        context = {"organization": change.organization, "change": change}
        context["fields"] = services.field_labels(change.changed_fields)
    else:
        context = {"organization": get_object_or_404(Organization.objects.published(), pk=pk), "confirmed": True}
    return render(request, "organizations/update_thanks.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, slug, token):
    """ "Dane aktualne" from the yearly e-mail: a page with a button; the POST confirms."""
    organization, problem = links.read_token(
        token,
        salt=links.CONFIRM_SALT,
        max_age=links.CONFIRM_MAX_AGE,
        queryset=Organization.objects.select_related("district").prefetch_related("areas"),
    )
    if problem:
        return link_problem(request, problem)
    done = False
    if request.method == "POST":
        with for_editors():
            organization.confirmed_at = services.confirm_data(organization=organization).confirmed_at
        done = True
    return render(request, "organizations/confirm.html", {"organization": organization, "done": done})


@csrf_exempt  # RFC 8058: the mail client POSTs without cookies; the signed token is the authority
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def stop_reminders(request, slug, token):
    """The one-click unsubscribe of the yearly e-mail (also its List-Unsubscribe URL):
    GET shows a button, any POST (a person's, or the mail client's
    "List-Unsubscribe=One-Click") unsubscribes."""
    organization, problem = links.read_token(token, salt=links.STOP_SALT)
    if problem:
        return link_problem(request, problem)
    done = organization.reminders_stopped_at is not None
    if request.method == "POST":
        with for_editors():
            services.stop_reminders(organization=organization)
        done = True
    return render(request, "organizations/stop_reminders.html", {"organization": organization, "done": done})
