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
    var sub = e.submitter;
    var msg = (sub && sub.getAttribute("data-confirm")) || (form.getAttribute && form.getAttribute("data-confirm"));
    if (msg && !window.confirm(msg)) {
      e.preventDefault();
      return;
    }
    // A download leaves the page as it is: its form may be sent again.
    if (sub && sub.hasAttribute("data-repeatable")) return;
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

// Adding an article runs in the background: the form starts a job and this
// shows its progress until the article opens, so a long article never
// holds the page. Without this script the form posts and waits.
(function () {
  "use strict";
  var form = document.getElementById("add-form");
  if (!form || !window.fetch || !window.FormData) return;
  var panel = document.getElementById("add-progress");
  var bar = document.getElementById("add-bar");
  var label = document.getElementById("add-status");

  function showError(msg, url, title) {
    var box = document.getElementById("form-error");
    if (!box) {
      box = document.createElement("div");
      box.className = "error";
      box.id = "form-error";
      box.setAttribute("role", "alert");
      form.parentNode.insertBefore(box, form);
    }
    box.textContent = "";
    var p = document.createElement("p");
    p.textContent = msg;
    box.appendChild(p);
    if (url) {
      var a = document.createElement("a");
      a.href = url;
      a.textContent = "Open “" + title + "”";
      var p2 = document.createElement("p");
      p2.appendChild(a);
      box.appendChild(p2);
    }
    panel.hidden = true;
    form.removeAttribute("data-sent");
    form.querySelector("button[type=submit]").disabled = false;
  }

  function poll(statusURL) {
    fetch(statusURL, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (st) {
        if (st.error && !st.done) return showError(st.error);
        var pct = Math.min(95, Math.round((100 * st.elapsed_ms) / Math.max(st.estimate_ms, 1)));
        if (st.done) pct = 100;
        bar.value = pct;
        var left = Math.max(0, Math.ceil((st.estimate_ms - st.elapsed_ms) / 1000));
        label.textContent = st.done ? "Done." : pct < 95 ? "Finding facts and writing questions… about " + left + " s left." : "Almost done…";
        if (st.done && st.error) return showError(st.error, st.existing_url, st.existing_title);
        if (st.done && st.url) {
          window.location.assign(st.url);
          return;
        }
        setTimeout(function () { poll(statusURL); }, 400);
      })
      .catch(function () { showError("The connection to the server was lost. Reload the page to see whether the article was added."); });
  }

  form.addEventListener("submit", function (e) {
    if (e.defaultPrevented) return;
    e.preventDefault();
    var old = document.getElementById("form-error");
    if (old) old.remove();
    form.querySelector("button[type=submit]").disabled = true;
    panel.hidden = false;
    bar.removeAttribute("value");
    label.textContent = "Sending the article…";
    fetch(form.action, { method: "POST", body: new FormData(form), headers: { "X-Factdeck-Async": "1", Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; }, function () { return { ok: false, body: { error: "The server answered " + r.status + "." } }; });
      })
      .then(function (res) {
        var b = res.body;
        if (b.status_url) return poll(b.status_url);
        showError(b.error || "The article could not be added.", b.existing_url, b.existing_title);
      })
      .catch(function () { showError("The connection to the server was lost. Try again."); });
  });
})();
