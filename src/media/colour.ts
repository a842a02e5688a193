// A source's colour (HDR curve, gamut, bit depth, Dolby Vision) from ffprobe's facts, and the filters that
// turn its decoded frames into what every output is: 8-bit yuv420p bt709, limited range. Phones film HDR
// (HLG or PQ in 10-bit HEVC); encoded to 8-bit H.264 without tone-mapping, the picture looks washed out.

export interface ColourFacts {
  /** ffprobe's names: color_transfer (arib-std-b67 is HLG, smpte2084 is PQ), color_primaries, color_space. */
  transfer?: string;
  primaries?: string;
  matrix?: string;
  /** tv (limited) or pc (full). */
  range?: string;
  pixelFormat?: string;
  dolbyVision?: { profile: number; compatibility: number };
}

export type ColourPath =
  /** 8-bit bt709 (or untagged): as the pipeline always did, nothing added. */
  | 'sdr'
  /** More than 8 bits, bt709: fewer bits, same matrix, no colour shift. */
  | 'sdr-deep'
  /** bt2020 primaries with an SDR curve: the gamut converted. */
  | 'sdr-wide'
  | 'hlg'
  | 'pq';

export interface ProbedColourStream {
  color_transfer?: string;
  color_primaries?: string;
  color_space?: string;
  color_range?: string;
  pix_fmt?: string;
  side_data_list?: Array<{ side_data_type?: string; dv_profile?: number; dv_bl_signal_compatibility_id?: number }>;
}

export function colourFacts(stream: ProbedColourStream): ColourFacts {
  const dovi = stream.side_data_list?.find((d) => d.side_data_type === 'DOVI configuration record');
  return {
    transfer: stream.color_transfer,
    primaries: stream.color_primaries,
    matrix: stream.color_space,
    range: stream.color_range,
    pixelFormat: stream.pix_fmt,
    dolbyVision: dovi ? { profile: Number(dovi.dv_profile ?? 0), compatibility: Number(dovi.dv_bl_signal_compatibility_id ?? 0) } : undefined,
  };
}

/** Dolby Vision with no base layer a decoder can show (profile 5, IPTPQc2): it would come out green and purple. */
export const hasNoCompatibleBaseLayer = (c: ColourFacts | undefined) => c?.dolbyVision !== undefined && c.dolbyVision.compatibility === 0;

// Dolby Vision 8.x base layers by compatibility id: 1 HDR10, 2 SDR, 4 HLG (ETSI TS 103 572). 6 is profile 7's HDR10.
const DOVI_BASE_TRANSFER: Record<number, string> = { 1: 'smpte2084', 2: 'bt709', 4: 'arib-std-b67', 6: 'smpte2084' };

export function colourPath(c: ColourFacts | undefined): ColourPath {
  if (!c) return 'sdr';
  // A Dolby Vision 8.x file is read through its base layer, whose curve the stream states (else the id does).
  const transfer = c.transfer && c.transfer !== 'unknown' ? c.transfer : c.dolbyVision ? DOVI_BASE_TRANSFER[c.dolbyVision.compatibility] : undefined;
  if (transfer === 'arib-std-b67') return 'hlg';
  if (transfer === 'smpte2084') return 'pq';
  if (c.primaries === 'bt2020') return 'sdr-wide';
  return bitDepth(c.pixelFormat) > 8 ? 'sdr-deep' : 'sdr';
}

const bitDepth = (pixelFormat: string | undefined) => Number(/p(\d+)(le|be)$/.exec(pixelFormat ?? '')?.[1] ?? 8);

/** The tone-map curve; mobius (linear up to a knee, then a soft roll-off) kept colours closest to SDR (see README). */
export const TONE_MAP = 'mobius';
// zscale's nominal peak for the linear light the curve works on: 100 nits is SDR white.
const NOMINAL_PEAK = 100;

// zscale refuses frames it cannot place: say what the source is (from the probe, else the usual for its kind).
const ZIMG_MATRIX = new Set(['bt709', 'bt2020nc', 'bt2020c', 'smpte170m', 'bt470bg', 'fcc', 'smpte240m', 'ycgco']);
const ZIMG_PRIMARIES = new Set(['bt709', 'bt2020', 'smpte170m', 'smpte240m', 'bt470m', 'bt470bg', 'film', 'smpte431', 'smpte432']);
function zscaleInput(c: ColourFacts, transfer: string) {
  const matrix = ZIMG_MATRIX.has(c.matrix ?? '') ? c.matrix : 'bt2020nc';
  const primaries = ZIMG_PRIMARIES.has(c.primaries ?? '') ? c.primaries : 'bt2020';
  return `tin=${transfer}:min=${matrix}:pin=${primaries}:rin=${c.range === 'pc' ? 'full' : 'limited'}`;
}

/**
 * The filters from decoded (already scaled and rate-reduced) frames to 8-bit yuv420p bt709. An ordinary
 * source gets only the format conversion it always had; HDR is made linear, its gamut mapped, tone-mapped
 * once in float and brought back to bt709.
 */
export function toBt709Filters(c: ColourFacts | undefined): string[] {
  const path = colourPath(c);
  if (path === 'sdr' || path === 'sdr-deep' || !c) return ['format=yuv420p'];
  if (path === 'sdr-wide') return [`zscale=${zscaleInput(c, 'bt709')}:t=bt709:m=bt709:p=bt709:r=limited`, 'format=yuv420p'];
  return [
    `zscale=${zscaleInput(c, path === 'hlg' ? 'arib-std-b67' : 'smpte2084')}:t=linear:npl=${NOMINAL_PEAK}`,
    'format=gbrpf32le',
    'zscale=p=bt709',
    `tonemap=tonemap=${TONE_MAP}:desat=0`,
    'zscale=t=bt709:m=bt709:r=limited',
    'format=yuv420p',
  ];
}

/** Every H.264 output says what it is, so browsers and Telegram do not guess. */
export const BT709_TAGS = ['-color_primaries', 'bt709', '-color_trc', 'bt709', '-colorspace', 'bt709', '-color_range', 'tv'];
