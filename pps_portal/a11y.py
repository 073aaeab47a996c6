"""Accessibility preferences: font step and high-contrast theme.

Kept in two cookies so they persist across pages and visits without a
session. The server renders them as classes on <html>, so the page never
flashes the default look; static/js/site.js changes the same cookies and
classes instantly when JavaScript runs.

Pages read them only through `preferences_for(request)` (the `a11y`
template variable), which tells the page cache that the response differs
per preference: it is then stored once per font step × contrast and sent
with `Vary: Cookie`.
"""

from dataclasses import dataclass

from django.conf import settings

FONT_COOKIE = "pps_font"
CONTRAST_COOKIE = "pps_contrast"
FONT_STEPS = (100, 125, 150, 175)  # percent of the browser's default size
MAX_FONT_STEP = len(FONT_STEPS) - 1
ACTIONS = ("smaller", "larger", "contrast", "contrast-on", "contrast-off", "reset")


def control_id(action):
    """The id of the top bar's button for `action` (includes/a11y_controls.html):
    the no-JavaScript redirect returns to it with a fragment, so focus stays
    on the control. Reset hides itself, so focus goes to the font buttons."""
    if action.startswith("contrast"):
        return "a11y-contrast"
    if action == "reset":
        return "a11y-larger"
    return f"a11y-{action}" if action in ACTIONS else ""


@dataclass(frozen=True)
class Preferences:
    font_step: int = 0
    # None: follow the system (prefers-contrast); True/False: the user's choice.
    contrast: bool | None = None

    @classmethod
    def from_cookies(cls, cookies):
        try:
            font_step = int(cookies.get(FONT_COOKIE, 0))
        except ValueError:
            font_step = 0
        font_step = min(max(font_step, 0), MAX_FONT_STEP)
        contrast = {"1": True, "0": False}.get(cookies.get(CONTRAST_COOKIE, ""))
        return cls(font_step=font_step, contrast=contrast)

    def apply(self, action):
        """The preferences after one of the top bar's buttons."""
        if action == "smaller":
            return Preferences(max(self.font_step - 1, 0), self.contrast)
        if action == "larger":
            return Preferences(min(self.font_step + 1, MAX_FONT_STEP), self.contrast)
        if action == "contrast":
            return Preferences(self.font_step, not self.contrast)
        # The two explicit states, for the no-JavaScript buttons of someone
        # who has not chosen yet (the server cannot see prefers-contrast).
        if action == "contrast-on":
            return Preferences(self.font_step, True)
        if action == "contrast-off":
            return Preferences(self.font_step, False)
        if action == "reset":
            return Preferences()
        return self

    font_steps = FONT_STEPS

    @property
    def font_percent(self):
        return FONT_STEPS[self.font_step]

    @property
    def is_smallest(self):
        return self.font_step == 0

    @property
    def is_largest(self):
        return self.font_step == MAX_FONT_STEP

    @property
    def is_default(self):
        """Nothing to reset: default font and the system's contrast setting."""
        return self.font_step == 0 and self.contrast is None

    @property
    def html_class(self):
        classes = [f"font-{self.font_step}"]
        if self.contrast is True:
            classes.append("theme-contrast")
        elif self.contrast is False:
            classes.append("theme-default")
        return " ".join(classes)

    def set_cookies(self, response):
        options = {
            "max_age": settings.A11Y_COOKIE_MAX_AGE,
            "samesite": "Lax",
            "secure": settings.HTTPS,
            # Read by site.js as well, so not HttpOnly; it holds no secret.
            "httponly": False,
        }
        response.set_cookie(FONT_COOKIE, str(self.font_step), **options)
        if self.contrast is None:
            response.delete_cookie(CONTRAST_COOKIE)
        else:
            response.set_cookie(CONTRAST_COOKIE, "1" if self.contrast else "0", **options)


def preferences_for(request):
    """The visitor's preferences, noting that the response depends on them (see the module docstring)."""
    request.varies_on_preferences = True
    return Preferences.from_cookies(request.COOKIES)
