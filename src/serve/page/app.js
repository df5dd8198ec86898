// dossier's search page. The whole state is in the URL's query string, so
// a link shows the same view and back/forward work. Everything the API
// returns is put in the page as text (textContent), never as markup:
// article text is untrusted.
"use strict";

const FILTERS = ["speaker", "person", "org", "place", "from", "to", "published_from", "published_to"];
const DATE_INPUTS = ["from", "to", "published_from", "published_to"];
const FACET_TITLES = { speaker: "Speakers", person: "People", org: "Organisations", place: "Places", date: "Years" };
const PAGE = 10;

let state = readState();
let shown = PAGE;

function readState() {
  const params = new URLSearchParams(location.search);
  const s = { tab: params.get("tab") || "search", q: params.get("q") || "" };
  for (const key of [...FILTERS, "doc", "at"]) s[key] = params.get(key) || "";
  return s;
}

function stateUrl(s) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(s)) {
    if (value && !(key === "tab" && value === "search")) params.set(key, value);
  }
  const text = params.toString();
  return text ? "/?" + text : "/";
}

function go(changes) {
  state = Object.assign({}, state, changes);
  shown = PAGE;
  history.pushState(null, "", stateUrl(state));
  render();
}

window.addEventListener("popstate", () => { state = readState(); shown = PAGE; render(); });

// el("p", {class: "x"}, "text", child): an element whose strings are text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function apiUrl(endpoint, extra) {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (state[key]) params.set(key, state[key]);
  for (const [key, value] of Object.entries(extra)) if (value !== "" && value !== undefined) params.set(key, value);
  return "/api/" + endpoint + "?" + params.toString();
}

async function api(endpoint, extra) {
  const response = await fetch(apiUrl(endpoint, extra));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

// The text with the byte ranges `ranges` (UTF-8, as the API gives them) marked.
function marked(text, ranges) {
  if (!ranges || ranges.length === 0) return [text];
  const bytes = new TextEncoder().encode(text);
  const decode = (a, b) => new TextDecoder().decode(bytes.slice(a, b));
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    parts.push(decode(at, start), el("mark", {}, decode(start, end)));
    at = end;
  }
  parts.push(decode(at, bytes.length));
  return parts;
}

// `path:12` for a line, `path:p7` for a PDF's page, `path:¶3` for a paragraph.
function cite(hit) {
  const place = hit.line ? String(hit.line) : hit.page ? "p" + hit.page : "¶" + hit.paragraph;
  return hit.path + ":" + place;
}

function openArticle(hit) {
  return el("a", { class: "open", href: stateUrl({ tab: "article", doc: hit.doc, at: String(hit.start) }), onclick: (event) => {
    event.preventDefault();
    go({ tab: "article", doc: hit.doc, at: String(hit.start) });
  } }, hit.title || hit.path);
}

function filterTag(field, name, label) {
  return el("button", { type: "button", class: "tag", title: "Filter by " + field, onclick: () => go({ tab: state.tab === "article" ? "search" : state.tab, [field]: name }) }, label || name);
}

function hitView(hit) {
  const names = (hit.entities || []).map((e) => filterTag(e.kind, e.name));
  const speakers = (hit.speakers || []).map((s) => filterTag("speaker", s));
  return el("article", { class: "hit", "data-doc": hit.doc },
    el("h2", {}, openArticle(hit)),
    el("div", { class: "meta" }, [hit.published || "undated", " · ", cite(hit)].join("")),
    el("p", { class: "text" }, marked(hit.text, hit.highlights)),
    speakers.length ? el("div", { class: "speakers" }, "Quoted: ", speakers) : null,
    names.length ? el("div", { class: "names" }, names) : null);
}

function renderChips() {
  const chips = document.getElementById("chips");
  chips.replaceChildren();
  for (const key of FILTERS) {
    if (!state[key]) continue;
    chips.append(el("button", { type: "button", class: "chip", "data-filter": key, title: "Remove this filter", onclick: () => go({ [key]: "" }) }, key.replace("_", " ") + ": " + state[key]));
  }
}

function renderFacets(facets) {
  const aside = document.getElementById("facets");
  aside.replaceChildren();
  for (const field of ["speaker", "person", "org", "place", "date"]) {
    const values = (facets && facets[field]) || [];
    const years = values.filter((f) => field !== "date" || f.value.length === 4);
    if (years.length === 0) continue;
    aside.append(el("h3", {}, FACET_TITLES[field]), el("ul", {}, years.map((f) => el("li", {},
      el("button", { type: "button", class: "facet", "data-field": field, onclick: () => field === "date" ? go({ from: f.value, to: f.value }) : go({ [field]: f.value }) },
        el("span", {}, f.value), el("span", { class: "count" }, String(f.count)))))));
  }
}

// The periods from the first count to the last, empty ones included, by
// month, or by year over long spans: a quiet stretch shows as a gap.
function timelineBars(counts) {
  const byMonth = new Map(counts.map((c) => [c.period, c.count]));
  const [firstYear, firstMonth] = counts[0].period.split("-").map(Number);
  const [lastYear, lastMonth] = counts[counts.length - 1].period.split("-").map(Number);
  const months = (lastYear - firstYear) * 12 + (lastMonth - firstMonth) + 1;
  const bars = [];
  if (months <= 36) {
    for (let i = 0; i < months; i++) {
      const year = firstYear + Math.floor((firstMonth - 1 + i) / 12);
      const period = year + "-" + String(((firstMonth - 1 + i) % 12) + 1).padStart(2, "0");
      bars.push({ period, count: byMonth.get(period) || 0 });
    }
    return bars;
  }
  const byYear = new Map();
  for (const c of counts) byYear.set(c.period.slice(0, 4), (byYear.get(c.period.slice(0, 4)) || 0) + c.count);
  for (let year = firstYear; year <= lastYear; year++) bars.push({ period: String(year), count: byYear.get(String(year)) || 0 });
  return bars;
}

// A bar per period of the matching passages; a click on a bar, or a drag
// over several, sets the date filter.
function renderTimeline(container, counts) {
  if (counts.length === 0) return;
  const bars = timelineBars(counts);
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  const width = Math.max(container.clientWidth, 200);
  const step = width / bars.length;
  svg.setAttribute("id", "timeline");
  svg.setAttribute("viewBox", "0 0 " + width + " 90");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Matching passages by date");
  const most = Math.max(...bars.map((b) => b.count));
  let dragFrom = null;
  bars.forEach((bar, i) => {
    const height = bar.count ? Math.max(2, (bar.count / most) * 70) : 0;
    const rect = document.createElementNS(ns, "rect");
    rect.setAttribute("x", i * step + step * 0.1);
    rect.setAttribute("y", 75 - height);
    rect.setAttribute("width", step * 0.8);
    rect.setAttribute("height", Math.max(height, 1));
    rect.dataset.period = bar.period;
    if (state.from && state.from <= bar.period && bar.period <= (state.to || "9999")) rect.classList.add("on");
    const title = document.createElementNS(ns, "title");
    title.textContent = bar.period + ": " + bar.count + " passages";
    rect.append(title);
    rect.addEventListener("pointerdown", () => { dragFrom = bar.period; });
    rect.addEventListener("pointerup", () => {
      const from = dragFrom && dragFrom < bar.period ? dragFrom : bar.period;
      const to = dragFrom && dragFrom > bar.period ? dragFrom : bar.period;
      dragFrom = null;
      go({ from, to });
    });
    svg.append(rect);
  });
  for (const [i, anchor] of [[0, "start"], [bars.length - 1, "end"]]) {
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", anchor === "start" ? 0 : width);
    label.setAttribute("y", 88);
    label.setAttribute("text-anchor", anchor);
    label.textContent = bars[i].period;
    svg.append(label);
  }
  container.append(svg);
}

async function renderSearch(content) {
  if (!state.q.trim()) {
    content.append(el("p", { class: "hint" }, "Type a query above. Try a speaker's name, a place or a quoted phrase."));
    return;
  }
  const [results, dates] = await Promise.all([
    api("search", { q: state.q, n: shown, facets: "true" }),
    api("dates", { q: state.q, by: "month" }),
  ]);
  renderFacets(results.facets);
  renderTimeline(content, dates.dates);
  content.append(el("p", { class: "summary", id: "summary" }, results.total + " passages · " + results.elapsed_ms.toFixed(1) + " ms"));
  for (const note of results.notes) content.append(el("p", { class: "summary" }, note));
  content.append(el("div", { id: "hits" }, results.hits.map(hitView)));
  if (results.total > results.hits.length && shown < 100) {
    content.append(el("button", { type: "button", class: "more", onclick: () => { shown += PAGE; render(); } }, "More"));
  }
}

async function renderQuotes(content) {
  const results = await api("quotes", { q: state.q, n: 50 });
  content.append(el("p", { class: "summary", id: "summary" }, results.total + " quotations"));
  content.append(el("div", { id: "hits" }, results.quotes.map((quote) => el("div", { class: "quote hit" },
    el("p", { class: "text" }, "“" + quote.text + "”"),
    el("div", { class: "meta" }, "— ", quote.speaker ? filterTag("speaker", quote.speaker) : "unattributed", " · ", quote.published || "undated", " · ", openArticle(Object.assign({ title: cite(quote) }, quote)))))));
}

async function renderCheck(content) {
  if (!state.q.trim()) {
    content.append(el("p", { class: "hint" }, "Paste a claim above, in any words, to find the passages that state it."));
    return;
  }
  const results = await api("check", { claim: state.q, n: 5 });
  content.append(el("p", { class: "summary", id: "summary" }, results.total + " candidate passages"));
  content.append(el("div", { id: "hits" }, results.hits.map((hit) => {
    const view = hitView(hit);
    view.prepend(el("div", { class: "verdict-" + (hit.verdict === "supports" ? "agrees" : hit.verdict === "differs" ? "differs" : "unclear") }, "Verdict: " + hit.verdict));
    view.append(el("ul", { class: "meta" }, hit.checks.map((c) => el("li", {},
      (c.agrees === true ? "✓ " : c.agrees === false ? "✗ " : "? ") + c.kind + ": " + c.claim + (c.passage ? " → " + c.passage : " (not in the passage)")))));
    return view;
  })));
}

// The passage's text with each quotation marked where it stands.
function withQuotes(text, quotes) {
  const parts = [];
  let at = 0;
  for (const quote of quotes) {
    const start = text.indexOf(quote.text, at);
    if (start < 0 || !quote.text) continue;
    parts.push(text.slice(at, start), el("q", { class: "quoted", title: quote.speaker || "unattributed" }, quote.text));
    at = start + quote.text.length;
  }
  parts.push(text.slice(at));
  return parts;
}

async function renderArticle(content) {
  const { article } = await api("article", { doc: state.doc });
  const view = el("div", { class: "article" },
    el("h2", {}, article.title || article.path),
    el("div", { class: "meta" }, (article.published || "undated") + " · " + article.path));
  let target = null;
  for (const passage of article.passages) {
    const text = passage.heading ? el("h3", {}, passage.text) : el("p", { class: "text" }, withQuotes(passage.text, passage.quotes));
    const block = el("div", { class: "passage", id: "p" + passage.start }, text,
      el("div", { class: "meta" }, cite(passage)),
      passage.quotes.map((q) => el("div", { class: "quote" }, "“" + q.text + "” — ", q.speaker ? filterTag("speaker", q.speaker) : "unattributed")),
      passage.entities.length ? el("div", { class: "names" }, passage.entities.map((e) => filterTag(e.kind, e.name))) : null,
      passage.dates.length ? el("div", { class: "meta" }, "Dates: " + passage.dates.join(", ")) : null);
    if (String(passage.start) === state.at) { block.classList.add("target"); target = block; }
    view.append(block);
  }
  content.append(view);
  if (target) target.scrollIntoView({ block: "center" });
}

async function render() {
  document.body.dataset.ready = "";
  document.getElementById("q").value = state.q;
  for (const key of DATE_INPUTS) document.getElementById(key).value = state[key];
  for (const button of document.querySelectorAll("#tabs button")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === state.tab));
  }
  renderChips();
  document.getElementById("facets").replaceChildren();
  const content = document.getElementById("content");
  content.replaceChildren();
  const views = { search: renderSearch, quotes: renderQuotes, check: renderCheck, article: renderArticle };
  try {
    await (views[state.tab] || renderSearch)(content);
  } catch (error) {
    content.append(el("p", { class: "error", id: "error" }, error.message));
  }
  document.body.dataset.ready = "true";
}

document.getElementById("form").addEventListener("submit", (event) => {
  event.preventDefault();
  const changes = { q: document.getElementById("q").value, doc: "", at: "" };
  for (const key of DATE_INPUTS) changes[key] = document.getElementById(key).value.trim();
  if (state.tab === "article") changes.tab = "search";
  go(changes);
});

for (const button of document.querySelectorAll("#tabs button")) {
  button.addEventListener("click", () => go({ tab: button.dataset.tab, doc: "", at: "" }));
}

document.addEventListener("keydown", (event) => {
  if (event.key === "/" && document.activeElement.tagName !== "INPUT") {
    event.preventDefault();
    document.getElementById("q").focus();
  }
});

render();
