// A strict parser of Prometheus' text exposition format (0.0.4): every line must be a HELP, a TYPE, or a
// sample of a family declared before it; anything else throws, naming the line.

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, MetricType>;
  help: Map<string, string>;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set<MetricType>(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
// The series a family of each type may have, besides its own name.
const SUFFIXES: Record<MetricType, string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parsePrometheusText(text: string): Exposition {
  const types = new Map<string, MetricType>();
  const help = new Map<string, string>();
  const samples: Sample[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) !== '') throw new Error('the exposition must end with a newline');
  lines.forEach((line, index) => {
    const fail = (why: string): never => {
      throw new Error(`line ${index + 1}: ${why}: ${JSON.stringify(line)}`);
    };
    if (line === '') return;
    if (line.startsWith('#')) {
      const match = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
      if (!match) return; // a plain comment
      const [, keyword, name = '', rest = ''] = match;
      if (!NAME.test(name)) fail('bad metric name');
      if (keyword === 'HELP') {
        if (help.has(name)) fail('second HELP');
        help.set(name, rest);
      } else {
        if (!TYPES.has(rest as MetricType)) fail('unknown type');
        if (types.has(name)) fail('second TYPE');
        if (samples.some((s) => familyOf(s.name, types) === name)) fail('TYPE after its samples');
        types.set(name, rest as MetricType);
      }
      return;
    }
    const sample = parseSample(line, fail);
    if (!familyOf(sample.name, types)) fail('sample of no declared family');
    samples.push(sample);
  });
  return { types, help, samples };
}

function familyOf(name: string, types: Map<string, MetricType>): string | undefined {
  for (const [family, type] of types) if (SUFFIXES[type].some((suffix) => name === family + suffix)) return family;
  return undefined;
}

function parseSample(line: string, fail: (why: string) => never): Sample {
  const nameMatch = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line);
  if (!nameMatch) fail('no metric name');
  const name = nameMatch![0];
  let at = name.length;
  const labels: Record<string, string> = {};
  if (line[at] === '{') {
    at++;
    while (line[at] !== '}') {
      const eq = line.indexOf('=', at);
      if (eq < 0) fail('label without =');
      const labelName = line.slice(at, eq);
      if (!LABEL_NAME.test(labelName)) fail(`bad label name ${labelName}`);
      if (labelName in labels) fail(`label ${labelName} twice`);
      if (line[eq + 1] !== '"') fail('label value not quoted');
      at = eq + 2;
      let value = '';
      for (;;) {
        const char = line[at];
        if (char === undefined) fail('label value not closed');
        if (char === '"') break;
        if (char === '\\') {
          const escaped = line[at + 1];
          if (escaped === 'n') value += '\n';
          else if (escaped === '\\' || escaped === '"') value += escaped;
          else fail('bad escape in label value');
          at += 2;
        } else {
          value += char;
          at++;
        }
      }
      labels[labelName] = value;
      at++;
      if (line[at] === ',') at++;
      else if (line[at] !== '}') fail('labels not separated by commas');
    }
    at++;
  }
  const rest = line.slice(at);
  const valueMatch = /^ (\S+)(?: (-?\d+))?$/.exec(rest);
  if (!valueMatch) fail('no value');
  const raw = valueMatch![1]!;
  // Prometheus reads values with Go's ParseFloat: NaN and Inf in any case (prom-client writes "Nan").
  const isNaNWord = /^nan$/i.test(raw);
  const value = /^\+?inf$/i.test(raw) ? Infinity : /^-inf$/i.test(raw) ? -Infinity : isNaNWord ? NaN : Number(raw);
  if (Number.isNaN(value) && !isNaNWord) fail('value is not a number');
  return { name, labels, value };
}

/** The samples of `name` whose labels include all of `labels`. */
export function samplesOf(exposition: Exposition, name: string, labels: Record<string, string> = {}): Sample[] {
  return exposition.samples.filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value));
}

/** The sum of the matching samples' values (0 when there are none: a counter not yet moved is not shown). */
export function valueOf(exposition: Exposition, name: string, labels: Record<string, string> = {}): number {
  return samplesOf(exposition, name, labels).reduce((sum, s) => sum + s.value, 0);
}
