import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * Paths drawn in SVG over a heat map (or over nothing): one polyline per racer in its colour, a dot at its current
 * point, the downhill direction −∇f as a solid arrow and the velocity as a dashed one, and crosses at known minima.
 * Clicks pass through to whatever lies below (pointer-events: none). Points arrive in data coordinates, appended
 * a few at a time, so a long walk costs only its new points.
 */
@customElement('tn-path-overlay')
export class PathOverlay extends LitElement {
  static styles = css`
    :host { position: absolute; left: 1px; top: 1px; pointer-events: none; display: block; }
    svg { display: block; overflow: visible; }
  `;

  @property({ type: Number }) size = 240;
  @property({ type: Number, attribute: 'display-height' }) displayHeight = 0;

  private domain = [0, 1, 0, 1];
  private colors: string[] = [];
  private paths: number[][] = [];
  private arrows: (number[] | null)[] = [];
  private minima: number[] = [];

  render() {
    const w = this.size;
    const h = this.displayHeight || this.size;
    return html`<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
      <defs>${this.colors.map((c, i) => svg`<marker id="head${i}" viewBox="0 0 10 10" refX="9" refY="5"
          markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`)}</defs>
      ${this.minimaMarks()}
      ${this.paths.map((p, i) => this.pathMarks(p, i))}
      ${this.arrows.map((a, i) => this.arrowMarks(a, i))}
    </svg>`;
  }

  setDomain(xmin: number, xmax: number, ymin: number, ymax: number) {
    this.domain = [xmin, xmax, ymin, ymax];
    this.requestUpdate();
  }

  /** Starts over with one empty path per colour. */
  setPaths(colors: string[]) {
    this.colors = colors ?? [];
    this.paths = this.colors.map(() => []);
    this.arrows = this.colors.map(() => null);
    this.requestUpdate();
  }

  /** Per path, flat [x0, y0, x1, y1, …] to append (null or empty: nothing new). */
  appendPaths(points: (number[] | null)[]) {
    points.forEach((p, i) => { if (p && this.paths[i]) this.paths[i].push(...p); });
    this.requestUpdate();
  }

  /** Per path, flat points that replace it (e.g. a fitted line's two ends). */
  replacePaths(points: (number[] | null)[]) {
    points.forEach((p, i) => { if (i < this.paths.length) this.paths[i] = p ?? []; });
    this.requestUpdate();
  }

  /** Per path [x, y, dx, dy, vx, vy] (v may be 0, 0 for none) or null: arrows at the current point. */
  setArrows(arrows: (number[] | null)[]) {
    this.arrows = arrows ?? [];
    this.requestUpdate();
  }

  /** Flat [x0, y0, x1, y1, …] of the known minima. */
  setMinima(flat: number[]) {
    this.minima = flat ?? [];
    this.requestUpdate();
  }

  private px(x: number): number {
    const [x0, x1] = this.domain;
    return ((x - x0) / (x1 - x0)) * this.size;
  }

  private py(y: number): number {
    const [, , y0, y1] = this.domain;
    const h = this.displayHeight || this.size;
    return (1 - (y - y0) / (y1 - y0)) * h;
  }

  private minimaMarks() {
    const out = [];
    for (let i = 0; i + 1 < this.minima.length; i += 2) {
      const x = this.px(this.minima[i]);
      const y = this.py(this.minima[i + 1]);
      out.push(svg`<path d="M${x - 5},${y - 5} L${x + 5},${y + 5} M${x - 5},${y + 5} L${x + 5},${y - 5}"
          stroke="white" stroke-width="3"/><path d="M${x - 5},${y - 5} L${x + 5},${y + 5} M${x - 5},${y + 5} L${x + 5},${y - 5}"
          stroke="black" stroke-width="1.5"/>`);
    }
    return out;
  }

  private pathMarks(p: number[], i: number) {
    if (p.length < 2) return svg``;
    const c = this.colors[i];
    const pts: string[] = [];
    for (let k = 0; k + 1 < p.length; k += 2) pts.push(`${this.px(p[k]).toFixed(1)},${this.py(p[k + 1]).toFixed(1)}`);
    const last = pts[pts.length - 1].split(',');
    return svg`<polyline points="${pts.join(' ')}" fill="none" stroke="white" stroke-width="4" stroke-opacity="0.6"/>
      <polyline points="${pts.join(' ')}" fill="none" stroke="${c}" stroke-width="2"/>
      <circle cx="${last[0]}" cy="${last[1]}" r="5" fill="${c}" stroke="white" stroke-width="1.5"/>`;
  }

  /** Arrows have a fixed length: directions matter here, magnitudes vary over many decades. */
  private arrowMarks(a: number[] | null, i: number) {
    if (!a) return svg``;
    const [x, y, dx, dy, vx, vy] = a;
    const c = this.colors[i];
    const sx = this.px(x);
    const sy = this.py(y);
    const arrow = (ux: number, uy: number, len: number, dash: string) => {
      // screen direction: y grows downward, and data units differ per axis
      const ex = this.px(x + ux) - sx;
      const ey = this.py(y + uy) - sy;
      const n = Math.hypot(ex, ey);
      if (!(n > 0) || !isFinite(n)) return svg``;
      return svg`<line x1="${sx}" y1="${sy}" x2="${sx + (ex / n) * len}" y2="${sy + (ey / n) * len}" stroke="${c}"
          stroke-width="2.5" stroke-dasharray="${dash}" marker-end="url(#head${i})"/>`;
    };
    return svg`${arrow(dx, dy, 34, '')}${arrow(vx, vy, 26, '4 3')}`;
  }
}
