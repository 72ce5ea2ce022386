// "Cite this page" (templates/includes/cite_this_page.html): shows the copy button and copies
// the citation. Without this file the citation is still there to select and copy by hand.
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = button.nextElementSibling;
    if (!source) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () {
        if (status) {
          status.textContent = "Copied.";
        }
      };
      source.focus();
      source.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(source.value).then(done, function () {
          if (status) {
            status.textContent = "Selected: press Ctrl+C (or ⌘C) to copy.";
          }
        });
      } else if (document.execCommand && document.execCommand("copy")) {
        done();
      }
    });
  });
})();
