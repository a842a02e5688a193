// What the map on the public pages takes from the server: the tiles (MAP_TILE_URL, MAP_TILE_ATTRIBUTION), where our
// copies of map.js and Leaflet are, and the tile server's origin for the CSP's img-src.
import type { Config } from '../config.js';
import { mapAssetUrls } from './routes/map-assets.js';

export interface MapSettings {
  /** Leaflet's tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png */
  tileUrl: string;
  /** Plain text shown in the map's corner, as the tile server asks. */
  attribution: string;
  script: string;
  leafletScript: string;
  leafletStylesheet: string;
  /** Leaflet's pin picture, for a legend. */
  pinIcon: string;
}

export const mapSettings = (config: Pick<Config, 'MAP_TILE_URL' | 'MAP_TILE_ATTRIBUTION'>): MapSettings => ({
  tileUrl: config.MAP_TILE_URL,
  attribution: config.MAP_TILE_ATTRIBUTION,
  ...mapAssetUrls,
});

/**
 * The CSP source that lets pages load MAP_TILE_URL's tiles: its scheme and host, with Leaflet's "{s}" subdomain as
 * "*"; nothing for tiles on our own server (a path), which 'self' covers; the bare scheme for a host a CSP cannot name.
 */
export function tileSourceForCsp(template: string): string | undefined {
  const match = /^(?:(https?):)?\/\/([^/?#]+)/i.exec(template.trim());
  if (!match) return undefined;
  const scheme = (match[1] ?? '').toLowerCase();
  const host = match[2]!.toLowerCase().replace(/^\{s\}\./, '*.');
  const nameable = /^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/.test(host) || /^\[[0-9a-f:.]+\](:\d{1,5})?$/.test(host);
  if (!nameable) return scheme ? `${scheme}:` : undefined;
  return scheme ? `${scheme}://${host}` : host;
}
