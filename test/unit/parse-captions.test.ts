import { describe, expect, it } from 'vitest';
import { parseCaptions } from '../../src/domain/captions/parse-captions.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const ok = (text: string) => {
  const parsed = parseCaptions(bytes(text));
  if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.message}`);
  return parsed;
};
const problem = (input: string | Uint8Array) => {
  const parsed = parseCaptions(typeof input === 'string' ? bytes(input) : input);
  if (parsed.ok) throw new Error('expected a problem');
  return parsed;
};

const SRT = `1
00:00:00,500 --> 00:00:01,800
Nghệ nhân vuốt bình

2
00:00:02,000 --> 00:00:03,000
trên bàn xoay
`;

describe('parseCaptions', () => {
  it('turns SRT into WebVTT with its cues', () => {
    const parsed = ok(SRT);
    expect(parsed.format).toBe('srt');
    expect(parsed.cues).toBe(2);
    expect(parsed.vtt).toBe('WEBVTT\n\n00:00:00.500 --> 00:00:01.800\nNghệ nhân vuốt bình\n\n00:00:02.000 --> 00:00:03.000\ntrên bàn xoay\n');
  });

  it('keeps WebVTT as it is, with identifiers, NOTE blocks and cue settings', () => {
    const parsed = ok('WEBVTT - Bát Tràng\n\nNOTE made by hand\n\nintro\n00:01.000 --> 00:02.500 align:center line:90%\nXin chào\n');
    expect(parsed.format).toBe('vtt');
    expect(parsed.vtt).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.500 align:center line:90%\nXin chào\n');
  });

  it('reads a BOM and CRLF line ends', () => {
    expect(ok(`\uFEFF${SRT.replace(/\n/g, '\r\n')}`).cues).toBe(2);
    expect(ok('\uFEFFWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nHello\r\n').cues).toBe(1);
  });

  it('names the line of a bad timestamp', () => {
    const bad = problem('1\n00:00:00,500 --> 00:00:01,800\nMột\n\n2\n00:00:02,000 -> 00:00:03,000\nHai\n');
    expect(bad.line).toBe(6);
    expect(bad.message).toMatch(/timing line/);
    expect(problem('WEBVTT\n\n00:00:01.000 --> 00:00:61.000\nHi\n').line).toBe(3);
  });

  it('refuses a cue that ends before it starts, naming its line', () => {
    const bad = problem('1\n00:00:03,000 --> 00:00:02,000\nNgược\n');
    expect(bad).toMatchObject({ line: 2 });
    expect(bad.message).toMatch(/ends/);
  });

  it('refuses an empty file, a cue without text and text that is not UTF-8', () => {
    expect(problem('')).toMatchObject({ line: 1, message: 'the file is empty' });
    expect(problem('\uFEFF  \n\n')).toMatchObject({ line: 1 });
    expect(problem('1\n00:00:01,000 --> 00:00:02,000\n\n').message).toMatch(/no text/);
    // Windows-1258 "Việt" is not UTF-8: the second line is named.
    expect(problem(new Uint8Array([...bytes('1\n00:00:01,000 --> 00:00:02,000\nVi'), 0xea, 0xf2, 0x74, 0x0a]))).toMatchObject({ line: 3 });
  });

  it('keeps <b>, <i>, <u> and escapes or drops other markup', () => {
    const parsed = ok('1\n00:00:01,000 --> 00:00:02,000\n<font color="red"><b>Gốm</b></font> & <script>alert(1)</script> {\\an8}a < b\n');
    expect(parsed.vtt).toContain('\n<b>Gốm</b> &amp; alert(1) a &lt; b\n');
    expect(ok('WEBVTT\n\n00:01.000 --> 00:02.000\nTom &amp; Jerry\n').vtt).toContain('Tom &amp; Jerry');
  });
});
