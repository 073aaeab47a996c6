/* Baza NGO: a "Kopiuj" button next to each KRS number (progressive
   enhancement: without JavaScript the number is plain, selectable text).
   Texts come from #copy-messages, rendered through Django's i18n. */
(function () {
  "use strict";
  var messages = document.getElementById("copy-messages");
  if (!navigator.clipboard || !messages) { return; }
  var text = function (name) { return messages.getAttribute("data-" + name) || ""; };
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  document.querySelectorAll("code[data-copy]").forEach(function (code) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    // The visible text never changes, so it stays part of the accessible
    // name (WCAG 2.5.3); success is shown by a class and announced.
    button.textContent = text("copy");
    button.setAttribute("aria-label", code.getAttribute("data-copy-label") || text("label") + " " + code.textContent.trim());
    button.addEventListener("click", function () {
      var value = code.textContent.trim();
      navigator.clipboard.writeText(value).then(function () {
        button.classList.add("copy-button--done");
        status.textContent = text("copied") + " " + value + ".";
        window.setTimeout(function () { button.classList.remove("copy-button--done"); }, 2000);
      }, function () {
        status.textContent = text("failed");
      });
    });
    code.insertAdjacentElement("afterend", button);
  });
})();
