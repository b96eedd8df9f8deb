// The code catalog: every documented meaning of every Telesign status/error code, and a ranking of those
// meanings for a code seen in a log line. Pure: no I/O, no VS Code.
import { gatherEvidence } from './evidence';
import { parseCode, normalizeCode } from './normalize';
import type { CatalogEntry, CodeMatch, FamilyInfo } from './types';

// How likely a family is when the context says nothing: a small nudge that orders candidates
// deterministically, never enough to beat real evidence.
const FAMILY_PRIOR: Readonly<Record<string, number>> = {
  'messaging-get-status': 6,
  messaging: 5,
  'verify-error': 5,
  'sms-api-error': 5,
  'sms-delivery-status': 5,
  'voice-verify-status': 4,
  'transaction-status-generic': 4,
  'verify-api': 4,
  'messaging-templates': 3,
  'messaging-capability': 3,
  'phone-id': 3,
  completion: 3,
  'app-verify': 3,
  'bulk-sms': 3,
  'smart-verify': 2,
  'accounts-api': 2,
  'silent-verify': 2,
  'messaging-inbound': 3,
  // Only meaningful inside inner_methods; without that context the general Verify API/Messaging meanings lead.
  'verify-api-inner': 2,
  // Scraped-only meanings (one of them probably a scraping error): rank last among equals.
  'phoneid-intelligence-error': 1,
  'number-masking-error': 1,
};

const BASE = 100;
const MIN_TEXT_MATCH = 6;

interface Indexed {
  readonly entry: CatalogEntry;
  readonly order: number;
  readonly prior: number;
  /** Lower-cased text up to its first placeholder, for "the line quotes the text" evidence. */
  readonly needle: string;
}

function textNeedle(text: string): string {
  let end = text.length;
  for (const ch of ['{', '<']) {
    const i = text.indexOf(ch);
    if (i >= 0 && i < end) end = i;
  }
  const s = text
    .slice(0, end)
    .trim()
    .toLowerCase()
    .replace(/[.:]+$/, '');
  return s.length >= MIN_TEXT_MATCH ? s : '';
}

function fail(where: string, what: string): never {
  throw new Error(`codes.json: ${where}: ${what}`);
}

function str(o: Record<string, unknown>, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string') fail(where, `"${key}" must be a string`);
  return v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class Catalog {
  private readonly byCode = new Map<string, Indexed[]>();
  private readonly familyById: ReadonlyMap<string, FamilyInfo>;

  private constructor(
    private readonly all: readonly CatalogEntry[],
    private readonly familyList: readonly FamilyInfo[],
    readonly version: string,
  ) {
    this.familyById = new Map(familyList.map((f) => [f.id, f]));
    all.forEach((entry, order) => {
      const list = this.byCode.get(entry.code) ?? [];
      list.push({ entry, order, prior: FAMILY_PRIOR[entry.family] ?? 0, needle: textNeedle(entry.text) });
      this.byCode.set(entry.code, list);
    });
  }

  /** Parses and validates the shipped codes.json; throws with the offending entry on bad data. */
  static fromJson(text: string): Catalog {
    const root: unknown = JSON.parse(text);
    if (!isRecord(root)) fail('top level', 'must be an object');
    const version = str(root, 'version', 'top level');
    if (!isRecord(root.families)) fail('top level', '"families" must be an object');
    if (!Array.isArray(root.codes)) fail('top level', '"codes" must be an array');
    const families: FamilyInfo[] = Object.entries(root.families).map(([id, f]) => {
      if (!isRecord(f)) fail(`family ${id}`, 'must be an object');
      return { id, label: str(f, 'label', `family ${id}`), docsUrl: str(f, 'docsUrl', `family ${id}`) };
    });
    const labels = new Map(families.map((f) => [f.id, f]));
    const entries = (root.codes as unknown[]).map((raw, i): CatalogEntry => {
      const where = `codes[${i}]`;
      if (!isRecord(raw)) fail(where, 'must be an object');
      const code = normalizeCode(str(raw, 'code', where));
      if (code === undefined) fail(where, `"code" is not an integer: ${String(raw.code)}`);
      const family = str(raw, 'family', where);
      const info = labels.get(family) ?? fail(where, `family "${family}" is not declared`);
      const { httpStatus, final, retryable } = raw;
      if (httpStatus !== null && typeof httpStatus !== 'number') fail(where, '"httpStatus" must be a number or null');
      if (final !== null && typeof final !== 'boolean') fail(where, '"final" must be true, false or null');
      if (typeof retryable !== 'boolean') fail(where, '"retryable" must be a boolean');
      const docsUrl = typeof raw.docsUrl === 'string' && raw.docsUrl ? raw.docsUrl : info.docsUrl;
      return {
        code,
        text: str(raw, 'text', where),
        family,
        familyLabel: info.label,
        httpStatus,
        final,
        retryable,
        explanation: str(raw, 'explanation', where),
        action: str(raw, 'action', where),
        docsUrl,
        source: str(raw, 'source', where),
      };
    });
    return new Catalog(entries, families, version);
  }

  entries(): readonly CatalogEntry[] {
    return this.all;
  }

  families(): readonly FamilyInfo[] {
    return this.familyList;
  }

  family(id: string): FamilyInfo | undefined {
    return this.familyById.get(id);
  }

  /** Every meaning of exactly this code (sign included), in catalog order. */
  get(code: string | number): readonly CatalogEntry[] {
    const key = normalizeCode(code);
    return key === undefined ? [] : (this.byCode.get(key) ?? []).map((x) => x.entry);
  }

  /**
   * The meanings of `code`, best first, ranked by evidence in `context` (the log line and nearby text).
   * [] when the code is unknown. An unsigned code also matches its negative twin when the context
   * shows the minus sign or when only the negative one is documented.
   */
  explain(code: string | number, context = ''): CodeMatch[] {
    const parsed = parseCode(code);
    if (!parsed) return [];
    const positive = parsed.negative ? undefined : this.byCode.get(parsed.digits);
    const negative = parsed.negative || !parsed.explicit ? this.byCode.get('-' + parsed.digits) : undefined;
    if (!positive && !negative) return [];

    const ev = context ? gatherEvidence(context, parsed.digits) : undefined;
    const useNegative = negative && (parsed.negative || !positive || ev?.minusSeen === true);
    const candidates: Array<{ c: Indexed; bias: number; why?: string }> = [];
    if (positive) {
      const bias = ev?.minusSeen && !ev.plainSeen && !parsed.explicit ? -30 : 0;
      for (const c of positive) candidates.push({ c, bias, why: bias ? `the line writes -${parsed.digits}` : undefined });
    }
    if (useNegative) {
      let bias = 0;
      let why: string | undefined;
      if (!parsed.negative) {
        if (ev?.minusSeen) {
          bias = 30;
          why = `the line writes -${parsed.digits}`;
        } else {
          bias = -15;
          why = `only -${parsed.digits} is documented`;
        }
      }
      for (const c of negative) candidates.push({ c, bias, why });
    }

    const matches = candidates.map(({ c, bias, why }) => {
      const reasons: string[] = why ? [why] : [];
      let score = BASE + c.prior + bias;
      if (ev) {
        for (const s of ev.signals) {
          const w = s.weights[c.entry.family];
          if (w) {
            score += w;
            if (w > 0) reasons.push(s.reason);
          }
        }
        const http = c.entry.httpStatus;
        if (http !== null && ev.httpStatuses.length > 0) {
          if (ev.httpStatuses.includes(http)) {
            score += 15;
            reasons.push(`HTTP ${http} on the line`);
          } else {
            score -= 10;
          }
        } else if (http === null && ev.callback) {
          score += 8;
          reasons.push('line looks like a callback');
        }
        if (c.needle && ev.lower.includes(c.needle)) {
          score += 25 + Math.min(15, Math.floor(c.needle.length / 4));
          reasons.push(`line quotes "${c.entry.text}"`);
        }
      }
      return { entry: c.entry, score, reasons, order: c.order };
    });
    matches.sort((a, b) => b.score - a.score || a.order - b.order);
    if (matches.length === 1 && matches[0].reasons.length === 0) matches[0].reasons.push('the only documented meaning');
    return matches.map(({ entry, score, reasons }) => ({ entry, score, reasons }));
  }
}
