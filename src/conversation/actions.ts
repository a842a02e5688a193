// Button actions as short strings: Telegram allows 64 bytes of callback data, so they carry ids, never
// labels. Zalo sends the same strings back as "#<action>" query payloads.
export type Action =
  | { kind: 'menu' }
  | { kind: 'help' }
  | { kind: 'status' }
  | { kind: 'nearby' }
  | { kind: 'lang'; lang: 'vi' | 'en' }
  | { kind: 'crafts'; page: number }
  | { kind: 'villages'; craft: string; page: number }
  | { kind: 'village'; id: string; part: number }
  | { kind: 'directions'; id: string }
  | { kind: 'products'; village: string; page: number }
  | { kind: 'near'; village: string }
  | { kind: 'through'; village: string }
  | { kind: 'routes'; page: number }
  | { kind: 'route'; id: string }
  | { kind: 'ocop'; page: number };

export const MAX_ACTION_BYTES = 64;

export function encodeAction(action: Action): string {
  const data = ((): string => {
    switch (action.kind) {
      case 'menu':
      case 'help':
      case 'status':
      case 'nearby':
        return action.kind;
      case 'lang':
        return `lang:${action.lang}`;
      case 'crafts':
        return `cl:${action.page}`;
      case 'villages':
        return `vl:${action.craft}:${action.page}`;
      case 'village':
        return action.part ? `v:${action.id}:${action.part}` : `v:${action.id}`;
      case 'directions':
        return `vd:${action.id}`;
      case 'products':
        return `vp:${action.village}:${action.page}`;
      case 'near':
        return `vn:${action.village}`;
      case 'through':
        return `vr:${action.village}`;
      case 'routes':
        return `rl:${action.page}`;
      case 'route':
        return `r:${action.id}`;
      case 'ocop':
        return `pl:${action.page}`;
    }
  })();
  if (Buffer.byteLength(data) > MAX_ACTION_BYTES) throw new Error(`action "${data}" is longer than ${MAX_ACTION_BYTES} bytes`);
  return data;
}

const page = (value: string | undefined) => {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n >= 0 && n < 1000 ? n : 0;
};

/** The action a button carries, or undefined for data we never made (old or forged). */
export function decodeAction(data: string): Action | undefined {
  const [kind, a, b] = data.split(':');
  switch (kind) {
    case 'menu':
    case 'help':
    case 'status':
    case 'nearby':
      return { kind };
    case 'lang':
      return a === 'vi' || a === 'en' ? { kind: 'lang', lang: a } : undefined;
    case 'cl':
      return { kind: 'crafts', page: page(a) };
    case 'vl':
      return a ? { kind: 'villages', craft: a, page: page(b) } : undefined;
    case 'v':
      return a ? { kind: 'village', id: a, part: page(b) } : undefined;
    case 'vd':
      return a ? { kind: 'directions', id: a } : undefined;
    case 'vp':
      return a ? { kind: 'products', village: a, page: page(b) } : undefined;
    case 'vn':
      return a ? { kind: 'near', village: a } : undefined;
    case 'vr':
      return a ? { kind: 'through', village: a } : undefined;
    case 'rl':
      return { kind: 'routes', page: page(a) };
    case 'r':
      return a ? { kind: 'route', id: a } : undefined;
    case 'pl':
      return { kind: 'ocop', page: page(a) };
    default:
      return undefined;
  }
}
