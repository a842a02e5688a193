// A village as schema.org JSON-LD: a TouristAttraction with its name, summary, address (new commune, or the
// former commune when the new one is not confirmed), its page and, where there is one, its latest vlog's
// poster. `geo` only where the handbook places the village itself: a commune's point would put a search
// engine's pin in the wrong place.

export interface VillageInput {
  name: { vi: string; en: string };
  summary: { vi: string; en: string };
  address: { commune?: string; communeConfirmed: boolean; formerCommune?: string; formerDistrict?: string };
  location?: { lat: number; lon: number; precision: string };
}

export function touristAttraction(village: VillageInput, options: { url: string; lang: 'vi' | 'en'; image?: string }): Record<string, unknown> {
  const { url, lang, image } = options;
  const { commune, communeConfirmed, formerCommune, formerDistrict } = village.address;
  const locality = commune && communeConfirmed ? commune : [formerCommune, formerDistrict].filter(Boolean).join(', ') || commune;
  const exact = village.location?.precision === 'village';
  return {
    '@context': 'https://schema.org',
    '@type': 'TouristAttraction',
    name: village.name[lang],
    description: village.summary[lang],
    url,
    inLanguage: lang,
    address: {
      '@type': 'PostalAddress',
      ...(locality ? { addressLocality: locality } : {}),
      addressRegion: 'Hà Nội',
      addressCountry: 'VN',
    },
    ...(exact ? { geo: { '@type': 'GeoCoordinates', latitude: village.location!.lat, longitude: village.location!.lon } } : {}),
    ...(image ? { image } : {}),
  };
}
