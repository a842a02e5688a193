// The map on the public pages, drawn with our copy of Leaflet (a plain browser script, no build step: the CSP runs
// only our own files). For each .map[data-geojson] it fetches the GeoJSON and draws a pin per village placed at the
// village itself, a circle per village placed only at its commune (never a pin at an exact spot), each route as a
// line through its stops in order, and fits the view to them. Pins, circles and lines draw even when no tile loads.
(function () {
  'use strict';
  // The partial may be included twice on a page: one run draws every map.
  if (window.langngheMapScript) return;
  window.langngheMapScript = true;

  const COMMUNE_RADIUS_METRES = 1500;
  const COMMUNE_COLOUR = '#9a3412';
  const ROUTE_COLOUR = '#1d4ed8';

  let leaflet;
  /** Leaflet's stylesheet and script, added once to the page (pages without a map never load them). */
  function loadLeaflet(element) {
    if (!leaflet) {
      leaflet = Promise.all([
        load('link', { rel: 'stylesheet', href: element.dataset.leafletStylesheet }),
        window.L ? Promise.resolve() : load('script', { src: element.dataset.leafletScript }),
      ]).then(() => window.L);
    }
    return leaflet;
  }

  function load(tag, attributes) {
    return new Promise((resolve, reject) => {
      const node = Object.assign(document.createElement(tag), attributes);
      node.onload = resolve;
      node.onerror = () => reject(new Error(`could not load ${attributes.src || attributes.href}`));
      document.head.appendChild(node);
    });
  }

  async function fetchCollection(url) {
    const response = await fetch(url, { headers: { accept: 'application/geo+json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }

  const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  /** A link to one of our pages in the page's language (the GeoJSON's URLs are absolute when PUBLIC_URL is set). */
  function inLanguage(url, lang) {
    const address = new URL(url, window.location.href);
    address.searchParams.set('lang', lang);
    return address.origin === window.location.origin ? address.pathname + address.search : address.href;
  }

  function popupContent(title, note, link, linkText) {
    const box = document.createElement('div');
    const heading = box.appendChild(document.createElement('strong'));
    heading.textContent = title;
    if (note) {
      const line = box.appendChild(document.createElement('span'));
      line.className = 'map-approximate';
      line.textContent = note;
    }
    const anchor = box.appendChild(document.createElement('a'));
    anchor.href = link;
    anchor.textContent = linkText;
    return box;
  }

  /** A circle is an SVG path: give it a name and the keyboard, as Leaflet gives its pins. */
  function makeFocusable(layer, label, open) {
    const path = layer.getElement();
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'button');
    path.setAttribute('aria-label', label);
    path.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      open();
    });
  }

  /** No map to draw: the sentence in place of the fallback's, in a box no taller than it. */
  function say(element, message) {
    const fallback = element.querySelector('.map-fallback');
    if (!fallback || !message) return;
    fallback.firstChild.textContent = `${message} `;
    element.style.height = 'auto';
    element.style.minHeight = '0';
  }

  async function draw(element) {
    const text = (name) => element.dataset[`text${name}`] || '';
    const lang = element.dataset.lang === 'en' ? 'en' : 'vi';
    let L, collection;
    try {
      [L, collection] = await Promise.all([loadLeaflet(element), fetchCollection(element.dataset.geojson)]);
    } catch (error) {
      say(element, text('Error'));
      throw error;
    }
    const features = (collection.features || []).filter((f) => f && f.geometry);
    const points = features.filter((f) => f.geometry.type === 'Point');
    const lines = features.filter((f) => f.geometry.type === 'LineString');
    if (!features.length) return say(element, text('Empty'));

    const toLatLng = ([lon, lat]) => L.latLng(lat, lon);
    const bounds = L.latLngBounds([]);
    for (const f of points) bounds.extend(toLatLng(f.geometry.coordinates));
    for (const f of lines) for (const position of f.geometry.coordinates) bounds.extend(toLatLng(position));

    // Half zoom steps: the villages fill more of a phone's screen than whole steps allow.
    const map = L.map(element, { zoomControl: false, zoomSnap: 0.5, scrollWheelZoom: element.dataset.wheelZoom === 'on' });
    L.control.zoom({ zoomInTitle: text('ZoomIn'), zoomOutTitle: text('ZoomOut') }).addTo(map);
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
      // One point: near enough to see a village's streets, or the whole of a commune's circle.
      map.setView(bounds.getCenter(), points.length && points[0].properties.precision === 'village' ? 15 : 13);
    } else {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
    }
    // Leaflet reads the attribution as HTML; ours is plain text from configuration.
    L.tileLayer(element.dataset.tileUrl, {
      attribution: escapeHtml(element.dataset.attribution || ''),
      maxZoom: 19,
      // The page sends no Referer; tile servers (OpenStreetMap's) ask to be told which site shows their tiles.
      referrerPolicy: 'strict-origin-when-cross-origin',
    }).addTo(map);

    // Lines first, so that the circles drawn after them take the clicks where they overlap.
    for (const f of lines) {
      const p = f.properties || {};
      const name = (p.name && (p.name[lang] || p.name.vi)) || p.id;
      // Every stop is a vertex: no simplifying, no clipping.
      const line = L.polyline(f.geometry.coordinates.map(toLatLng), {
        className: 'map-route',
        color: ROUTE_COLOUR,
        weight: 4,
        opacity: 0.85,
        smoothFactor: 0,
        noClip: true,
      })
        .bindPopup(popupContent(name, '', inLanguage(`/routes/${encodeURIComponent(p.id)}`, lang), text('RouteLink')))
        .addTo(map);
      line.getElement().setAttribute('data-route', p.id);
    }
    for (const f of points) {
      const p = f.properties || {};
      const name = (p.name && (p.name[lang] || p.name.vi)) || p.id;
      const at = toLatLng(f.geometry.coordinates);
      const link = inLanguage(p.url || `/villages/${encodeURIComponent(p.id)}`, lang);
      if (p.precision === 'village') {
        L.marker(at, { title: name, alt: name, riseOnHover: true })
          .bindPopup(popupContent(name, '', link, text('VillageLink')))
          .addTo(map);
        continue;
      }
      // Placed only at its commune: an area, and said so in the popup.
      const circle = L.circle(at, {
        radius: COMMUNE_RADIUS_METRES,
        className: 'map-commune',
        color: COMMUNE_COLOUR,
        weight: 2,
        dashArray: '5 4',
        fillColor: COMMUNE_COLOUR,
        fillOpacity: 0.2,
      })
        .bindPopup(popupContent(name, text('Approximate'), link, text('VillageLink')))
        .addTo(map);
      // A popup opens where the circle was clicked; its centre says more.
      circle.on('popupopen', (event) => event.popup.setLatLng(at));
      makeFocusable(circle, `${name}: ${text('Approximate')}`, () => circle.openPopup(at));
    }

    // Keyboard users land in the popup they opened and go back to its pin or circle when it closes.
    let opener = null;
    map.on('popupopen', (event) => {
      const popup = event.popup.getElement();
      const close = popup.querySelector('.leaflet-popup-close-button');
      if (close) close.setAttribute('aria-label', text('Close'));
      opener = element.contains(document.activeElement) && document.activeElement !== element ? document.activeElement : null;
      const link = popup.querySelector('.leaflet-popup-content a');
      // Focus must not scroll the map's hidden overflow (Leaflet places everything by transforms).
      if (opener && link) link.focus({ preventScroll: true });
    });
    // Leaflet listens for Escape only once the map itself has had the focus, not a pin's or a circle's.
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') map.closePopup();
    });
    map.on('popupclose', () => {
      const focus = document.activeElement;
      const lost = !focus || focus === document.body || !focus.isConnected || element.querySelector('.leaflet-popup-pane').contains(focus);
      if (opener && lost) opener.focus({ preventScroll: true });
      opener = null;
    });
    element.classList.add('map-ready');
  }

  function start() {
    for (const element of document.querySelectorAll('.map[data-geojson]')) {
      if (element.dataset.mapStarted) continue;
      element.dataset.mapStarted = 'yes';
      draw(element).catch((error) => console.error('map:', error));
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
