// The CSP source a MAP_TILE_URL needs in img-src: the tile server's scheme and host, "{s}" subdomains as "*".
import { describe, expect, it } from 'vitest';
import { tileSourceForCsp } from '../../src/http/map-settings.js';

describe('tileSourceForCsp', () => {
  it("names the tile server's origin", () => {
    expect(tileSourceForCsp('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(tileSourceForCsp('http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8081');
    expect(tileSourceForCsp('HTTPS://Tiles.Example.ORG/{z}/{x}/{y}.png?key=abc')).toBe('https://tiles.example.org');
  });

  it("turns Leaflet's {s} subdomain into a wildcard", () => {
    expect(tileSourceForCsp('https://{s}.tile.openstreetmap.fr/hot/{z}/{x}/{y}.png')).toBe('https://*.tile.openstreetmap.fr');
  });

  it('needs nothing for tiles on our own server, and never lets a template write into the header', () => {
    expect(tileSourceForCsp('/tiles/{z}/{x}/{y}.png')).toBeUndefined();
    // A placeholder a CSP cannot name keeps only the scheme.
    expect(tileSourceForCsp('https://tiles{s}.example.org/{z}/{x}/{y}.png')).toBe('https:');
    expect(tileSourceForCsp("https://evil.example;script-src 'unsafe-inline'/{z}.png")).toBe('https:');
  });
});
