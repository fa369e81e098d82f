// factdeck: small keyboard helpers. Every page works without this file.
(function () {
  "use strict";

  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }

  // Ask before destructive forms; send each form once (a double click or a
  // key held down would otherwise answer twice).
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var msg = form.getAttribute && form.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) {
      e.preventDefault();
      return;
    }
    if (form.getAttribute("data-sent")) {
      e.preventDefault();
      return;
    }
    form.setAttribute("data-sent", "1");
  });
  // A page restored from the back-forward cache may be sent again.
  window.addEventListener("pageshow", function (e) {
    if (!e.persisted) return;
    var sent = document.querySelectorAll("form[data-sent]");
    for (var i = 0; i < sent.length; i++) sent[i].removeAttribute("data-sent");
  });

  // Refuse a too large upload before sending it.
  var file = document.getElementById("file");
  if (file) {
    file.addEventListener("change", function () {
      var err = document.getElementById("file-error");
      var max = parseFloat(file.getAttribute("data-max")) * 1024 * 1024;
      var f = file.files && file.files[0];
      if (f && max && f.size > max) {
        err.textContent = "This file is " + (f.size / 1048576).toFixed(1) + " MB; the largest article accepted is " + file.getAttribute("data-max") + ".";
        err.hidden = false;
        file.value = "";
      } else if (err) {
        err.hidden = true;
      }
    });
  }

  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || typing(e)) return;

    // Quiz: 1-4 pick an option.
    var form = document.getElementById("answer-form");
    if (form && /^[1-9]$/.test(e.key)) {
      var opt = form.querySelector('button.option[data-key="' + e.key + '"]');
      if (opt) {
        e.preventDefault();
        opt.click();
      }
      return;
    }

    // Flashcards: u undoes the last rating.
    var undo = document.getElementById("undo");
    if (undo && (e.key === "u" || e.key === "U")) {
      e.preventDefault();
      undo.click();
      return;
    }

    // Flashcards: space reveals, 1-4 rate once revealed.
    var reveal = document.getElementById("reveal");
    if (reveal) {
      if ((e.key === " " || e.key === "Enter") && !reveal.open) {
        e.preventDefault();
        reveal.open = true;
        var first = reveal.querySelector('button.rate[data-key="3"]');
        if (first) first.focus();
        return;
      }
      if (reveal.open && /^[1-4]$/.test(e.key)) {
        var btn = reveal.querySelector('button.rate[data-key="' + e.key + '"]');
        if (btn) {
          e.preventDefault();
          btn.click();
        }
      }
      return;
    }

    // Feedback: Enter or → goes on.
    var next = document.getElementById("next");
    if (next && (e.key === "Enter" || e.key === "ArrowRight") && document.activeElement !== next) {
      e.preventDefault();
      next.click();
    }
  });

  // Keep the focus on the next step after a page change.
  var focus = document.getElementById("next") || document.getElementById("answer") || document.getElementById("show");
  if (focus && document.activeElement === document.body) focus.focus();
})();
