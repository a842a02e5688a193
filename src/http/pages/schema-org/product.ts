// A product as schema.org JSON-LD: a Product with its name, craft as category, producer as manufacturer and a
// confirmed OCOP rating as an award. No `offers`: the handbook holds no prices, and an offer without one
// would be invented.

export interface ProductInput {
  name: { vi: string; en: string };
  producer?: string;
  craft: { name: { vi: string; en: string } };
  ocop?: { stars?: number; year?: number; confirmed: boolean };
}

export function productJsonLd(product: ProductInput, options: { url: string; description: string; lang: 'vi' | 'en' }): Record<string, unknown> {
  const { url, description, lang } = options;
  const ocop = product.ocop;
  const award = ocop?.confirmed && ocop.stars ? `OCOP ${ocop.stars}★${ocop.year ? ` (${ocop.year})` : ''}` : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name[lang],
    description,
    url,
    category: product.craft.name[lang],
    ...(product.producer ? { manufacturer: { '@type': 'Organization', name: product.producer } } : {}),
    ...(award ? { award } : {}),
  };
}
