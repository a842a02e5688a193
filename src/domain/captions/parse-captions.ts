// A caption file staff send (SRT or WebVTT, UTF-8) turned into the WebVTT we store and serve, or the first
// problem with the line it is on. Pure: bytes in, text or a problem out. Cue text keeps only <b>, <i> and
// <u>; everything else that looks like markup is dropped or escaped, so no player is handed HTML.

export const CAPTION_LANGS = ['vi', 'en'] as const;
export type CaptionLang = (typeof CAPTION_LANGS)[number];
export const isCaptionLang = (value: string): value is CaptionLang => (CAPTION_LANGS as readonly string[]).includes(value);

/** Staff send caption files of at most this many bytes. */
export const CAPTION_MAX_BYTES = 1024 * 1024;

export interface Cue {
  startMs: number;
  endMs: number;
  /** WebVTT cue settings kept from a WebVTT source (align:center line:90% …). */
  settings: string;
  text: string;
}

export type ParsedCaptions = { ok: true; format: 'srt' | 'vtt'; vtt: string; cues: number } | { ok: false; line: number; message: string };

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})(.*)$/;
const SETTING = /^(?:align|line|position|size|vertical|region):[\w.%,-]+$/;
const ALLOWED_TAG = /^<(\/?)(b|i|u)(?:\.[\w.-]*)?>$/i;

class CaptionProblem extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseCaptions(bytes: Uint8Array): ParsedCaptions {
  try {
    const text = decodeUtf8(bytes);
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    if (lines.every((line) => line.trim() === '')) throw new CaptionProblem(1, 'the file is empty');
    const nul = lines.findIndex((line) => line.includes('\0'));
    if (nul >= 0) throw new CaptionProblem(nul + 1, 'the line holds a NUL character: is this a text file?');
    const isVtt = /^WEBVTT(?:[ \t].*)?$/.test(lines[0]!);
    const cues = isVtt ? parseVtt(lines) : parseSrt(lines);
    if (!cues.length) throw new CaptionProblem(lines.length, 'the file has no cues');
    return { ok: true, format: isVtt ? 'vtt' : 'srt', vtt: toVtt(cues), cues: cues.length };
  } catch (error) {
    if (error instanceof CaptionProblem) return { ok: false, line: error.line, message: error.message };
    throw error;
  }
}

/** UTF-8 or a problem naming the first line that is not. */
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        throw new CaptionProblem(line, 'the line is not UTF-8 text (save the file as UTF-8)');
      }
      line++;
      start = i + 1;
    }
    throw new CaptionProblem(line, 'the file is not UTF-8 text (save the file as UTF-8)');
  }
}

/** Blocks of non-blank lines, each with the line number (1-based) it starts on. */
function blocks(lines: string[], from: number): Array<{ first: number; lines: string[] }> {
  const found: Array<{ first: number; lines: string[] }> = [];
  let current: { first: number; lines: string[] } | undefined;
  for (let i = from; i < lines.length; i++) {
    if (lines[i]!.trim() === '') {
      current = undefined;
      continue;
    }
    if (!current) found.push((current = { first: i + 1, lines: [] }));
    current.lines.push(lines[i]!);
  }
  return found;
}

function parseSrt(lines: string[]): Cue[] {
  return blocks(lines, 0).map((block) => {
    let at = 0;
    // The cue number is optional in practice; a timing line must follow it.
    if (/^\s*\d+\s*$/.test(block.lines[0]!) && block.lines.length > 1) at = 1;
    const timingLine = block.first + at;
    const timing = TIMING.exec(block.lines[at]!);
    if (!timing) {
      throw new CaptionProblem(timingLine, `expected a timing line like "00:00:01,000 --> 00:00:03,500", found "${clip(block.lines[at]!)}"`);
    }
    return cue(timing, timingLine, block.lines.slice(at + 1), '');
  });
}

function parseVtt(lines: string[]): Cue[] {
  // The header runs to the first blank line.
  let i = 1;
  while (i < lines.length && lines[i]!.trim() !== '') {
    if (lines[i]!.includes('-->')) throw new CaptionProblem(i + 1, 'a blank line must follow the WEBVTT header before the first cue');
    i++;
  }
  const cues: Cue[] = [];
  for (const block of blocks(lines, i)) {
    // Comments, style sheets and regions carry nothing we show.
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block.lines[0]!) && !block.lines[0]!.includes('-->')) continue;
    const at = block.lines[0]!.includes('-->') ? 0 : 1; // an optional cue identifier first
    const timingLine = block.first + at;
    const timing = at < block.lines.length ? TIMING.exec(block.lines[at]!) : null;
    if (!timing || /,/.test(timing[1]!) || /,/.test(timing[2]!)) {
      const found = block.lines[at] ?? block.lines[0]!;
      throw new CaptionProblem(timingLine, `expected a timing line like "00:00:01.000 --> 00:00:03.500", found "${clip(found)}"`);
    }
    const settings = timing[3]!.trim().split(/\s+/).filter(Boolean);
    const kept = settings.filter((s) => SETTING.test(s)).join(' ');
    cues.push(cue(timing, timingLine, block.lines.slice(at + 1), kept));
  }
  return cues;
}

function cue(timing: RegExpExecArray, line: number, textLines: string[], settings: string): Cue {
  const startMs = toMs(timing[1]!, line);
  const endMs = toMs(timing[2]!, line);
  if (endMs <= startMs) throw new CaptionProblem(line, `the cue ends (${timing[2]}) before or when it starts (${timing[1]})`);
  const text = textLines.map(cleanText).filter((t) => t.trim() !== '');
  if (!text.length) throw new CaptionProblem(line, 'the cue has no text');
  return { startMs, endMs, settings, text: text.join('\n') };
}

function toMs(stamp: string, line: number): number {
  const [clock, fraction] = stamp.split(/[.,]/) as [string, string];
  const parts = clock.split(':').map(Number);
  const [h, m, s] = parts.length === 3 ? parts : [0, ...parts];
  if (m! > 59 || s! > 59) throw new CaptionProblem(line, `"${stamp}" is not a time: minutes and seconds go up to 59`);
  if (fraction.length !== 3) throw new CaptionProblem(line, `"${stamp}" needs three digits of milliseconds`);
  return ((h! * 60 + m!) * 60 + s!) * 1000 + Number(fraction);
}

/** <b>, <i>, <u> kept; other tags (SRT's <font>, scripts) and {\an8}-style codes dropped; the rest escaped. */
function cleanText(line: string): string {
  const withoutCodes = line.replace(/\{\\[^}]*\}/g, '');
  let out = '';
  let last = 0;
  for (const tag of withoutCodes.matchAll(/<[^<>]*>/g)) {
    out += escape(withoutCodes.slice(last, tag.index));
    const allowed = ALLOWED_TAG.exec(tag[0]);
    if (allowed) out += `<${allowed[1]}${allowed[2]!.toLowerCase()}>`;
    last = tag.index + tag[0].length;
  }
  return out + escape(withoutCodes.slice(last));
}

// An entity already written (a WebVTT source's &amp;) stays as it is.
const escape = (text: string) =>
  text
    .replace(/&(?!(?:amp|lt|gt|nbsp|lrm|rlm);|#\d+;|#x[0-9a-f]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

export function formatVttTime(ms: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

function toVtt(cues: Cue[]): string {
  const body = cues.map((c) => `${formatVttTime(c.startMs)} --> ${formatVttTime(c.endMs)}${c.settings ? ` ${c.settings}` : ''}\n${c.text}`);
  return `WEBVTT\n\n${body.join('\n\n')}\n`;
}
