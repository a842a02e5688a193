// The plan's indicators computed from the handbook, each beside its 2030 target (content/plan.yaml).
// The base of every share is the recognised villages in the handbook, not all of Hanoi's: the note says so.
import type { HandbookDeps } from './deps.js';

const RECOGNITION_TITLES = ['craft_village', 'traditional_craft_village', 'heritage_craft_village', 'traditional_craft'];
const IP_TITLES = ['ip_collective_mark', 'ip_certification_mark', 'ip_geographical_indication'];
const SALES_PLACES = ['showroom', 'ocop_centre', 'ocop_sales_point', 'market'];
// The plan counts recognitions from its own start.
const PLAN_START_YEAR = 2025;

export interface Indicator {
  id: string;
  label: { vi: string; en: string };
  value: number;
  unit: 'percent' | 'count';
  numerator?: number;
  denominator?: number;
  target: number | null;
  targetYear: number | null;
  met: boolean | null;
  detail?: Record<string, number>;
  sources: string[];
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

export async function computeKpis(deps: HandbookDeps) {
  const [villages, routes, products, targets, importedAt] = await Promise.all([
    deps.handbook.villageFacts(),
    deps.handbook.routeCountsByOrigin(),
    deps.handbook.productCountsByKind(),
    deps.handbook.planTargets(),
    deps.handbook.importedAt(),
  ]);
  const target = new Map(targets.map((t) => [t.id, t]));

  const confirmed = (v: (typeof villages)[number], titles: string[]) => v.recognitions.some((r) => r.confirmed && titles.includes(r.title));
  const recognised = villages.filter((v) => confirmed(v, RECOGNITION_TITLES));
  const withOcop = recognised.filter((v) => v.products.some((p) => p.ocopConfirmed && p.ocopStars != null));
  const withIp = recognised.filter((v) => confirmed(v, IP_TITLES));
  const withSales = recognised.filter((v) => v.places.some((p) => SALES_PLACES.includes(p.place.kind)) || v.products.some((p) => p.url));
  const tourism = villages.filter((v) => confirmed(v, ['tourist_site']));
  const newRecognitions = villages
    .flatMap((v) => v.recognitions)
    .filter((r) => r.confirmed && RECOGNITION_TITLES.includes(r.title) && (r.year ?? 0) >= PLAN_START_YEAR);
  const atRisk = villages.filter((v) => v.atRisk);
  const routeCount = routes.reduce((sum, r) => sum + r.count, 0);
  const productCount = products.reduce((sum, p) => sum + p.count, 0);

  const indicator = (
    id: string,
    planId: string | null,
    fields: Omit<Indicator, 'id' | 'label' | 'target' | 'targetYear' | 'met' | 'sources'> & { label?: Indicator['label'] },
    meets: (value: number, goal: number) => boolean = (value, goal) => value >= goal,
  ): Indicator => {
    const plan = planId ? target.get(planId) : undefined;
    return {
      id,
      label: fields.label ?? plan?.label ?? { vi: id, en: id },
      ...fields,
      target: plan?.target ?? null,
      targetYear: plan?.year ?? null,
      met: plan ? meets(fields.value, plan.target) : null,
      sources: plan?.sources ?? [],
    };
  };

  const share = (part: number) => ({ value: percent(part, recognised.length), unit: 'percent' as const, numerator: part, denominator: recognised.length });
  const indicators: Indicator[] = [
    indicator('recognised_villages', null, {
      label: { vi: 'Làng nghề có danh hiệu trong sổ tay', en: 'Recognised craft villages in the handbook' },
      value: recognised.length,
      unit: 'count',
      denominator: villages.length,
    }),
    indicator('new_recognitions', 'new_recognitions', { value: newRecognitions.length, unit: 'count' }),
    // "More than 50 %": met only above the target.
    indicator('ocop_share', 'ocop_share', share(withOcop.length), (value, goal) => value > goal),
    indicator('ip_share', 'ip_share', share(withIp.length)),
    indicator('showroom_share', 'showroom_share', share(withSales.length)),
    indicator('tourism_villages', 'tourism_villages', { value: tourism.length, unit: 'count' }),
    indicator('routes', 'routes', { value: routeCount, unit: 'count', detail: Object.fromEntries(routes.map((r) => [r.origin, r.count])) }),
    indicator('digitised_products', 'digitised_products', {
      value: productCount,
      unit: 'count',
      detail: Object.fromEntries(products.map((p) => [p.kind, p.count])),
    }),
    indicator(
      'crafts_at_risk',
      'endangered_restored',
      {
        label: { vi: 'Làng nghề có nguy cơ mai một (trong sổ tay)', en: 'Craft villages at risk of fading (in the handbook)' },
        value: atRisk.length,
        unit: 'count',
      },
      () => false,
    ),
  ];
  return {
    dataDate: importedAt?.toISOString() ?? null,
    note: {
      vi: `Tính từ dữ liệu sổ tay (${villages.length} làng, trong đó ${recognised.length} làng có danh hiệu), không phải toàn bộ làng nghề của Hà Nội.`,
      en: `Computed from the handbook's data (${villages.length} villages, ${recognised.length} of them recognised), not from all of Hanoi's craft villages.`,
    },
    indicators,
  };
}
