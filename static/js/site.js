/* PPS Portal — progressive enhancement only: every feature works without it.
   Loaded with `defer` from a same-origin file (strict CSP, no inline script). */
(function () {
  "use strict";

  var FONT_COOKIE = "pps_font";
  var CONTRAST_COOKIE = "pps_contrast";
  var YEAR = 365 * 24 * 3600;
  var root = document.documentElement;

  function writeCookie(name, value, maxAge) {
    var secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = name + "=" + value + "; Max-Age=" + maxAge + "; Path=/; SameSite=Lax" + secure;
  }

  var systemPrefersContrast = window.matchMedia && window.matchMedia("(prefers-contrast: more)").matches;

  function initAccessibilityControls() {
    var form = document.querySelector(".a11y-controls");
    if (!form) return;
    // Font sizes in percent, one per step, from the server (pps_portal.a11y.FONT_STEPS).
    var steps = (form.getAttribute("data-font-steps") || "100").split(" ");
    var stepText = form.querySelector("[data-font-step]");
    var smaller = form.querySelector("[data-a11y='smaller']");
    var larger = form.querySelector("[data-a11y='larger']");
    var reset = form.querySelector("[data-a11y='reset']");

    // Keep one contrast button (the server renders a pair when no choice
    // has been made; see includes/a11y_controls.html) and let it toggle.
    var contrastButtons = form.querySelectorAll("[data-a11y='contrast']");
    for (var i = 1; i < contrastButtons.length; i++) contrastButtons[i].remove();
    var contrastButton = contrastButtons[0];
    if (contrastButton) contrastButton.className = "";

    function currentFontStep() {
      var match = root.className.match(/(?:^|\s)font-(\d)(?:\s|$)/);
      return match ? parseInt(match[1], 10) : 0;
    }

    function contrastChoice() {
      if (root.classList.contains("theme-contrast")) return true;
      if (root.classList.contains("theme-default")) return false;
      return null;
    }

    function setDisabled(button, disabled) {
      // aria-disabled, not disabled: the button keeps focus and stays in the
      // tab order, and a screen reader says it is unavailable.
      if (!button) return;
      if (disabled) button.setAttribute("aria-disabled", "true");
      else button.removeAttribute("aria-disabled");
    }

    function showState() {
      var step = currentFontStep();
      var choice = contrastChoice();
      setDisabled(smaller, step === 0);
      setDisabled(larger, step === steps.length - 1);
      setDisabled(reset, step === 0 && choice === null);
      if (contrastButton) {
        var on = choice === null ? systemPrefersContrast : choice;
        contrastButton.setAttribute("aria-pressed", on ? "true" : "false");
      }
    }

    function setFontStep(step) {
      step = Math.max(0, Math.min(steps.length - 1, step));
      root.className = (root.className.replace(/(?:^|\s)font-\d(?=\s|$)/g, "") + " font-" + step).trim();
      writeCookie(FONT_COOKIE, String(step), YEAR);
      // The step is a live region: the new size is announced once.
      if (stepText) stepText.textContent = steps[step] + "%";
    }

    function setContrast(choice) {
      root.classList.toggle("theme-contrast", choice === true);
      root.classList.toggle("theme-default", choice === false);
      if (choice === null) writeCookie(CONTRAST_COOKIE, "", 0);
      else writeCookie(CONTRAST_COOKIE, choice ? "1" : "0", YEAR);
    }

    form.addEventListener("click", function (event) {
      var button = event.target.closest("[data-a11y]");
      if (!button) return;
      // Handled here, instantly; the form's POST is the no-JavaScript path.
      event.preventDefault();
      if (button.getAttribute("aria-disabled") === "true") return;
      var action = button.getAttribute("data-a11y");
      if (action === "smaller") setFontStep(currentFontStep() - 1);
      else if (action === "larger") setFontStep(currentFontStep() + 1);
      else if (action === "contrast") {
        var choice = contrastChoice();
        setContrast(!(choice === null ? systemPrefersContrast : choice));
      } else if (action === "reset") {
        setFontStep(0);
        setContrast(null);
      }
      showState();
      // Reset hides itself once used: keep focus in the controls.
      if (action === "reset" && larger) larger.focus();
    });
    showState();
  }

  // GOV.UK pattern: after a failed submit, focus the error summary so screen
  // readers read it first; its links move focus to each field and scroll the
  // field's label, hint and error into view with it (a plain fragment would
  // put the input at the very top, its label above the screen).
  function initErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var target = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      var input = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
      var question = target.closest("fieldset, .field") || target;
      event.preventDefault();
      question.scrollIntoView({ block: "start" });
      (input || question).focus({ preventScroll: true });
    });
  }

  initAccessibilityControls();
  initErrorSummary();
})();
