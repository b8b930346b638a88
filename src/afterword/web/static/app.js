// Shared by every page: the CSRF header for fetch, and small progressive enhancements.
"use strict";

window.afterword = (function () {
  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  async function postJSON(url, payload, options) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
      body: JSON.stringify(payload),
      credentials: "same-origin",
      signal: options && options.signal,
    });
    let data = null;
    try {
      data = await response.json();
    } catch (error) {
      data = null;
    }
    if (!response.ok) {
      const message = data && data.error ? data.error : "The server could not answer just now.";
      throw new Error(message);
    }
    return data;
  }

  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch (error) {
        // fall through to the selection-based copy below
      }
    }
    const scratch = document.createElement("textarea");
    scratch.value = text;
    scratch.setAttribute("readonly", "");
    scratch.style.position = "fixed";
    scratch.style.opacity = "0";
    document.body.appendChild(scratch);
    scratch.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    scratch.remove();
    return copied;
  }

  // A button with data-copy-from="#id" copies that field's text.
  document.addEventListener("click", async function (event) {
    const button = event.target.closest("[data-copy-from]");
    if (!button) return;
    const source = document.querySelector(button.dataset.copyFrom);
    if (!source) return;
    const copied = await copyText(source.value !== undefined ? source.value : source.textContent);
    const status = document.querySelector(button.dataset.statusIn || "#copy-status");
    if (status) status.textContent = copied ? "Copied." : "Copy did not work here: select the text and copy it yourself.";
  });

  // A form with data-confirm asks once before it submits.
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  return { csrfToken: csrfToken, postJSON: postJSON, copyText: copyText };
})();
