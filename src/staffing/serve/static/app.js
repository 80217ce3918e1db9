// The review page's little script (served by the tool; the page works without it):
// the drop zone fills the file chooser, a click on a finding brings its cell into view
// (opening its sheet) and a click on a cell's code brings the finding back.
"use strict";

(function () {
  function names(files) {
    var list = document.querySelector("#chosen ul");
    if (!list) { return; }
    list.textContent = "";
    for (var i = 0; i < files.length; i += 1) {
      var item = document.createElement("li");
      item.textContent = files[i].name;
      list.appendChild(item);
    }
    document.getElementById("chosen").hidden = files.length === 0;
  }

  function setupDrop() {
    var drop = document.getElementById("drop");
    var input = document.getElementById("files");
    if (!drop || !input) { return; }
    input.addEventListener("change", function () { names(input.files); });
    ["dragenter", "dragover"].forEach(function (type) {
      drop.addEventListener(type, function (event) {
        event.preventDefault();
        drop.classList.add("over");
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      drop.addEventListener(type, function () { drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      var files = event.dataTransfer && event.dataTransfer.files;
      if (!files || files.length === 0) { return; }
      input.files = files;
      names(input.files);
    });
    var form = document.getElementById("upload");
    if (form) {
      form.addEventListener("submit", function () {
        var working = document.getElementById("working");
        if (working) { working.hidden = false; }
      });
    }
  }

  function show(id) {
    var target = document.getElementById(id);
    if (!target) { return false; }
    var sheet = target.closest("details");
    if (sheet && !sheet.open) { sheet.open = true; }
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
    target.classList.add("current");
    target.scrollIntoView({ block: "center", inline: "center" });
    if (history.replaceState) { history.replaceState(null, "", "#" + id); }
    return true;
  }

  function setupLinks() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a.goto, a.back") : null;
      if (!link) { return; }
      var id = (link.getAttribute("href") || "").slice(1);
      if (id && show(id)) { event.preventDefault(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupDrop();
    setupLinks();
  });
}());
