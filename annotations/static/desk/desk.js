/* Sourcedesk: the desk's pages without a framework.
 *
 * Every form marked data-ajax is sent with fetch (CSRF token from the meta tag) and answered
 * with JSON. The server renders and escapes every fragment it sends (the side panel); user
 * text that this script shows itself goes through textContent, never innerHTML.
 */
(function () {
  "use strict";

  const csrfToken = () => {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  };

  // Actions run one after another, so a key pressed before the previous answer arrived acts
  // on the panel (and the version) that answer brought.
  let chain = Promise.resolve();
  const enqueue = (job) => {
    chain = chain.then(job).catch((err) => showToast(String(err), "error"));
    return chain;
  };

  function showToast(text, kind) {
    const toast = document.getElementById("toast");
    if (!toast) return;
    toast.textContent = text;
    toast.className = "toast toast-" + (kind || "ok");
    toast.hidden = false;
    clearTimeout(showToast.timer);
    showToast.timer = setTimeout(() => { toast.hidden = true; }, 4000);
  }

  // The message box nearest to where the action was taken: the queue row, the panel, or the
  // form itself.
  function say(form, text, kind) {
    const scope = form.closest("tr") || form.closest(".panel-inner") || form;
    const box = scope.querySelector("[data-messages]") || form.querySelector("[data-messages]");
    if (box) {
      box.textContent = text;
      box.className = "panel-msg msg-" + kind;
    }
    showToast(text, kind);
  }

  async function send(form, submitter) {
    const data = new FormData(form, submitter || undefined);
    const response = await fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
    });
    let body = {};
    try { body = await response.json(); } catch (e) { body = { error: "Unexpected answer (" + response.status + ")." }; }
    return { status: response.status, body: body };
  }

  // --- marks on the running text ------------------------------------------------------------

  const KIND_LETTERS = {
    outlet: "N", official: "O", person: "P", organisation: "G",
    anonymous: "A", document: "D", own_reporting: "R",
  };

  function replaceClass(el, prefix, value) {
    Array.from(el.classList).filter((c) => c.startsWith(prefix)).forEach((c) => el.classList.remove(c));
    if (value) el.classList.add(prefix + value);
  }

  function markSentence(state) {
    const span = document.getElementById("s-" + state.id);
    if (!span) return;
    replaceClass(span, "conf-", state.confidence);
    replaceClass(span, "st-", state.status);
    const badge = span.querySelector(".badge");
    if (badge) {
      badge.className = "badge";
      if (state.source_kind) {
        badge.classList.add("k-" + state.source_kind);
        if (state.source_suggested) badge.classList.add("suggested");
        badge.textContent = KIND_LETTERS[state.source_kind] || "?";
        badge.title = state.source_title || "";
      } else {
        badge.title = "No source";
        badge.classList.add("none");
        badge.textContent = "∅";
      }
    }
  }

  // --- the annotation page ------------------------------------------------------------------

  const page = document.getElementById("annotate");
  const panel = document.getElementById("panel");
  const sentences = page ? Array.from(page.querySelectorAll(".sentence.claim")) : [];
  let current = -1;

  function setPanel(html) {
    // Server-rendered fragment: every user value in it was escaped by the template engine.
    panel.innerHTML = html;
    const inner = panel.querySelector(".panel-inner");
    const span = sentences[current];
    if (inner && span && inner.dataset.sentence === span.dataset.id) {
      let spans = [];
      try { spans = JSON.parse(inner.dataset.spans || "[]"); } catch (e) { spans = []; }
      span.dataset.spans = JSON.stringify(spans);
      highlight(span, spans);
    }
  }

  // --- source and cue spans in the running text ---------------------------------------------

  const holderOf = (span) => span.querySelector(".s-text");
  const originalText = (holder) => {
    if (holder.dataset.text === undefined) holder.dataset.text = holder.textContent;
    return holder.dataset.text;
  };

  // Rebuild the sentence's text with <mark>s over ``spans`` (offsets into its text); text
  // goes in through text nodes only.
  function highlight(span, spans) {
    const holder = holderOf(span);
    if (!holder) return;
    const text = originalText(holder);
    const sorted = spans
      .filter((x) => x.start >= 0 && x.end <= text.length && x.start < x.end)
      .sort((a, b) => a.start - b.start || (a.pending ? -1 : 1));
    holder.replaceChildren();
    let at = 0;
    sorted.forEach((x) => {
      if (x.start < at) return; // overlapping spans: the first one shows
      holder.append(text.slice(at, x.start));
      const mark = document.createElement("mark");
      mark.className = "hl hl-" + x.kind + (x.suggested ? " hl-suggested" : "") + (x.pending ? " hl-pending" : "");
      mark.title = x.pending ? "Marked as the " + x.kind + " (not saved yet)"
        : (x.kind === "cue" ? "Cue for " : "Source: ") + x.label + (x.suggested ? " (suggested)" : "");
      mark.textContent = text.slice(x.start, x.end);
      holder.append(mark);
      at = x.end;
    });
    holder.append(text.slice(at));
  }

  function clearHighlight(span) {
    const holder = span && holderOf(span);
    if (holder && holder.dataset.text !== undefined) holder.textContent = holder.dataset.text;
  }

  // The Add attribution form of the selected sentence's panel (none while another
  // sentence's panel is still shown).
  function addForm() {
    const inner = panel && panel.querySelector(".panel-inner");
    const span = sentences[current];
    if (!inner || !span || inner.dataset.sentence !== span.dataset.id) return null;
    return inner.querySelector("[data-add-attribution] form.attr-form");
  }

  function pendingSpans(form, span) {
    const start = Number(span.dataset.start);
    const spans = [];
    ["source", "cue"].forEach((kind) => {
      const a = form.querySelector('[data-span-input="' + kind + '_start"]').value;
      const b = form.querySelector('[data-span-input="' + kind + '_end"]').value;
      if (a !== "" && b !== "") spans.push({ kind: kind, start: Number(a) - start, end: Number(b) - start, pending: true });
    });
    return spans;
  }

  function showMarks(form) {
    const span = sentences[current];
    const box = form.querySelector("[data-marked]");
    if (!span || !box) return;
    const text = originalText(holderOf(span));
    const pending = pendingSpans(form, span);
    box.replaceChildren();
    pending.forEach((x) => {
      const chip = document.createElement("span");
      chip.className = "chip chip-" + x.kind;
      chip.textContent = (x.kind === "cue" ? "Cue" : "Source") + " marked: “" + text.slice(x.start, x.end) + "” ";
      const clear = document.createElement("button");
      clear.type = "button";
      clear.className = "linkish";
      clear.textContent = "✕";
      clear.setAttribute("aria-label", "Unmark the " + x.kind);
      clear.addEventListener("click", () => {
        form.querySelector('[data-span-input="' + x.kind + '_start"]').value = "";
        form.querySelector('[data-span-input="' + x.kind + '_end"]').value = "";
        showMarks(form);
      });
      chip.append(clear);
      box.append(chip);
    });
    let saved = [];
    try { saved = JSON.parse(span.dataset.spans || "[]"); } catch (e) { saved = []; }
    highlight(span, [...pending, ...saved]);
  }

  // Mark words (body offsets ``start``–``end``) of the selected sentence as its new
  // attribution's source or cue, in the panel's Add attribution form.
  function applyMark(kind, start, end) {
    const form = addForm();
    const span = sentences[current];
    if (!form || !span) {
      showToast("This sentence cannot be changed now.", "error");
      return;
    }
    const text = originalText(holderOf(span)).slice(start - Number(span.dataset.start), end - Number(span.dataset.start));
    form.closest("details").open = true;
    form.querySelector('[data-span-input="' + kind + '_start"]').value = String(start);
    form.querySelector('[data-span-input="' + kind + '_end"]').value = String(end);
    if (kind === "cue") {
      form.querySelector('input[name="cue"]').value = text;
    } else {
      const search = form.querySelector("[data-source-search]");
      search.value = text;
      search.dispatchEvent(new Event("input", { bubbles: true }));
    }
    showMarks(form);
    showToast((kind === "cue" ? "Cue" : "Source") + " marked: “" + text + "”" + (kind === "source" ? ". Pick the source from the registry." : "."), "ok");
  }

  // The mouse: words selected inside one claim sentence of the running text.
  function selectedWords() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    const within = (node) => (node.nodeType === 1 ? node : node.parentElement).closest(".s-text");
    const holder = within(range.startContainer);
    if (!holder || holder !== within(range.endContainer)) return null;
    const before = document.createRange();
    before.selectNodeContents(holder);
    before.setEnd(range.startContainer, range.startOffset);
    const text = originalText(holder);
    let start = before.toString().length;
    let end = start + range.toString().length;
    while (start < end && /\s/.test(text[start])) start += 1;
    while (end > start && /\s/.test(text[end - 1])) end -= 1;
    if (start >= end) return null;
    const span = holder.closest(".sentence.claim");
    const offset = Number(span.dataset.start);
    return { span: span, start: offset + start, end: offset + end, rect: range.getBoundingClientRect() };
  }

  let markTool = null;
  function hideMarkTool() { if (markTool) markTool.hidden = true; }

  function offerMark(words) {
    if (!markTool) {
      markTool = document.createElement("div");
      markTool.id = "mark-tool";
      markTool.className = "mark-tool";
      markTool.setAttribute("role", "toolbar");
      markTool.setAttribute("aria-label", "Mark the selected words");
      [["source", "Mark as source"], ["cue", "Mark as cue"]].forEach(([kind, label]) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "btn small";
        button.dataset.mark = kind;
        button.textContent = label;
        markTool.append(button);
      });
      markTool.addEventListener("mousedown", (event) => event.preventDefault());
      markTool.addEventListener("click", (event) => {
        const button = event.target.closest("button[data-mark]");
        const pending = markTool.words;
        if (!button || !pending) return;
        hideMarkTool();
        const index = sentences.indexOf(pending.span);
        if (index !== current) select(index);
        // After the sentence's panel has arrived (actions run one after another).
        enqueue(() => applyMark(button.dataset.mark, pending.start, pending.end));
        window.getSelection().removeAllRanges();
      });
      document.body.append(markTool);
    }
    markTool.words = words;
    markTool.style.left = Math.max(8, words.rect.left + window.scrollX) + "px";
    markTool.style.top = (words.rect.bottom + window.scrollY + 6) + "px";
    markTool.hidden = false;
  }

  // The keyboard: the panel's strip of words (arrows move, Shift+arrows extend).
  function pickerState(picker) {
    const words = Array.from(picker.querySelectorAll(".w"));
    const focus = Number(picker.dataset.focus || 0);
    const anchor = picker.dataset.anchor === undefined ? focus : Number(picker.dataset.anchor);
    return { words: words, focus: focus, anchor: anchor };
  }

  function paintPicker(picker, focus, anchor) {
    picker.dataset.focus = String(focus);
    picker.dataset.anchor = String(anchor);
    const [low, high] = [Math.min(focus, anchor), Math.max(focus, anchor)];
    picker.querySelectorAll(".w").forEach((word, i) => {
      word.classList.toggle("cursor", i === focus);
      word.classList.toggle("sel", i >= low && i <= high);
    });
  }

  function markFromPicker(picker, kind) {
    const state = pickerState(picker);
    if (!state.words.length) return;
    const low = state.words[Math.min(state.focus, state.anchor)];
    const high = state.words[Math.max(state.focus, state.anchor)];
    applyMark(kind, Number(low.dataset.start), Number(high.dataset.end));
    picker.focus();
  }

  document.addEventListener("keydown", (event) => {
    const picker = event.target instanceof HTMLElement && event.target.closest("[data-word-picker]");
    if (!picker) return;
    const state = pickerState(picker);
    const last = state.words.length - 1;
    let focus = state.focus;
    if (event.key === "ArrowRight") focus = Math.min(focus + 1, last);
    else if (event.key === "ArrowLeft") focus = Math.max(focus - 1, 0);
    else if (event.key === "Home") focus = 0;
    else if (event.key === "End") focus = last;
    else if (event.key === "Enter") { event.preventDefault(); markFromPicker(picker, "source"); return; }
    else if (event.key === "c") { event.preventDefault(); markFromPicker(picker, "cue"); return; }
    else return;
    event.preventDefault();
    paintPicker(picker, focus, event.shiftKey ? state.anchor : focus);
  });

  document.addEventListener("focusin", (event) => {
    const picker = event.target instanceof HTMLElement && event.target.matches("[data-word-picker]") ? event.target : null;
    if (picker && picker.dataset.focus === undefined) paintPicker(picker, 0, 0);
  });

  document.addEventListener("click", (event) => {
    const word = event.target instanceof HTMLElement && event.target.closest("[data-word-picker] .w");
    if (!word) return;
    const picker = word.closest("[data-word-picker]");
    const index = Array.from(picker.querySelectorAll(".w")).indexOf(word);
    const state = pickerState(picker);
    paintPicker(picker, index, event.shiftKey ? state.anchor : index);
    picker.focus();
  });

  function loadPanel(span) {
    return fetch(span.dataset.panelUrl, {
      credentials: "same-origin",
      headers: { Accept: "text/html" },
    }).then((r) => {
      if (!r.ok) throw new Error("Could not load the sentence (" + r.status + ").");
      return r.text();
    }).then((html) => {
      if (span === sentences[current]) setPanel(html);
    });
  }

  function select(index, options) {
    if (index < 0 || index >= sentences.length) return chain;
    if (current >= 0) {
      sentences[current].classList.remove("selected");
      clearHighlight(sentences[current]);
    }
    current = index;
    const span = sentences[index];
    span.classList.add("selected");
    span.focus({ preventScroll: true });
    span.scrollIntoView({ block: "nearest", behavior: "smooth" });
    if (!(options && options.keepHash)) history.replaceState(null, "", "#" + span.id);
    return enqueue(() => loadPanel(span));
  }

  function handleAnswer(form, result) {
    const body = result.body;
    const inPanel = Boolean(panel && panel.contains(form));
    if (body.panel && inPanel) setPanel(body.panel);
    if (body.sentence) markSentence(body.sentence);
    const articleStatus = document.getElementById("article-status");
    if (articleStatus && body.article_status) {
      articleStatus.textContent = body.article_status_label;
      replaceClass(articleStatus, "art-", body.article_status);
    }
    // Messages go to the fresh panel when the old one (and the form) was just replaced.
    const target = inPanel ? panel.querySelector(".panel-inner") || form : form;
    if (result.status === 200 || result.status === 201) {
      if (body.message) say(target, body.message, "ok");
    } else {
      // 409 brings the current panel, whose banner says who changed what; 400/403 keep what
      // was typed and say why next to it.
      if (result.status === 409 && inPanel) showToast(body.error, "conflict");
      else say(target, body.error || "Refused.", result.status === 409 ? "conflict" : "error");
    }
    if (body.annotation) updateRow(body.annotation, result.status === 200 ? "" : body.error);
    if (body.annotations) body.annotations.forEach((a) => updateRow(a));
    if (body.problems && body.problems.length) say(form, body.problems.join(" "), "error");
  }

  async function doSubmit(form, submitter) {
    form.classList.add("busy");
    try {
      const result = await send(form, submitter);
      if (form.hasAttribute("data-new-source")) sourceCreated(form, result);
      else handleAnswer(form, result);
    } finally {
      form.classList.remove("busy");
    }
  }

  const submitForm = (form, submitter) => enqueue(() => doSubmit(form, submitter));

  // A key acts on the panel as it is when its turn comes, not when it was pressed.
  function keyAction(find, refusal) {
    return enqueue(() => {
      const [form, button] = find();
      if (!form || (button && button.disabled)) {
        // The panel says why (submitted, approved, signed off) when the server told it.
        const why = panel && panel.querySelector("[data-refusal]");
        showToast(why && why.textContent.trim() ? why.textContent.trim() : refusal, "error");
        return undefined;
      }
      return doSubmit(form, button);
    });
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-ajax")) return;
    event.preventDefault();
    submitForm(form, event.submitter);
  });

  if (page) {
    const body = document.getElementById("article-body");
    body.addEventListener("mouseup", () => {
      window.setTimeout(() => {
        const words = selectedWords();
        if (words) offerMark(words);
        else hideMarkTool();
      }, 0);
    });
    sentences.forEach((span, index) => {
      span.addEventListener("click", () => {
        // A click that ends a selection of words marks them; it does not reload the panel.
        const selection = window.getSelection();
        if (selection && !selection.isCollapsed && index === current) return;
        select(index);
      });
      span.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          select(index);
        }
      });
    });

    document.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const t = event.target;
      if (t instanceof HTMLElement && t.closest("input, textarea, select, [contenteditable], [data-word-picker]")) {
        if (event.key === "Escape") t.blur();
        return;
      }
      const key = event.key;
      if (key === "Escape") hideMarkTool();
      if (key === "j" || key === "ArrowDown") {
        event.preventDefault();
        select(Math.min(current + 1, sentences.length - 1));
      } else if (key === "k" || key === "ArrowUp") {
        event.preventDefault();
        select(Math.max(current - 1, 0));
      } else if (key === "?") {
        const help = document.getElementById("keys-help");
        if (help) help.classList.toggle("flash");
        document.querySelector(".legend").classList.toggle("open");
      } else if (key === "a") {
        keyAction(() => [panel.querySelector('form[data-key="accept"]')], "No suggestion to accept.");
      } else if (key === "w") {
        keyAction(() => [panel.querySelector('form[data-key="withdraw"]')], "Only a submitted sentence can be withdrawn from review.");
      } else if (key === "s") {
        keyAction(() => [panel.querySelector('form[data-key="submit"]')], "This sentence cannot be submitted now.");
      } else if (/^[1-5]$/.test(key)) {
        keyAction(() => {
          const form = panel.querySelector('form[data-key="confidence"]');
          return [form, form && form.querySelector('button[data-digit="' + key + '"]')];
        }, "Confidence cannot be changed now.");
      }
    });

    // A link to #s-<id> (from the summary's open items or the queue) opens that sentence.
    const selectFromHash = () => {
      const match = location.hash.match(/^#s-(\d+)$/);
      const index = match ? sentences.findIndex((s) => s.id === "s-" + match[1]) : -1;
      if (index >= 0 && index !== current) select(index, { keepHash: true });
    };
    window.addEventListener("hashchange", selectFromHash);
    selectFromHash();
  }

  // --- source picker and new sources ------------------------------------------------------

  function renderResults(picker, results) {
    const list = picker.querySelector("[data-results]");
    list.replaceChildren();
    results.forEach((source) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "pick";
      const badge = document.createElement("sup");
      badge.className = "badge k-" + source.kind;
      badge.textContent = KIND_LETTERS[source.kind] || "?";
      const name = document.createElement("span");
      name.textContent = source.name;
      const kind = document.createElement("span");
      kind.className = "sub";
      kind.textContent = " " + source.kind_label +
        (source.aliases.length ? " · also " + source.aliases.join(", ") : "");
      button.append(badge, " ", name, kind);
      button.addEventListener("click", () => pick(picker, source));
      item.append(button);
      list.append(item);
    });
    if (!results.length) {
      const none = document.createElement("li");
      none.className = "sub";
      none.textContent = "No match. Create the source below.";
      list.append(none);
    }
    list.hidden = false;
  }

  function pick(picker, source) {
    picker.querySelector("[data-picked]").value = String(source.id);
    picker.querySelector("[data-source-search]").value = source.name;
    picker.querySelector("[data-results]").hidden = true;
    // An anonymous source (or relay) is asked for the newsroom's standards fields.
    const form = picker.closest("form");
    const fields = form && form.querySelector("[data-standards-fields]");
    if (fields && source.kind === "anonymous") fields.hidden = false;
  }

  let searchTimer = null;
  document.addEventListener("input", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute("data-source-search")) return;
    const picker = input.closest("[data-picker]");
    picker.querySelector("[data-picked]").value = "";
    clearTimeout(searchTimer);
    const q = input.value.trim();
    if (!q) { picker.querySelector("[data-results]").hidden = true; return; }
    searchTimer = setTimeout(() => {
      fetch("/desk/sources/search/?q=" + encodeURIComponent(q), {
        credentials: "same-origin", headers: { Accept: "application/json" },
      }).then((r) => r.json()).then((body) => renderResults(picker, body.results || []));
    }, 150);
  });

  document.addEventListener("change", (event) => {
    const select = event.target;
    if (select instanceof HTMLSelectElement && select.hasAttribute("data-kind-select")) {
      const fields = select.form.querySelector("[data-anon-fields]");
      if (fields) fields.hidden = select.value !== "anonymous";
    }
    if (select instanceof HTMLInputElement && select.hasAttribute("data-select-all")) {
      document.querySelectorAll('input[name="ids"]:not(:disabled)').forEach((box) => {
        box.checked = select.checked;
      });
    }
  });

  function sourceCreated(form, result) {
    if (result.status !== 201) {
      say(form, result.body.error || "Could not create the source.", "error");
      return;
    }
    const container = form.closest("[data-add-attribution]");
    const picker = container && container.querySelector("[data-picker]");
    if (picker) pick(picker, result.body.source);
    form.reset();
    const details = form.closest("details.new-source");
    if (details) details.open = false;
    showToast("Source created: pick a cue and add the attribution.", "ok");
  }

  // --- review queue ---------------------------------------------------------------------------

  function updateRow(annotation, error) {
    const row = document.querySelector('tr[data-annotation-id="' + annotation.id + '"]');
    if (!row) return;
    const pill = row.querySelector('[data-field="status"]');
    if (pill && annotation.status) {
      pill.textContent = annotation.status_label;
      replaceClass(pill, "st-", annotation.status);
      pill.classList.add("st-pill");
    }
    row.querySelectorAll("[data-version]").forEach((input) => {
      if (annotation.version) input.value = String(annotation.version);
    });
    if (annotation.status && annotation.status !== "submitted") {
      row.classList.add("done");
      row.querySelectorAll("button, input[type=checkbox], textarea").forEach((el) => {
        el.disabled = true;
      });
      const box = row.querySelector('input[name="ids"]');
      if (box) box.checked = false;
    }
    if (error) {
      const box = row.querySelector("[data-messages]");
      if (box) {
        box.textContent = error;
        box.className = "panel-msg msg-error";
      }
    }
  }

  // Keys in the queue, as on the annotation page: j/k move through the rows, a approves,
  // r opens the comment for Request changes (Ctrl+Enter sends it), x ticks the row.
  const queueRows = () => Array.from(document.querySelectorAll("tr.queue-row"));
  let currentRow = -1;

  function selectRow(index) {
    const rows = queueRows();
    if (!rows.length) return;
    index = Math.max(0, Math.min(index, rows.length - 1));
    rows.forEach((row) => row.classList.remove("current"));
    currentRow = index;
    const row = rows[index];
    row.classList.add("current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  if (document.querySelector("tr.queue-row")) {
    document.querySelectorAll("tr.queue-row").forEach((row, index) => {
      row.addEventListener("click", () => { currentRow = index; queueRows().forEach((r) => r.classList.toggle("current", r === row)); });
    });
    document.addEventListener("keydown", (event) => {
      if (event.altKey || event.metaKey) return;
      const t = event.target;
      if (t instanceof HTMLTextAreaElement && event.key === "Enter" && event.ctrlKey) {
        event.preventDefault();
        if (t.form) t.form.requestSubmit();
        return;
      }
      if (event.ctrlKey) return;
      if (t instanceof HTMLElement && t.closest("input, textarea, select, [contenteditable]")) {
        if (event.key === "Escape") {
          t.blur();
          if (currentRow >= 0) selectRow(currentRow);
        }
        return;
      }
      const key = event.key;
      const row = queueRows()[currentRow];
      if (key === "j" || key === "ArrowDown") {
        event.preventDefault();
        selectRow(currentRow + 1);
      } else if (key === "k" || key === "ArrowUp") {
        event.preventDefault();
        selectRow(currentRow - 1);
      } else if (key === "?") {
        const help = document.getElementById("queue-keys");
        if (help) help.open = !help.open;
      } else if (!row) {
        if (["a", "r", "x", "o"].includes(key)) showToast("Select a sentence first (j / k).", "error");
      } else if (key === "a") {
        const form = row.querySelector('form[data-queue-key="approve"]');
        const button = form && form.querySelector("button");
        if (!form || button.disabled) showToast("This sentence cannot be approved by you now.", "error");
        else submitForm(form, button);
      } else if (key === "r") {
        const details = row.querySelector('details[data-queue-key="request-changes"]');
        const area = details && details.querySelector("textarea");
        if (!details || area.disabled) {
          showToast("You cannot request changes on this sentence now.", "error");
        } else {
          event.preventDefault();
          details.open = true;
          area.focus();
        }
      } else if (key === "x") {
        const box = row.querySelector('input[name="ids"]');
        if (box && !box.disabled) box.checked = !box.checked;
      } else if (key === "o") {
        const link = row.querySelector(".q-text a");
        if (link) window.location.assign(link.href);
      }
    });
  }

  // The cross-check progress bar: poll while the latest job is queued or running.
  (function pollCrosscheck() {
    const box = document.getElementById("crosscheck");
    if (!box) return;
    const active = () => ["queued", "running"].includes(box.dataset.state);
    async function tick() {
      if (!active()) return;
      try {
        const response = await fetch(box.dataset.statusUrl, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        if (response.ok) {
          const job = await response.json();
          box.dataset.state = job.status;
          const bar = box.querySelector("progress");
          if (bar) bar.value = job.percent;
          const text = box.querySelector("[data-xc-text]");
          if (text) text.textContent = job.label;
        }
      } catch (error) {
        // A missed poll is retried on the next tick.
      }
      if (active()) window.setTimeout(tick, 2000);
    }
    window.setTimeout(tick, 1000);
  })();
})();
