/* PPS Portal — the side column's mini calendar changes month without reloading.
   Progressive enhancement: without JavaScript the previous/next links load the
   page with ?kalendarz=YYYY-MM. With it, the same-origin fragment endpoint
   (/kalendarz/mini/) returns the server-rendered month, which is swapped in;
   focus stays on the link that was used and the new month is announced. */
(function () {
  "use strict";

  if (window.ppsMiniCalendar) return; // the script may be included more than once
  window.ppsMiniCalendar = true;

  function announce(widget) {
    var status = widget.querySelector("[data-mini-calendar-status]");
    // Only the month's name: the link's hidden suffix is not news.
    var month = widget.querySelector("[data-month-name]");
    if (!status || !month) return;
    // Clear first so the same text read twice is still announced.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = month.textContent.trim();
    }, 50);
  }

  function load(link) {
    var widget = link.closest("[data-mini-calendar]");
    var body = widget && widget.querySelector("[data-mini-calendar-body]");
    var url = link.getAttribute("data-fragment-url");
    if (!body || !url) return false;
    var direction = link.getAttribute("data-mini-nav");
    widget.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        body.innerHTML = html;
        widget.removeAttribute("aria-busy");
        var again = body.querySelector("[data-mini-nav='" + direction + "']") ||
          body.querySelector(".mini-calendar__month");
        if (again) again.focus();
        announce(widget);
      })
      .catch(function () {
        // Fall back to the plain link: a full page load.
        window.location.assign(link.href);
      });
    return true;
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var link = event.target.closest("[data-mini-calendar] [data-mini-nav]");
    if (!link) return;
    if (load(link)) event.preventDefault();
  });
})();
