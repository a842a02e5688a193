// A route as schema.org JSON-LD: a TouristTrip whose itinerary is an ItemList of its stops in order, each a
// TouristAttraction (a village, with its page) or a Place. A stop gets `geo` only where the handbook places
// it at the spot itself; a commune's point would send a search engine's map to the wrong place.

export interface TripStop {
  type: 'village' | 'place';
  id: string;
  name: { vi: string; en: string };
  where?: string | null;
  location: { lat: number | null; lon: number | null; precision: string | null } | null;
}

export interface TripInput {
  name: { vi: string; en: string };
  theme: { vi: string; en: string };
  stops: TripStop[];
}

export function touristTrip(route: TripInput, options: { url: string; baseUrl: string; lang: 'vi' | 'en' }): Record<string, unknown> {
  const { url, baseUrl, lang } = options;
  const item = (stop: TripStop) => {
    const exact = stop.location?.precision === 'village' && stop.location.lat != null && stop.location.lon != null;
    return {
      '@type': stop.type === 'village' ? 'TouristAttraction' : 'Place',
      name: stop.name[lang],
      ...(stop.type === 'village' ? { url: `${baseUrl}/villages/${stop.id}` } : {}),
      ...(stop.type === 'place' && stop.where ? { address: stop.where } : {}),
      ...(exact ? { geo: { '@type': 'GeoCoordinates', latitude: stop.location!.lat, longitude: stop.location!.lon } } : {}),
    };
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'TouristTrip',
    name: route.name[lang],
    description: route.theme[lang],
    url,
    inLanguage: lang,
    itinerary: {
      '@type': 'ItemList',
      numberOfItems: route.stops.length,
      itemListOrder: 'https://schema.org/ItemListOrderAscending',
      itemListElement: route.stops.map((stop, index) => ({ '@type': 'ListItem', position: index + 1, item: item(stop) })),
    },
  };
}
