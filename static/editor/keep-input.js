// Nothing an editor types is lost: a warning before leaving a form with unsaved changes, and
// every change kept in this browser (localStorage) until the server confirms the save, with an
// offer to restore it when the form is opened again. No inline script (CSP): loaded by
// templates/admin/change_form.html.
(function () {
  "use strict";
  var form = document.querySelector("#content-main form[method=post][id$='_form']");
  if (!form) {
    return;
  }
  var key = "talks-unsaved:" + location.pathname;
  var dirty = false;

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "hidden" &&
        el.type !== "file" && el.type !== "submit" && el.name.indexOf("__prefix__") === -1;
    });
  }

  function values() {
    var out = {};
    fields().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        out[el.name + "=" + el.value] = el.checked;
      } else if (el.multiple) {
        out[el.name] = Array.prototype.map.call(el.selectedOptions, function (o) { return o.value; });
      } else {
        out[el.name] = el.value;
      }
    });
    return out;
  }

  function keep() {
    dirty = true;
    try {
      localStorage.setItem(key, JSON.stringify({ at: new Date().toISOString(), values: values() }));
    } catch (e) { /* storage full or disabled: the leave warning still protects the text */ }
  }

  function restore(saved) {
    fields().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        var checked = saved[el.name + "=" + el.value];
        if (checked !== undefined) { el.checked = checked; }
      } else if (saved[el.name] !== undefined && !el.multiple) {
        var known = el.tagName !== "SELECT" ||
          Array.prototype.some.call(el.options, function (o) { return o.value === saved[el.name]; });
        if (known) { el.value = saved[el.name]; }
      }
      if (window.django && window.django.jQuery) { window.django.jQuery(el).trigger("change"); }
    });
    dirty = true;
  }

  // After a save the server answers with a success message: what was kept is now stored.
  var submitted = sessionStorage.getItem("talks-submitted");
  if (submitted && document.querySelector(".messagelist .success") &&
      !document.querySelector(".errornote, .errorlist")) {
    localStorage.removeItem(submitted);
  }
  sessionStorage.removeItem("talks-submitted");

  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
  if (saved && JSON.stringify(saved.values) !== JSON.stringify(values())) {
    var note = document.createElement("div");
    note.className = "unsaved-note messagelist";
    note.setAttribute("role", "status");
    var text = document.createElement("p");
    text.className = "warning";
    text.textContent = "You have unsaved changes from " +
      new Date(saved.at).toLocaleString() + " kept in this browser. ";
    var restoreButton = document.createElement("button");
    restoreButton.type = "button";
    restoreButton.className = "restore-unsaved";
    restoreButton.textContent = "Restore them";
    var discardButton = document.createElement("button");
    discardButton.type = "button";
    discardButton.className = "discard-unsaved";
    discardButton.textContent = "Discard";
    text.appendChild(restoreButton);
    text.appendChild(document.createTextNode(" "));
    text.appendChild(discardButton);
    note.appendChild(text);
    form.parentNode.insertBefore(note, form);
    restoreButton.addEventListener("click", function () { restore(saved.values); note.remove(); });
    discardButton.addEventListener("click", function () { localStorage.removeItem(key); note.remove(); });
  }

  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  form.addEventListener("submit", function () {
    dirty = false;
    sessionStorage.setItem("talks-submitted", key);
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
}());
