// Relative times and durations in the user's locale (Intl), for the webview's live clock texts.

export function relative(iso: string, locale: string | undefined): string {
  const diff = Date.parse(iso) - Date.now();
  const abs = Math.abs(diff);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400000],
    ['hour', 3600000],
    ['minute', 60000],
    ['second', 1000],
  ];
  const [unit, size] = units.find(([, s]) => abs >= s) ?? ['second', 1000];
  try {
    return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(diff / size), unit);
  } catch {
    return '';
  }
}

export function duration(ms: number, locale: string | undefined): string {
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const unit = (n: number, u: string) => {
    try {
      return new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
    } catch {
      return `${n} ${u}`;
    }
  };
  return h > 0 ? `${unit(h, 'hour')} ${unit(m, 'minute')}` : unit(Math.max(m, 1), 'minute');
}
