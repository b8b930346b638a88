// Step 1 of New follow-up: a drop zone for the saved email, with the file's name shown.
"use strict";

(function () {
  const zone = document.getElementById("dropzone");
  const input = document.getElementById("eml");
  const name = document.getElementById("file-name");
  if (!zone || !input) return;

  function showName() {
    const file = input.files && input.files[0];
    name.textContent = file ? "Chosen: " + file.name : "";
  }

  input.addEventListener("change", showName);
  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      zone.classList.add("over");
    });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function () {
      zone.classList.remove("over");
    });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      showName();
    }
  });
})();
