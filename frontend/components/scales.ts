/**
 * The colour ramps, class colours and number formats every picture shares, so a value looks and reads the same in
 * the decision map, the network diagram, the cell diagram and the charts. One copy: a change here changes them all.
 */

export type Rgb = [number, number, number];

/** Blue (#2166ac) – light grey (#f7f7f7) – orange (#e08214): a diverging ramp readable with deuteranopia/protanopia. */
const DIVERGING: Rgb[] = [[33, 102, 172], [103, 169, 207], [209, 229, 240], [247, 247, 247], [254, 224, 182],
  [241, 163, 64], [224, 130, 20]];
/** Viridis, sampled at 7 stops: perceptually uniform and colour-blind safe. */
const SEQUENTIAL: Rgb[] = [[68, 1, 84], [68, 57, 131], [49, 104, 142], [33, 145, 140], [53, 183, 121],
  [144, 215, 67], [253, 231, 37]];

/** The two ends of the diverging ramp: negative values and class 0 are blue, positive values and class 1 orange. */
export const NEGATIVE = '#2166ac';
export const POSITIVE = '#e08214';

/** Class colours of data points: the ramp's two ends first, then distinct extra classes. */
export const CLASS_COLOURS = [NEGATIVE, POSITIVE, '#1b7837', '#762a83', '#b2182b', '#4d4d4d'];
/** The same classes on a dark page: lighter steps of the same hues, so a point stands out from a dark-paled map. */
export const CLASS_COLOURS_DARK = ['#67a9cf', '#f1a340', '#5aae61', '#c2a5cf', '#ef8a62', '#bababa'];

/** The fill of class c in the current theme. */
export function classColour(c: number, dark: boolean): string {
  const colours = dark ? CLASS_COLOURS_DARK : CLASS_COLOURS;
  return colours[((c % colours.length) + colours.length) % colours.length];
}

export type RampName = 'diverging' | 'sequential';

/** The colour at t in [0, 1] (clamped) along a ramp. */
export function ramp(map: RampName | string, t: number): Rgb {
  const stops = map === 'sequential' ? SEQUENTIAL : DIVERGING;
  const u = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0.5)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(u));
  const f = u - i;
  const a = stops[i];
  const b = stops[i + 1];
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}

/** The diverging ramp for a signed value in [−1, 1] (clamped; NaN is the neutral middle). */
export function signed(v: number): Rgb {
  return ramp('diverging', (Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0)) + 1) / 2);
}

/** "rgb(r,g,b)" of a colour, rounded. */
export function css(c: Rgb): string {
  return `rgb(${Math.round(c[0])},${Math.round(c[1])},${Math.round(c[2])})`;
}

/** A colour moved toward another by the fraction k (0 = unchanged, 1 = the other): how a map is paled. */
export function mix(c: Rgb, toward: Rgb, k: number): Rgb {
  return [c[0] + k * (toward[0] - c[0]), c[1] + k * (toward[1] - c[1]), c[2] + k * (toward[2] - c[2])];
}

/** Any CSS colour (hex, rgb(), hsl(), a Lumo variable's value) as RGB, read back through a 1×1 canvas. */
export function parseColour(value: string, fallback: Rgb): Rgb {
  const text = (value ?? '').trim();
  if (!text) return fallback;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return fallback;
  ctx.fillStyle = '#010203';
  ctx.fillStyle = text;
  if (ctx.fillStyle === '#010203' && text !== '#010203') return fallback;
  ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2]];
}

/** Whether the page is in Lumo's dark theme (Flow sets it on the UI's element, the body; an app may set it on html). */
export function isDark(): boolean {
  const dark = (e: Element | null) => !!e && (e.getAttribute('theme') ?? '').split(/\s+/).includes('dark');
  return dark(document.documentElement) || dark(document.body);
}

/** Calls {@code repaint} whenever the page switches between light and dark; returns the observer to disconnect. */
export function onThemeChange(repaint: () => void): MutationObserver {
  const observer = new MutationObserver(repaint);
  for (const e of [document.documentElement, document.body]) {
    if (e) observer.observe(e, { attributes: true, attributeFilter: ['theme'] });
  }
  return observer;
}

/**
 * A measured value for a legend, a tooltip or a label: three decimals in the usual range, scientific notation for
 * very small or very large magnitudes (1.23e-5), never "−0.000".
 */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '–' : String(v);
  const a = Math.abs(v);
  if (a === 0) return '0';
  return a < 1e-3 || a >= 1e4 ? v.toExponential(2) : v.toFixed(3);
}

/** A value with a fixed number of decimals (gate values, coordinates), or "–" when it is missing. */
export function formatFixed(v: number | null | undefined, decimals: number): string {
  return v === undefined || v === null || !Number.isFinite(v) ? '–' : v.toFixed(decimals);
}

/** Three significant digits (bar heights), or "–". */
export function formatPrecise(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(3) : '–';
}

/** A log axis' tick: powers of ten only (1e-6, 0.01, 1, 100, 1e4), the rest stay unlabelled grid lines. */
export function formatLogTick(v: number): string {
  const e = Math.log10(v);
  if (Math.abs(e - Math.round(e)) > 1e-9) return '';
  const p = Math.round(e);
  return p >= -2 && p <= 3 ? String(Number(v.toPrecision(1))) : `1e${p}`;
}

/**
 * Where a moving window of the last {@code width} x values starts: at the newest x of the live series (the dashed
 * ones are ghosts of past runs, which may reach further), or of any series when only ghosts have points;
 * -Infinity when no series has a point. Series hold their x values in increasing order.
 */
export function windowStart(xs: number[][], dashed: boolean[], width: number): number {
  const newest = (live: boolean) => xs.reduce((m, x, i) => (x.length > 0 && (!live || !dashed[i])
    ? Math.max(m, x[x.length - 1]) : m), -Infinity);
  const last = newest(true) > -Infinity ? newest(true) : newest(false);
  return last === -Infinity ? -Infinity : last - width + 1;
}
