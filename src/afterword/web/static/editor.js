// The draft editor: live review as the user types, highlights behind the text, one-click fixes.
//
// The textarea sits over a mirror <div> with the same text, where each finding is a <mark>.
// The server counts offsets in code points and JavaScript in UTF-16 units, so offsets are
// converted whenever the text holds characters beyond the Basic Multilingual Plane (emoji).
"use strict";

(function () {
  const area = document.getElementById("draft");
  if (!area) return;
  const backdrop = document.getElementById("backdrop");
  const list = document.getElementById("findings");
  const verdict = document.getElementById("verdict");
  const problem = document.getElementById("review-error");
  const mailto = document.getElementById("mailto");
  const allClear = document.getElementById("all-clear");
  const inline = document.getElementById("status-inline");
  const context = JSON.parse(area.dataset.context || "{}");
  const DELAY_MS = 200;
  const MAX_MARK = 120;
  const WHOLE = JSON.parse(area.dataset.whole || "[]");
  const RANK = { error: 0, warning: 1, suggestion: 2 };
  const NAMES = { error: "Must fix", warning: "Should fix", suggestion: "Worth considering" };

  let reviewed = null; // {text, findings}: the last review, and the text it was made on
  let timer = null;
  let inflight = null;

  function unitMap(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return null;
    const map = [];
    let unit = 0;
    for (const char of text) {
      map.push(unit);
      unit += char.length;
    }
    map.push(unit);
    return map;
  }

  function units(map, offset) {
    return map ? map[Math.min(offset, map.length - 1)] : offset;
  }

  function isMarked(f) {
    return f.end > f.start && f.end - f.start <= MAX_MARK && WHOLE.indexOf(f.code) === -1;
  }

  function renderMarks(text, findings) {
    const map = unitMap(text);
    const spans = findings
      .filter(isMarked)
      .map(function (f) { return { start: units(map, f.start), end: units(map, f.end), severity: f.severity }; });
    const bounds = new Set([0, text.length]);
    spans.forEach(function (s) { bounds.add(s.start); bounds.add(s.end); });
    const points = Array.from(bounds).sort(function (a, b) { return a - b; });
    // Pieces between boundaries, each with the gravest severity covering it; neighbours
    // of the same severity join, so "a joke" is one mark however many findings share it.
    const pieces = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i];
      const end = points[i + 1];
      let severity = null;
      spans.forEach(function (s) {
        if (s.start <= start && end <= s.end && (severity === null || RANK[s.severity] < RANK[severity])) {
          severity = s.severity;
        }
      });
      const last = pieces[pieces.length - 1];
      if (last && last.severity === severity) last.text += text.slice(start, end);
      else pieces.push({ text: text.slice(start, end), severity: severity });
    }
    const fragment = document.createDocumentFragment();
    pieces.forEach(function (piece) {
      if (piece.severity) {
        const mark = document.createElement("mark");
        mark.className = piece.severity;
        mark.textContent = piece.text;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(piece.text));
      }
    });
    // Keeps the height of a trailing empty line, as the textarea shows it.
    fragment.appendChild(document.createElement("br"));
    backdrop.replaceChildren(fragment);
    syncScroll();
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(label, className, data) {
    const node = element("button", className, label);
    node.type = "button";
    Object.keys(data).forEach(function (key) { node.dataset[key] = data[key]; });
    return node;
  }

  function renderFindings(findings) {
    const fragment = document.createDocumentFragment();
    // Gravest first, then in reading order: what must change comes before what might.
    const listed = findings.slice().sort(function (a, b) {
      return RANK[a.severity] - RANK[b.severity] || a.start - b.start;
    });
    listed.forEach(function (f) {
      const item = element("li", "finding " + f.severity);
      item.appendChild(element("span", "badge " + f.severity, NAMES[f.severity]));
      item.appendChild(element("p", "message", f.message));
      const excerpt = f.excerpt.trim();
      if (excerpt && isMarked(f)) item.appendChild(element("p", "excerpt", "“" + excerpt + "”"));
      if (f.suggestion) item.appendChild(element("p", "fix", f.suggestion));
      const details = element("details");
      details.appendChild(element("summary", "", "Why"));
      const why = element("p", "why", f.why + " ");
      const more = element("a", "", "More in the guide");
      more.href = "/guide#" + f.rule;
      why.appendChild(more);
      details.appendChild(why);
      item.appendChild(details);
      const actions = element("div", "finding-actions");
      const span = { start: String(f.start), end: String(f.end) };
      if (f.replacement !== null && f.replacement !== undefined) {
        actions.appendChild(button("Apply fix", "secondary", Object.assign({ apply: "", replacement: f.replacement }, span)));
      }
      if (isMarked(f)) actions.appendChild(button("Show in text", "quiet", Object.assign({ show: "" }, span)));
      item.appendChild(actions);
      fragment.appendChild(item);
    });
    list.replaceChildren(fragment);
    if (allClear) allClear.hidden = findings.length > 0;
  }

  function renderVerdict(result) {
    const blocking = result.findings.filter(function (f) { return f.severity !== "suggestion"; }).length;
    const things = blocking + (blocking === 1 ? " thing" : " things");
    verdict.className = "verdict " + result.verdict;
    verdict.textContent = result.verdict === "ready" ? "Ready to send." : things + " to fix before sending.";
    if (inline) {
      inline.className = "editor-status hide-wide " + result.verdict;
      if (result.verdict === "ready") {
        inline.textContent = "Ready to send.";
      } else {
        const link = element("a", "", "see the review");
        link.href = "#review-h";
        inline.replaceChildren(document.createTextNode(things + " to fix: "), link, document.createTextNode("."));
      }
    }
  }

  function splitSubject(text) {
    const newline = text.indexOf("\n");
    const first = newline === -1 ? text : text.slice(0, newline);
    if (first.toLowerCase().startsWith("subject:")) {
      return { subject: first.slice(8).trim(), body: newline === -1 ? "" : text.slice(newline + 1).replace(/^\n+/, "") };
    }
    return { subject: "", body: text };
  }

  function updateMailto(text) {
    if (!mailto) return;
    const parts = splitSubject(text);
    const fields = [];
    if (parts.subject) fields.push("subject=" + encodeURIComponent(parts.subject));
    fields.push("body=" + encodeURIComponent(parts.body.replace(/\r?\n/g, "\r\n")));
    const to = context.recipient_email ? encodeURIComponent(context.recipient_email).replace("%40", "@") : "";
    mailto.href = "mailto:" + to + "?" + fields.join("&");
  }

  async function review() {
    const text = area.value;
    if (inflight) inflight.abort();
    const controller = new AbortController();
    inflight = controller;
    try {
      const result = await window.afterword.postJSON("/api/review", { text: text, context: context }, { signal: controller.signal });
      if (area.value !== text) return; // typed on meanwhile: the next review is on its way
      reviewed = { text: text, findings: result.findings };
      problem.hidden = true;
      renderMarks(text, result.findings);
      renderFindings(result.findings);
      renderVerdict(result);
      list.removeAttribute("aria-busy");
      area.dataset.reviewed = String(Number(area.dataset.reviewed || "0") + 1);
    } catch (error) {
      if (error.name === "AbortError") return;
      problem.textContent = "The review could not update: " + error.message + " Your text is safe; keep editing.";
      problem.hidden = false;
    } finally {
      if (inflight === controller) inflight = null;
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(review, DELAY_MS);
  }

  function syncScroll() {
    backdrop.scrollTop = area.scrollTop;
    backdrop.scrollLeft = area.scrollLeft;
  }

  function select(start, end) {
    const map = unitMap(area.value);
    area.focus();
    area.setSelectionRange(units(map, start), units(map, end));
  }

  area.addEventListener("input", function () {
    // Until the next review lands, the old marks may sit on the wrong words: hide them.
    const text = area.value;
    if (reviewed && text !== reviewed.text) {
      backdrop.replaceChildren(document.createTextNode(text), document.createElement("br"));
      list.setAttribute("aria-busy", "true");
    }
    updateMailto(text);
    schedule();
  });
  area.addEventListener("scroll", syncScroll);

  list.addEventListener("click", function (event) {
    const target = event.target.closest("button");
    if (!target || !reviewed) return;
    const start = Number(target.dataset.start);
    const end = Number(target.dataset.end);
    if ("show" in target.dataset) {
      select(start, end);
      return;
    }
    if (!("apply" in target.dataset) || area.value !== reviewed.text) return;
    select(start, end);
    const replacement = target.dataset.replacement;
    // execCommand keeps the browser's undo history; setRangeText is the fallback.
    const inserted = replacement === ""
      ? document.execCommand("delete", false)
      : document.execCommand("insertText", false, replacement);
    if (!inserted) {
      const map = unitMap(area.value);
      area.setRangeText(replacement, units(map, start), units(map, end), "end");
      area.dispatchEvent(new Event("input"));
    }
    clearTimeout(timer);
    review();
  });

  window.addEventListener("resize", syncScroll);
  updateMailto(area.value);
  review();
})();
