/* Baza NGO: a "Kopiuj" button next to each KRS number (progressive
   enhancement: without JavaScript the number is plain, selectable text). */
(function () {
  "use strict";
  if (!navigator.clipboard) { return; }
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  document.querySelectorAll("code[data-copy]").forEach(function (code) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Kopiuj";
    button.setAttribute("aria-label", code.getAttribute("data-copy-label") || "Kopiuj numer KRS " + code.textContent.trim());
    button.addEventListener("click", function () {
      var value = code.textContent.trim();
      navigator.clipboard.writeText(value).then(function () {
        button.textContent = "Skopiowano";
        status.textContent = "Skopiowano numer KRS " + value + ".";
        window.setTimeout(function () { button.textContent = "Kopiuj"; }, 2000);
      }, function () {
        status.textContent = "Nie udało się skopiować. Zaznacz numer i skopiuj go ręcznie.";
      });
    });
    code.insertAdjacentElement("afterend", button);
  });
})();
