"""Keeping bots out of the public forms without third-party services.

* a honeypot field people never see (CSS hides it; it is also out of the
  tab order and hidden from screen readers);
* a signed token with the time the form was shown: a form sent back
  sooner than SUBMISSIONS_MIN_FILL_SECONDS is refused (bots post at once), and one
  older than a day asks for a fresh form;
* a per-IP rate limit counted in the shared cache (pps_portal.caches: every
  worker and app server counts in one place), answered with 429.

The request-size limit is site-wide: pps_portal.middleware.
"""

import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext_lazy as _

from pps_portal.caches import CacheUnavailable

MAX_FORM_AGE_SECONDS = 24 * 3600
_SALT = "submissions.form-shown-at"


def issue_token(form_name):
    """A signed (time shown, random id, form) triple; each id works once."""
    return signing.dumps([int(time.time()), secrets.token_hex(8), form_name], salt=_SALT)


class BotProtectionMixin(forms.Form):
    """Honeypot + minimum fill time for an anonymous form."""

    # Named like a field bots love to fill; people never see it.
    website_url = forms.CharField(
        required=False,
        label=_("Zostaw to pole puste"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput)

    bot_error = _("Nie udało się wysłać formularza. Odśwież stronę i spróbuj ponownie.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["form_token"] = issue_token(self.token_name())

    def clean_website_url(self):
        if self.cleaned_data.get("website_url"):
            raise forms.ValidationError(self.bot_error, code="honeypot")
        return ""

    @classmethod
    def token_name(cls):
        return cls.__name__

    def clean_form_token(self):
        token = self.cleaned_data.get("form_token", "")
        try:
            shown_at, nonce, form_name = signing.loads(token, salt=_SALT)
            shown_at = int(shown_at)
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(self.bot_error, code="bad_token") from None
        if form_name != self.token_name():
            raise forms.ValidationError(self.bot_error, code="bad_token")
        if time.time() - shown_at > MAX_FORM_AGE_SECONDS:
            raise forms.ValidationError(
                _("Formularz był otwarty zbyt długo. Sprawdź dane i wyślij go ponownie."), code="expired"
            )
        if time.time() - shown_at < settings.SUBMISSIONS_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("Formularz został wysłany zbyt szybko. Sprawdź dane i wyślij go ponownie."), code="too_fast"
            )
        # Single use: one shown form, one attempt, recorded in the shared cache
        # (every worker and app server sees it). A person who gets an error gets
        # a fresh token with the re-rendered form (refresh_token).
        try:
            first_use = cache.add(f"form-token:{nonce}", 1, timeout=MAX_FORM_AGE_SECONDS)
        except CacheUnavailable:
            # Fail open while the cache is away: the signature, the age and the
            # honeypot still apply, and a submission only reaches editors.
            first_use = True
        if not first_use:
            raise forms.ValidationError(self.bot_error, code="bad_token")
        return token

    @property
    def is_bot(self):
        """True when the honeypot or the token gave the sender away."""
        return any(
            error.code in {"honeypot", "bad_token"}
            for name in ("website_url", "form_token")
            for error in self.errors.as_data().get(name, [])
        )

    def refresh_token(self):
        """After an error, a new token so a person's resubmission is timed afresh."""
        data = self.data.copy()
        data["form_token"] = issue_token(self.token_name())
        self.data = data


def client_ip(request):
    """The sender's address; the proxy's X-Forwarded-For only when configured."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, *, scope="submit"):
    """Count one attempt for this IP; True when over the limit.

    A fixed window per IP: simple, shared through the cache, and enough to
    stop a flood while never bothering a person filling in a few forms.
    While the shared cache is unreachable nothing is counted and nobody is
    limited (fails open: residents' messages matter more than a flood's
    cost, and every submission waits for an editor anyway).
    """
    limit = settings.SUBMISSIONS_RATE_LIMIT
    window = settings.SUBMISSIONS_RATE_WINDOW
    key = f"ratelimit:{scope}:{client_ip(request)}:{int(time.time() // window)}"
    try:
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add() and incr()
            cache.set(key, 1, timeout=window)
            count = 1
    except CacheUnavailable:
        return False
    return count > limit


def too_many_requests(request):
    template = loader.get_template("429.html")
    response = HttpResponse(template.render({}, request), status=429)
    response["Retry-After"] = str(settings.SUBMISSIONS_RATE_WINDOW)
    return response
