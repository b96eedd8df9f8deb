// Canonical re-serialisations of a JSON body, for "the body was re-serialised before it was verified": a
// framework that parses the body and hands the app JSON.stringify(req.body) changes whitespace, key order or
// escaping, and the signature over the original bytes no longer matches.

export type Aspect = 'whitespace' | 'key order' | 'escaping' | 'trailing newline';

export interface Serialisation {
  /** e.g. "keys sorted, Python json.dumps spacing, non-ASCII escaped". */
  readonly label: string;
  readonly text: string;
  readonly order: 'original' | 'sorted';
  readonly spacing: Spacing;
  readonly escaping: Escaping;
  readonly newline: boolean;
}

type Spacing = 'compact' | 'python' | 'pretty2' | 'pretty4' | 'tab';
type Escaping = 'minimal' | 'ascii' | 'slash';

const SPACINGS: readonly Spacing[] = ['compact', 'python', 'pretty2', 'pretty4', 'tab'];
const ESCAPINGS: readonly Escaping[] = ['minimal', 'ascii', 'slash'];
const SPACING_LABEL: Record<Spacing, string> = {
  compact: 'compact (JSON.stringify)',
  python: 'Python json.dumps spacing (", " and ": ")',
  pretty2: 'pretty-printed, 2 spaces',
  pretty4: 'pretty-printed, 4 spaces',
  tab: 'pretty-printed, tabs',
};
const ESCAPING_LABEL: Record<Escaping, string> = { minimal: '', ascii: 'non-ASCII escaped as \\uXXXX', slash: 'slashes escaped as \\/' };

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** JSON text with Python's default separators: ", " between items, ": " after keys. */
function pythonDumps(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(pythonDumps).join(', ') + ']';
  if (typeof v === 'object' && v !== null) {
    return (
      '{' +
      Object.entries(v)
        .map(([k, x]) => `${JSON.stringify(k)}: ${pythonDumps(x)}`)
        .join(', ') +
      '}'
    );
  }
  return JSON.stringify(v) ?? 'null';
}

function render(v: unknown, spacing: Spacing): string {
  switch (spacing) {
    case 'compact':
      return JSON.stringify(v);
    case 'python':
      return pythonDumps(v);
    case 'pretty2':
      return JSON.stringify(v, null, 2);
    case 'pretty4':
      return JSON.stringify(v, null, 4);
    case 'tab':
      return JSON.stringify(v, null, '\t');
  }
}

function escape(text: string, escaping: Escaping): string {
  if (escaping === 'ascii') return text.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  if (escaping === 'slash') return text.replace(/\//g, '\\/');
  return text;
}

/** Every variant we try, each different from the raw text (at most 60). */
export function serialisations(parsed: unknown, raw: string): Serialisation[] {
  const out: Serialisation[] = [];
  const seen = new Set<string>([raw]);
  const sorted = sortKeys(parsed);
  for (const order of ['original', 'sorted'] as const) {
    for (const spacing of SPACINGS) {
      const base = render(order === 'sorted' ? sorted : parsed, spacing);
      for (const escaping of ESCAPINGS) {
        for (const newline of [false, true]) {
          const text = escape(base, escaping) + (newline ? '\n' : '');
          if (seen.has(text)) continue;
          seen.add(text);
          const label = [
            order === 'sorted' ? 'keys sorted' : 'keys in original order',
            SPACING_LABEL[spacing],
            ESCAPING_LABEL[escaping],
            newline ? 'trailing newline' : '',
          ]
            .filter((s) => s !== '')
            .join(', ');
          out.push({ label, text, order, spacing, escaping, newline });
        }
      }
    }
  }
  return out;
}

/** What differs between the raw body and the variant that was signed. */
export function aspectsChanged(raw: string, parsed: unknown, variant: Serialisation): Aspect[] {
  // Which variant settings reproduce the raw text, if any (then the comparison is exact).
  const rawShape = serialisations(parsed, '\u0000').find((s) => s.text === raw);
  const aspects: Aspect[] = [];
  const keyOrderMatters = JSON.stringify(sortKeys(parsed)) !== JSON.stringify(parsed);
  if (variant.order === 'sorted' && keyOrderMatters) aspects.push('key order');
  if (!rawShape || rawShape.spacing !== variant.spacing) aspects.push('whitespace');
  if (rawShape ? rawShape.escaping !== variant.escaping : variant.escaping !== 'minimal') aspects.push('escaping');
  if ((rawShape?.newline ?? /\n$/.test(raw)) !== variant.newline) aspects.push('trailing newline');
  return aspects;
}
