/* PPS Portal — progressive enhancement only: every feature works without it.
   Loaded with `defer` from a same-origin file (strict CSP, no inline script). */
(function () {
  "use strict";

  var FONT_COOKIE = "pps_font";
  var CONTRAST_COOKIE = "pps_contrast";
  var MAX_FONT_STEP = 3;
  var YEAR = 365 * 24 * 3600;
  var root = document.documentElement;


  function writeCookie(name, value) {
    var secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = name + "=" + value + "; Max-Age=" + YEAR + "; Path=/; SameSite=Lax" + secure;
  }

  function currentFontStep() {
    var match = root.className.match(/(?:^|\s)font-(\d)(?:\s|$)/);
    return match ? parseInt(match[1], 10) : 0;
  }

  function setFontStep(step) {
    step = Math.max(0, Math.min(MAX_FONT_STEP, step));
    root.className = root.className.replace(/(?:^|\s)font-\d(?=\s|$)/g, "").trim() + " font-" + step;
    writeCookie(FONT_COOKIE, String(step));
  }

  var systemPrefersContrast = window.matchMedia && window.matchMedia("(prefers-contrast: more)").matches;

  function contrastIsOn() {
    if (root.classList.contains("theme-contrast")) return true;
    if (root.classList.contains("theme-default")) return false;
    return systemPrefersContrast;
  }

  function setContrast(on, button) {
    root.classList.toggle("theme-contrast", on);
    root.classList.toggle("theme-default", !on);
    writeCookie(CONTRAST_COOKIE, on ? "1" : "0");
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  function initAccessibilityControls() {
    // Keep one contrast button (the server renders a pair when no choice
    // has been made; see base.html) and let it toggle.
    var contrastButtons = document.querySelectorAll("[data-a11y='contrast']");
    for (var i = 1; i < contrastButtons.length; i++) contrastButtons[i].remove();
    var contrastButton = contrastButtons[0];
    if (contrastButton) {
      contrastButton.className = "";
      contrastButton.setAttribute("aria-pressed", contrastIsOn() ? "true" : "false");
    }

    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-a11y]");
      if (!button) return;
      // Handled here, instantly; the form's POST is the no-JavaScript path.
      event.preventDefault();
      var action = button.getAttribute("data-a11y");
      if (action === "smaller") setFontStep(currentFontStep() - 1);
      else if (action === "larger") setFontStep(currentFontStep() + 1);
      else if (action === "contrast") setContrast(!contrastIsOn(), button);
    });
  }

  // GOV.UK pattern: after a failed submit, focus the error summary so screen
  // readers read it first; its links move focus to each field.
  function initErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  }

  initAccessibilityControls();
  initErrorSummary();
})();
