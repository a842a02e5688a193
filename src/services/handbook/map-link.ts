// A Google Maps directions link through a route's stops. A point of village precision goes in as
// coordinates; a commune-level point would mislead, so such a stop goes in as a search for its name.
export interface MapStop {
  name: string;
  // Where to look for it, e.g. the former commune and district, which maps know best.
  area?: string | null;
  lat?: number | null;
  lon?: number | null;
  precision?: string | null;
}

export function mapLink(stops: MapStop[]): string {
  const waypoint = (stop: MapStop) =>
    stop.lat != null && stop.lon != null && stop.precision === 'village'
      ? `${stop.lat},${stop.lon}`
      : encodeURIComponent([stop.name, stop.area, 'Hà Nội'].filter(Boolean).join(', '));
  return `https://www.google.com/maps/dir/${stops.map(waypoint).join('/')}`;
}
