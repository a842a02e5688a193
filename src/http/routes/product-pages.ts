// The public product pages: the products with no-JS filters (/products?ocop=3|4|5&craft=&village=, a page of
// PRODUCT_PAGE_SIZE at a time: &page=) and one product (/products/:id, the handbook's product id) with its
// village, OCOP rating, where to buy and the online link the handbook holds, its sources folded; JSON-LD Product.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../deps.js';
import type { Lang } from '../../i18n/messages.js';
import { ocopStarChoices, type OcopStarChoice, type VisitorProductFilter } from '../../domain/handbook/product-filter.js';
import { sourceLabel } from '../../domain/handbook/source-label.js';
import { createPageRenderer, pageLanguage, withLang } from '../pages/render.js';
import { productJsonLd } from '../pages/schema-org/product.js';
import { redirectRenamedId } from './handbook.js';

const SLUG = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const english = new Intl.Collator('en');
const byEnglishName = (a: { name: { en: string } }, b: { name: { en: string } }) => english.compare(a.name.en, b.name.en);
/** Products on one page of the list: a phone screen's scroll of a few lengths, not the whole handbook. */
export const PRODUCT_PAGE_SIZE = 40;

/** The filters as asked (a no-JS form sends the unused ones empty); as on /villages, a value that cannot be one is left out. */
function productFilter(query: Record<string, unknown>): VisitorProductFilter {
  const id = (value: unknown) => (typeof value === 'string' && SLUG.test(value) ? value : undefined);
  const stars = Number(query.ocop);
  return {
    ocop: ocopStarChoices.includes(stars as OcopStarChoice) ? (stars as OcopStarChoice) : undefined,
    craft: id(query.craft),
    village: id(query.village),
  };
}

/** The address of one page of the list with these filters, for the pager's links. */
export function productListUrl(filter: VisitorProductFilter, page: number, lang: Lang): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) query.set(key, String(value));
  if (page > 1) query.set('page', String(page));
  return withLang(`/products${query.size ? `?${query}` : ''}`, lang);
}

interface Rated {
  ocop?: { stars?: number; year?: number; level?: string; confirmed: boolean };
}

/** "OCOP 4★ · 2020 · city level · unconfirmed", as much as the handbook gives of the rating; empty without one. */
function ocopFacts(t: AppDeps['messages']['t'], lang: Lang, { ocop }: Rated): string[] {
  if (!ocop) return [];
  return [
    ocop.stars ? t(lang, 'web-product-ocop', { stars: ocop.stars }) : t(lang, 'web-product-ocop-no-stars'),
    ...(ocop.year ? [String(ocop.year)] : []),
    ...(ocop.level ? [t(lang, 'web-product-ocop-level', { level: ocop.level })] : []),
    ...(ocop.confirmed ? [] : [t(lang, 'web-product-unconfirmed')]),
  ];
}

export const productPages =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const { baseUrl, renderPage, notFoundPage } = createPageRenderer(deps);
    const t = deps.messages.t.bind(deps.messages);
    const handbook = deps.services.handbook;

    app.get('/products', async (request, reply) => {
      const lang = pageLanguage(request);
      const filter = productFilter(request.query as Record<string, unknown>);
      const { products, total, crafts, villages } = await handbook.browseProducts(filter);
      const pages = Math.max(1, Math.ceil(products.length / PRODUCT_PAGE_SIZE));
      // A page past the last (a list grown shorter since the link was made) shows the last.
      const page = Math.min(pages, Math.max(1, Math.floor(Number((request.query as { page?: unknown }).page)) || 1));
      const pageUrl = (n: number) => productListUrl(filter, n, lang);
      return renderPage(
        request,
        reply,
        'products',
        { title: t(lang, 'web-product-list-title'), description: t(lang, 'web-product-list-intro') },
        {
          filter,
          stars: ocopStarChoices,
          // The service gives them in Vietnamese order.
          crafts: lang === 'vi' ? crafts : [...crafts].sort(byEnglishName),
          villages: lang === 'vi' ? villages : [...villages].sort(byEnglishName),
          total,
          filtered: Boolean(filter.ocop || filter.craft || filter.village),
          matched: products.length,
          products: products.slice((page - 1) * PRODUCT_PAGE_SIZE, page * PRODUCT_PAGE_SIZE).map((p) => ({ ...p, ocopFacts: ocopFacts(t, lang, p) })),
          pager: { page, pages, previous: page > 1 ? pageUrl(page - 1) : null, next: page < pages ? pageUrl(page + 1) : null },
        },
      );
    });

    app.get('/products/:id', { preHandler: redirectRenamedId }, async (request, reply) => {
      const lang = pageLanguage(request);
      const id = (request.params as { id: string }).id;
      const product = SLUG.test(id) ? await handbook.getProduct(id) : null;
      if (!product) return notFoundPage(request, reply);
      const ocop = ocopFacts(t, lang, product);
      const description = [
        t(lang, 'web-product-description', { name: product.name[lang], craft: product.craft.name[lang], village: product.village.name[lang] }),
        ...(ocop.length ? [`${ocop.join(' · ')}.`] : []),
      ].join(' ');
      return renderPage(
        request,
        reply,
        'product',
        {
          title: product.name[lang],
          description,
          jsonLd: productJsonLd(product, { url: `${baseUrl(request)}${withLang(`/products/${product.id}`, lang)}`, description, lang }),
        },
        {
          product,
          ocop,
          online: product.url ? sourceLabel(product.url) : null,
        },
      );
    });
  };
