/* peristiwa dashboard: map, timeline, event table and event view over the /api endpoints.
 *
 * No build step and nothing from outside: Leaflet and topojson-client are bundled under /static/vendor,
 * country boundaries under /static/data. The page state (filters, sort, map view, open event) lives in
 * the URL query string, so a view can be shared by copying the address.
 */
(function () {
  "use strict";

  var TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  var COLORS = {
    AGREE: "#2e7d32", CONSULT: "#66bb6a", SUPPORT: "#9ccc65", CONCEDE: "#26a69a", COOPERATE: "#00838f",
    AID: "#29b6f6", RETREAT: "#5c6bc0", REQUEST: "#7e57c2", ACCUSE: "#ab47bc", REJECT: "#ec407a",
    THREATEN: "#ff7043", PROTEST: "#ffa000", SANCTION: "#8d6e63", MOBILIZE: "#78909c", COERCE: "#e53935",
    ASSAULT: "#b71c1c"
  };
  var FILTERS = ["q", "actor", "recipient", "place", "admin1", "country", "source", "mode", "modality",
    "date_from", "date_to", "lang", "min_confidence", "doc_id"];
  var PAGE = 50;
  var BUCKET_DAYS = { day: 1, week: 7, month: 30.44, year: 365.25 };

  var state = { filters: {}, types: [], sort: "-date", map: null, doc: null, event: null };
  var map = null, cellLayer = null, nextCursor = null, mapSeq = 0, dataSeq = 0, boundaries = null, timeline = null;
  var timings = { start: performance.now() };
  window.peristiwa = { state: state, timings: timings, cells: [] };

  function $(sel) { return document.querySelector(sel); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "class") node.className = attrs[k];
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function chip(type) {
    return el("span", { "class": "chip", style: "background:" + (COLORS[type] || "#777"), text: type });
  }
  function showError(msg) {
    var box = $("#error");
    box.textContent = msg;
    box.hidden = !msg;
  }

  // -- URL state ---------------------------------------------------------------------------------------

  function readUrl() {
    var p = new URLSearchParams(location.search);
    state.filters = {};
    FILTERS.forEach(function (k) { if (p.get(k)) state.filters[k] = p.get(k); });
    state.types = (p.get("type") || "").split(",").filter(function (t) { return TYPES.indexOf(t) >= 0; });
    state.sort = p.get("sort") || "-date";
    state.map = p.get("map");
    state.doc = p.get("doc");
    state.event = p.get("event");
  }
  function writeUrl(push) {
    var p = new URLSearchParams();
    FILTERS.forEach(function (k) { if (state.filters[k]) p.set(k, state.filters[k]); });
    if (state.types.length) p.set("type", state.types.join(","));
    if (state.sort !== "-date") p.set("sort", state.sort);
    if (state.map) p.set("map", state.map);
    if (state.event) { p.set("doc", state.doc || ""); p.set("event", state.event); }
    var url = location.pathname + (p.toString() ? "?" + p.toString() : "");
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  }
  function filterQuery(extra) {
    var p = new URLSearchParams();
    FILTERS.forEach(function (k) { if (state.filters[k]) p.set(k, state.filters[k]); });
    if (state.types.length) p.set("type", state.types.join(","));
    Object.keys(extra || {}).forEach(function (k) { if (extra[k] !== null && extra[k] !== undefined) p.set(k, extra[k]); });
    return p.toString();
  }
  function fillForm() {
    var form = $("#filters");
    FILTERS.forEach(function (k) { if (form.elements[k]) form.elements[k].value = state.filters[k] || ""; });
    $("#sort").value = state.sort;
    renderTypeChips();
  }
  function readForm() {
    var form = $("#filters");
    var f = {};
    FILTERS.forEach(function (k) {
      var v = form.elements[k] ? form.elements[k].value.trim() : state.filters[k];
      if (v) f[k] = k === "country" ? v.toUpperCase() : v;
    });
    state.filters = f;
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(readJSON);
  }
  function readJSON(r) {
    return r.json().then(function (body) {
      if (!r.ok) throw new Error(body && body.error ? body.error : "HTTP " + r.status);
      return body;
    });
  }

  // -- type chips (legend and filter) ------------------------------------------------------------------

  function renderTypeChips(counts) {
    var box = $("#types");
    box.textContent = "";
    TYPES.forEach(function (t) {
      var on = state.types.indexOf(t) >= 0;
      var n = counts && counts[t] ? " " + counts[t] : "";
      box.appendChild(el("button", {
        type: "button", "class": "type" + (on ? " on" : "") + (state.types.length && !on ? " off" : ""),
        "data-type": t, style: "--c:" + COLORS[t], text: t + n,
        onclick: function () {
          var i = state.types.indexOf(t);
          if (i >= 0) state.types.splice(i, 1); else state.types.push(t);
          apply();
        }
      }));
    });
    if (counts) state.typeCounts = counts;
  }

  // -- map ---------------------------------------------------------------------------------------------

  function initMap() {
    map = L.map("map", { preferCanvas: false, worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomControl: true });
    map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
    var view = (state.map || "").split(",").map(Number);
    if (view.length === 3 && view.every(isFinite)) map.setView([view[0], view[1]], view[2]);
    else map.setView([10, 60], 2);
    var pre = window.__prefetch && window.__prefetch.boundaries;
    if (pre) window.__prefetch.boundaries = null;
    boundaries = (pre || fetch("/static/data/countries-110m.json")).then(function (r) { return r.json(); }).then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      // Antarctica's ring runs along the map edge; rings crossing the antimeridian (Russia, Fiji) are
      // unwrapped so Leaflet does not draw them across the whole world
      land.features = land.features.filter(function (f) { return f.id !== "010"; });
      land.features.forEach(function (f) { unwrap(f.geometry); });
      L.geoJSON(land, {
        interactive: false,
        style: { color: "#9aa5ad", weight: 0.7, fillColor: "#eef0ea", fillOpacity: 1 }
      }).addTo(map).bringToBack();
      timings.boundaries = performance.now() - timings.start;
    }).catch(function () { timings.boundaries = null; });  // the map works without them
    cellLayer = L.layerGroup().addTo(map);
    map.on("moveend", function () {
      var c = map.getCenter();
      state.map = [c.lat.toFixed(3), c.lng.toFixed(3), map.getZoom()].join(",");
      writeUrl(false);
      loadMap();
    });
  }

  function unwrap(geom) {
    if (!geom) return;
    var polys = geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
    polys.forEach(function (poly) {
      poly.forEach(function (ring) {
        for (var i = 1; i < ring.length; i++) {
          while (ring[i][0] - ring[i - 1][0] > 180) ring[i][0] -= 360;
          while (ring[i][0] - ring[i - 1][0] < -180) ring[i][0] += 360;
        }
      });
    });
  }

  function viewBounds() {
    var b = map.getBounds();
    var w = b.getWest(), e = b.getEast();
    if (e - w >= 360) { w = -180; e = 180; }
    return [w, Math.max(-90, b.getSouth()), e, Math.min(90, b.getNorth())];
  }
  function viewportBox() {
    return viewBounds().map(function (v) { return v.toFixed(4); }).join(",");
  }

  function loadMap() {
    var seq = ++mapSeq;
    var q = filterQuery({ zoom: map.getZoom(), bbox: viewportBox() });
    return getJSON("/api/map?" + q).then(function (ans) {
      if (seq !== mapSeq) return;
      drawCells(ans);
    });
  }

  // Cells the page's first request fetched for a box around the starting view (index.html): usable when
  // the map has that zoom and the box covers what the map shows; the events in view are then counted
  // from the cells whose centre is in view.
  function cellsInView(pre, ans) {
    var v = viewBounds(), box = pre.view;
    if (pre.zoom !== map.getZoom() || box[1] > v[1] || box[3] < v[3]) return null;
    if (!(box[2] - box[0] >= 360 || (box[0] <= v[0] && box[2] >= v[2]))) return null;
    var n = 0;
    ans.cells.forEach(function (c) {
      if (c.lat < v[1] || c.lat > v[3]) return;
      if ([c.lon, c.lon - 360, c.lon + 360].some(function (x) { return x >= v[0] && x <= v[2]; })) n += c.n;
    });
    return n;
  }

  function drawCells(ans, located) {
    if (located === undefined || located === null) located = ans.located;
    cellLayer.clearLayers();
    window.peristiwa.cells = ans.cells;
    ans.cells.forEach(function (c) {
      var size = Math.round(16 + 7 * Math.log2(c.n));
      var mix = Object.keys(c.types).map(function (t) { return t + " " + c.types[t]; }).join(", ");
      var title = (c.label || "?") + ": " + c.n + " event" + (c.n > 1 ? "s" : "") + " (" + mix + ")";
      var html = '<div class="cell" style="width:' + size + "px;height:" + size + "px;line-height:" + size +
        "px;background:" + (COLORS[c.type] || "#777") + '">' + (c.n > 1 ? c.n : "") + "</div>";
      var marker = L.marker([c.lat, c.lon], {
        title: title,
        icon: L.divIcon({ html: html, className: "cell-icon", iconSize: [size, size] })
      });
      marker.on("click", function () { cellClicked(c, marker); });
      marker.on("add", function () {
        var node = marker.getElement();
        if (node) {
          node.setAttribute("data-countries", c.countries.join(" "));
          node.setAttribute("data-places", c.places.join("|"));
          node.setAttribute("data-n", c.n);
          node.setAttribute("data-type", c.type);
        }
      });
      cellLayer.addLayer(marker);
    });
    var note = located + " located event" + (located === 1 ? "" : "s") + " in view";
    if (ans.truncated) note += " (largest cells only; zoom in)";
    $("#map-note").textContent = note;
  }

  function cellClicked(c, marker) {
    if (c.event) { openEvent(c.event.doc_id, c.event.event_id, true); return; }
    var box = c.bbox.map(function (v) { return v.toFixed(5); }).join(",");
    var div = el("div", { "class": "popup" }, [el("strong", { text: (c.label || "") + ": " + c.n + " events" })]);
    var list = el("ul");
    div.appendChild(list);
    div.appendChild(el("a", { href: "#", text: "zoom in", onclick: function (ev) {
      ev.preventDefault();
      map.fitBounds([[c.bbox[1], c.bbox[0]], [c.bbox[3], c.bbox[2]]]);
    } }));
    marker.bindPopup(div, { maxWidth: 360 }).openPopup();
    getJSON("/api/events?" + filterQuery({ bbox: box, limit: 12, sort: state.sort })).then(function (page) {
      page.events.forEach(function (e) {
        list.appendChild(el("li", {}, [chip(e.type), " ", el("a", { href: "#", text: (e.date || e.published || "") +
          " " + (e.trigger || "") + " — " + (e.location || ""), onclick: function (ev) {
          ev.preventDefault(); openEvent(e.doc_id, e.event_id, true);
        } })]));
      });
      if (page.next_cursor) list.appendChild(el("li", { text: "…" }));
    });
  }

  // -- timeline ----------------------------------------------------------------------------------------

  // One path per type and one transparent hit box per bucket (with its tooltip): a few hundred nodes
  // instead of a rectangle per bucket and type, built as one string.
  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function drawTimeline(tl) {
    var svg = $("#timeline");
    var W = svg.clientWidth || 600, H = 140, pad = 18;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    timeline = tl;
    $("#bucket").textContent = tl.bucket;
    $("#undated").textContent = tl.undated ? "(" + tl.undated + " undated not shown)" : "";
    $("#clear-dates").hidden = !(state.filters.date_from || state.filters.date_to);
    if (!tl.buckets.length) {
      svg.innerHTML = '<text x="' + W / 2 + '" y="' + H / 2 + '" text-anchor="middle" class="axis">no dated events</text>';
      return;
    }
    var day = 86400000, size = BUCKET_DAYS[tl.bucket] * day;
    var first = Date.parse(tl.buckets[0].start), last = Date.parse(tl.buckets[tl.buckets.length - 1].start);
    var slots = Math.max(1, Math.round((last - first) / size) + 1);
    var bw = Math.max(1, (W - 2 * pad) / slots), barW = Math.max(1, bw - 1).toFixed(2);
    var max = 1;
    tl.buckets.forEach(function (b) {
      var s = 0;
      Object.keys(b.types).forEach(function (k) { s += b.types[k]; });
      b.total = s;
      max = Math.max(max, s);
    });
    var hh = H - 2 * pad, paths = {}, hits = [];
    tl.buckets.forEach(function (b) {
      var x = (pad + Math.round((Date.parse(b.start) - first) / size) * bw).toFixed(2);
      var y = H - pad;
      TYPES.forEach(function (k) {
        if (!b.types[k]) return;
        var h = Math.max(0.5, b.types[k] / max * hh);
        y -= h;
        (paths[k] = paths[k] || []).push("M" + x + " " + y.toFixed(2) + "h" + barW + "v" + h.toFixed(2) + "h-" + barW + "z");
      });
      var title = b.start + ": " + b.total + " (" + TYPES.filter(function (k) { return b.types[k]; }).map(function (k) {
        return k + " " + b.types[k];
      }).join(", ") + ")";
      hits.push('<rect class="bar" x="' + x + '" y="' + pad + '" width="' + barW + '" height="' + hh +
        '" data-start="' + esc(b.start) + '" data-total="' + b.total + '"><title>' + esc(title) + "</title></rect>");
    });
    var out = TYPES.filter(function (k) { return paths[k]; }).map(function (k) {
      return '<path fill="' + COLORS[k] + '" d="' + paths[k].join("") + '"/>';
    });
    out.push(hits.join(""));
    out.push('<text x="' + pad + '" y="' + (H - 4) + '" text-anchor="start" class="axis">' + esc(tl.buckets[0].start) + "</text>");
    out.push('<text x="' + (W - pad) + '" y="' + (H - 4) + '" text-anchor="end" class="axis">' +
      esc(tl.buckets[tl.buckets.length - 1].start) + "</text>");
    out.push('<text x="' + pad + '" y="' + (pad - 6) + '" class="axis">max ' + max + "</text>");
    svg.innerHTML = out.join("");
  }
  function timelineClicked(ev) {
    var bar = ev.target.closest && ev.target.closest(".bar");
    if (!bar || !timeline) return;
    var start = bar.getAttribute("data-start"), day = 86400000;
    var end = new Date(Date.parse(start) + BUCKET_DAYS[timeline.bucket] * day - day);
    if (timeline.bucket === "month") end = new Date(Date.UTC(+start.slice(0, 4), +start.slice(5, 7), 0));
    if (timeline.bucket === "year") end = new Date(Date.UTC(+start.slice(0, 4), 11, 31));
    state.filters.date_from = start;
    state.filters.date_to = end.toISOString().slice(0, 10);
    fillForm();
    apply();
  }

  // -- table -------------------------------------------------------------------------------------------

  function countsText(counts) {
    return (counts || []).map(function (c) {
      return c.kind + " " + c.value + (c.qualifier && c.qualifier !== "exact" ? " (" + c.qualifier.replace("_", " ") + ")" : "");
    }).join("; ");
  }
  function addRows(events) {
    var body = $("#events tbody");
    events.forEach(function (e) {
      var who = (e.actors || []).join(", ") + ((e.recipients || []).length ? " → " + e.recipients.join(", ") : "");
      var tr = el("tr", { "data-doc": e.doc_id, "data-event": e.event_id, tabindex: "0",
        "class": e.modality !== "asserted" ? "modal" : "" }, [
        el("td", { text: e.date || (e.published ? e.published + "*" : ""), title: e.date ? "" : "publication date" }),
        el("td", {}, [chip(e.type)]),
        el("td", { title: e.evidence || "" }, [el("b", { text: e.trigger || "" }),
          e.modality !== "asserted" ? el("em", { text: " " + e.modality }) : null]),
        el("td", { text: who }),
        el("td", { text: [e.location, e.country].filter(Boolean).join(", ") }),
        el("td", { text: countsText(e.counts) }),
        el("td", { text: e.source || "" })
      ]);
      tr.addEventListener("click", function () { openEvent(e.doc_id, e.event_id, true); });
      tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") openEvent(e.doc_id, e.event_id, true); });
      body.appendChild(tr);
    });
  }
  function loadMore() {
    if (!nextCursor) return Promise.resolve();
    return getJSON("/api/events?" + filterQuery({ limit: PAGE, sort: state.sort, cursor: nextCursor })).then(function (page) {
      addRows(page.events);
      nextCursor = page.next_cursor;
      $("#more").hidden = !nextCursor;
    });
  }

  // -- loading -----------------------------------------------------------------------------------------

  function drawStats(s) {
    renderTypeChips(s.by_type);
    var countries = Object.keys(s.by_country).filter(function (k) { return k !== "null"; }).length;
    $("#summary").textContent = s.total + " event" + (s.total === 1 ? "" : "s") + " in " + s.documents +
      " document" + (s.documents === 1 ? "" : "s") + "; " + s.located + " located in " + countries +
      " countr" + (countries === 1 ? "y" : "ies") + (s.first ? "; " + s.first + " to " + s.last : "");
    drawTimeline(s.timeline);
  }
  function drawTable(page) {
    $("#events tbody").textContent = "";
    addRows(page.events);
    nextCursor = page.next_cursor;
    $("#more").hidden = !nextCursor;
  }

  // One request (GET /api/overview) for the statistics, the first page and the map cells; the first
  // time, the answer index.html asked for before the libraries loaded.
  function refresh() {
    var seq = ++dataSeq, mseq = ++mapSeq;
    showError("");
    $("#csv").href = "/api/events?" + filterQuery({ format: "csv", limit: 10000, sort: state.sort });
    $("#geojson").href = "/api/events?" + filterQuery({ format: "geojson", limit: 10000, sort: state.sort });
    var pre = window.__prefetch, early = pre && pre.overview && pre.key === filterQuery({ limit: PAGE, sort: state.sort });
    var answer = early ? pre.overview.then(readJSON) :
      getJSON("/api/overview?" + filterQuery({ limit: PAGE, sort: state.sort, zoom: map.getZoom(), view: viewportBox() }));
    if (pre) pre.overview = null;
    var drawn = answer.then(function (o) {
      if (seq !== dataSeq) return;
      drawStats(o.stats);
      timings.stats = timings.table = performance.now() - timings.start;
      drawTable(o.events);
      if (mseq !== mapSeq) return;  // the map moved meanwhile; its own request draws it
      var located = early ? cellsInView(pre, o.map) : o.map.located;
      if (located === null) return loadMap();
      drawCells(o.map, located);
    }).then(function () { timings.map = performance.now() - timings.start; });
    return Promise.all([drawn, boundaries]).then(function () {
      if (seq !== dataSeq) return;
      timings.ready = performance.now() - timings.start;
      timings.readyAt = performance.now();
      document.body.setAttribute("data-ready", "1");
    }).catch(function (err) { showError(String(err.message || err)); document.body.setAttribute("data-ready", "error"); });
  }

  function apply() {
    writeUrl(false);
    document.body.setAttribute("data-ready", "0");
    renderTypeChips(state.typeCounts);
    return refresh();
  }

  // -- event view --------------------------------------------------------------------------------------

  function openEvent(docId, eventId, push) {
    state.doc = docId;
    state.event = eventId;
    writeUrl(push);
    var aside = $("#event-view"), body = $("#event-body");
    aside.hidden = false;
    aside.setAttribute("data-loaded", "0");
    body.textContent = "loading…";
    getJSON("/api/events/" + encodeURIComponent(eventId).replace(/%3A/g, ":") + "?doc_id=" + encodeURIComponent(docId))
      .then(function (v) { renderEvent(v); aside.setAttribute("data-loaded", "1"); })
      .catch(function (err) { body.textContent = String(err.message || err); aside.setAttribute("data-loaded", "error"); });
  }
  function closeEvent() {
    state.doc = state.event = null;
    $("#event-view").hidden = true;
    writeUrl(false);
  }

  function field(name, value) {
    if (value === null || value === undefined || value === "" || (value.length === 0)) return null;
    return el("tr", {}, [el("th", { text: name }), el("td", {}, [typeof value === "string" ? value : value])]);
  }
  function actorList(actors) {
    return actors.map(function (a) {
      return a.name + (a.country || a.sector ? " (" + [a.country, a.sector].filter(Boolean).join(", ") + ")" : "") +
        (a.text && a.text !== a.name ? " ← “" + a.text + "”" : "");
    }).join("; ");
  }
  function renderEvent(v) {
    var ev = v.event, doc = v.document, body = $("#event-body");
    body.textContent = "";
    var locs = ev.location ? (Array.isArray(ev.location) ? ev.location : [ev.location]) : [];
    body.appendChild(el("h2", {}, [chip(ev.type), " ", ev.trigger, ev.mode.length ? " (" + ev.mode.join(", ") + ")" : "",
      ev.modality !== "asserted" ? el("em", { text: " " + ev.modality }) : null]));
    body.appendChild(el("p", { "class": "doc" }, [el("b", { text: doc.title || doc.doc_id }), " · ",
      doc.published || "no date", " · ", doc.source || "", doc.url ? " · " : "",
      doc.url ? el("a", { href: doc.url, target: "_blank", rel: "noopener", text: "original" }) : null]));

    var chain = el("ol", { "class": "chain", "aria-label": "claim chain" });
    v.claim_chain.forEach(function (c) {
      var label = { speaker: "said by", via: "via", source: "claimed by", article: "reported in" }[c.role] || c.role;
      chain.appendChild(el("li", { "class": "link-" + c.role }, [el("small", { text: label }), " ",
        el("b", { text: c.name || "?" }), c.cue ? " (" + c.cue + (c.direct ? ", direct quote" : "") + ")" : ""]));
    });
    body.appendChild(el("h3", { text: "Who says so" }));
    body.appendChild(chain);

    var t = el("table", { "class": "fields" });
    [field("actors", actorList(ev.actors)), field("recipients", actorList(ev.recipients)),
      field("where", locs.map(function (p) {
        return [p.name || p.text, p.admin1, p.country].filter(Boolean).join(", ") +
          (p.lat !== null && p.lat !== undefined ? " (" + p.lat.toFixed(3) + ", " + p.lon.toFixed(3) + ", " + p.precision + ")" : "");
      }).join("; ")),
      field("when", ev.date ? (typeof ev.date === "string" ? ev.date : ev.date.start + " to " + ev.date.end) : "not in the text"),
      field("counts", countsText(ev.counts)), field("claimed by", ev.source),
      field("confidence", String(ev.confidence)),
      field("ACLED view", ev.acled ? ev.acled.event_type + " / " + ev.acled.sub_event_type +
        (ev.acled.fatalities ? ", " + ev.acled.fatalities + " fatalities" : "") : ""),
      field("merged", v.merge.within_document)
    ].forEach(function (r) { if (r) t.appendChild(r); });
    body.appendChild(t);

    body.appendChild(el("h3", { text: "Evidence in the source text" }));
    var legend = el("p", { "class": "legend" });
    ["trigger", "actor", "recipient", "place", "date", "count", "speaker", "quote", "evidence", "mention"].forEach(function (k) {
      legend.appendChild(el("mark", { "class": "k-" + k, text: k }));
      legend.appendChild(document.createTextNode(" "));
    });
    body.appendChild(legend);
    var text = el("div", { "class": "source-text", lang: doc.lang || "" });
    v.segments.forEach(function (s) {
      if (!s.kinds.length) { text.appendChild(document.createTextNode(s.text)); return; }
      text.appendChild(el("mark", { "class": s.kinds.map(function (k) { return "k-" + k; }).join(" "),
        title: s.labels.join("\n"), "data-kinds": s.kinds.join(" "), text: s.text }));
    });
    body.appendChild(text);

    var linked = v.quotes.filter(function (q) { return q.linked; });
    if (linked.length) {
      body.appendChild(el("h3", { text: "Quotes" }));
      var ql = el("ul", { "class": "quotes" });
      linked.forEach(function (q) {
        ql.appendChild(el("li", {}, [el("b", { text: q.speaker || "?" }), q.via.length ? " via " + q.via.join(" ← ") : "",
          ": ", q.direct ? "“" + q.text + "”" : q.text]));
      });
      body.appendChild(ql);
    }
    if (v.merge.related.length) {
      body.appendChild(el("h3", { text: "Same event in other reports" }));
      var rl = el("ul", { "class": "related" });
      v.merge.related.forEach(function (r) {
        var why = ["score " + r.reason.score];
        if (r.reason.date_gap_days !== null) why.push(r.reason.date_gap_days + " days apart");
        if (r.reason.distance_km !== null) why.push(r.reason.distance_km + " km apart");
        if (r.reason.actor_overlap !== null) why.push("participants overlap " + r.reason.actor_overlap);
        rl.appendChild(el("li", {}, [el("a", { href: "#", text: (r.title || r.doc_id) + " — " + (r.evidence || ""),
          onclick: function (e) { e.preventDefault(); openEvent(r.doc_id, r.event_id, true); } }),
          el("small", { text: " (" + why.join(", ") + ")" })]));
      });
      body.appendChild(rl);
    }
    var first = text.querySelector(".k-trigger") || text.querySelector(".k-evidence");
    if (first && first.scrollIntoView) first.scrollIntoView({ block: "center" });
    body.appendChild(el("p", { "class": "note" }, [el("a", { href: "/api/documents/" + encodeURIComponent(v.doc_id),
      target: "_blank", text: "document JSON" }), " · ", el("a", { href: "/api/events/" + encodeURIComponent(ev.id) +
      "?doc_id=" + encodeURIComponent(v.doc_id), target: "_blank", text: "event JSON" })]));
  }

  // -- wiring ------------------------------------------------------------------------------------------

  function init() {
    readUrl();
    fillForm();
    initMap();
    $("#filters").addEventListener("submit", function (ev) { ev.preventDefault(); readForm(); apply(); });
    $("#filters").addEventListener("change", function (ev) {
      if (ev.target.type === "date" || ev.target.tagName === "SELECT") { readForm(); apply(); }
    });
    $("#reset").addEventListener("click", function () { state.filters = {}; state.types = []; fillForm(); apply(); });
    $("#share").addEventListener("click", function () {
      if (navigator.clipboard) navigator.clipboard.writeText(location.href);
      $("#share").textContent = "link copied";
      setTimeout(function () { $("#share").textContent = "Copy link"; }, 1500);
    });
    $("#clear-dates").addEventListener("click", function () {
      delete state.filters.date_from; delete state.filters.date_to; fillForm(); apply();
    });
    $("#sort").addEventListener("change", function () { state.sort = $("#sort").value; apply(); });
    $("#more").addEventListener("click", loadMore);
    $("#timeline").addEventListener("click", timelineClicked);
    $("#close-event").addEventListener("click", closeEvent);
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && state.event) closeEvent(); });
    window.addEventListener("popstate", function () {
      readUrl(); fillForm(); refresh();
      if (state.event) openEvent(state.doc, state.event, false); else $("#event-view").hidden = true;
    });
    refresh();
    if (state.event) openEvent(state.doc, state.event, false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
