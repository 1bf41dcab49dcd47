import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * A grid of values drawn on a canvas with a colour-blind-safe map, optional overlaid points and a legend.
 * Values arrive quantized to bytes (0..255 between min and max, base64) so a 100×100 grid costs 13 KB, not JSON.
 *
 * Colour maps: "diverging" (blue – near-white – orange, after ColorBrewer's PuOr/BrBG families, safe for the common
 * colour-vision deficiencies) for signed values such as a decision boundary or tanh outputs; "sequential"
 * (viridis-like) for 0..1 values such as sigmoid gates.
 */
@customElement('tn-heat-map')
export class HeatMap extends LitElement {
  static styles = css`
    :host { display: inline-block; position: relative; font-size: var(--lumo-font-size-xxs, 11px);
            color: var(--lumo-secondary-text-color, #555); }
    .wrap { display: flex; gap: 6px; align-items: stretch; }
    canvas.grid { image-rendering: pixelated; border: 1px solid var(--lumo-contrast-20pct, #ccc); cursor: crosshair; display: block; }
    .legend { display: flex; flex-direction: column; justify-content: space-between; align-items: flex-start; }
    .legend canvas { width: 10px; flex: 1 1 0; min-height: 0; border: 1px solid var(--lumo-contrast-20pct, #ccc); }
    .legend span { line-height: 1; }
    .tip { position: absolute; pointer-events: none; background: var(--lumo-base-color, #fff);
           border: 1px solid var(--lumo-contrast-30pct, #aaa); border-radius: 4px; padding: 1px 4px; white-space: nowrap;
           color: var(--lumo-body-text-color, #222); z-index: 1; }
    .labels { display: flex; justify-content: space-between; }
    .cols { display: grid; }
    .cols span { text-align: center; overflow: hidden; }
  `;

  /** Displayed width and height of the grid in pixels. */
  @property({ type: Number }) size = 240;
  @property({ type: Number, attribute: 'display-height' }) displayHeight = 0;
  @property({ type: String, attribute: 'color-map' }) colorMap: 'diverging' | 'sequential' = 'diverging';
  @property({ type: Boolean, attribute: 'show-legend' }) showLegend = true;

  private cols = 0;
  private rows = 0;
  private values: Uint8Array = new Uint8Array(0);
  private min = -1;
  private max = 1;
  private points: { x: number; y: number; c: number; hollow: boolean }[] = [];
  /** Data-space rectangle the grid covers: xmin, xmax, ymin, ymax (y grows upward). */
  private domain = [0, 1, 0, 1];
  private colLabels: string[] = [];
  private rowLabels: string[] = [];
  private tip = '';
  private tipX = 0;
  private tipY = 0;

  render() {
    const h = this.displayHeight || this.size;
    return html`
      <div class="wrap">
        <div>
          <canvas class="grid" width="${this.size}" height="${h}" style="width:${this.size}px;height:${h}px"
                  @mousemove=${this.onMove} @mouseleave=${() => { this.tip = ''; this.requestUpdate(); }}
                  @click=${this.onClick}></canvas>
          ${this.colLabels.length ? html`<div class="cols" style="width:${this.size}px;grid-template-columns:repeat(${this.colLabels.length},1fr)">
              ${this.colLabels.map((l) => html`<span>${l}</span>`)}</div>` : ''}
        </div>
        ${this.showLegend ? html`<div class="legend" style="height:${h}px"><span>${fmt(this.max)}</span>
            <canvas class="bar" width="1" height="64"></canvas><span>${fmt(this.min)}</span></div>` : ''}
      </div>
      ${this.tip ? html`<div class="tip" style="left:${this.tipX + 12}px;top:${this.tipY + 12}px">${this.tip}</div>` : ''}`;
  }

  updated() {
    this.paint();
  }

  /**
   * Sets the grid: cols × rows values row-major, row 0 at the TOP, each a byte mapping linearly onto [min, max],
   * given as base64.
   */
  setGrid(cols: number, rows: number, base64: string, min: number, max: number) {
    this.cols = cols;
    this.rows = rows;
    this.values = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    this.min = min;
    this.max = max;
    this.requestUpdate();
  }

  /** The data rectangle the grid covers, for points and clicks. */
  setDomain(xmin: number, xmax: number, ymin: number, ymax: number) {
    this.domain = [xmin, xmax, ymin, ymax];
    this.requestUpdate();
  }

  /** Overlaid points in data coordinates: class c picks the colour (0 = negative/blue side, 1 = positive, 2.. extra). */
  setPoints(xs: number[], ys: number[], classes: number[], hollow: boolean[]) {
    this.points = xs.map((x, i) => ({ x, y: ys[i], c: classes[i], hollow: !!hollow?.[i] }));
    this.requestUpdate();
  }

  /** Labels under the columns (e.g. the input symbols along a time axis) and for rows (hover only). */
  setLabels(colLabels: string[], rowLabels: string[]) {
    this.colLabels = colLabels ?? [];
    this.rowLabels = rowLabels ?? [];
    this.requestUpdate();
  }

  private valueAt(c: number, r: number): number {
    const b = this.values[r * this.cols + c];
    return this.min + (b / 255) * (this.max - this.min);
  }

  private paint() {
    const canvas = this.renderRoot.querySelector('canvas.grid') as HTMLCanvasElement | null;
    if (!canvas) return;
    const ctx = canvas.getContext('2d')!;
    const w = canvas.width;
    const h = canvas.height;
    ctx.clearRect(0, 0, w, h);
    if (this.cols > 0 && this.rows > 0 && this.values.length >= this.cols * this.rows) {
      const img = new ImageData(this.cols, this.rows);
      for (let i = 0; i < this.cols * this.rows; i++) {
        const [r, g, b] = colour(this.colorMap, this.values[i] / 255);
        img.data[4 * i] = r;
        img.data[4 * i + 1] = g;
        img.data[4 * i + 2] = b;
        img.data[4 * i + 3] = 255;
      }
      // Draw at native resolution off-screen, then scale up without smoothing: crisp cells at any size.
      const off = document.createElement('canvas');
      off.width = this.cols;
      off.height = this.rows;
      off.getContext('2d')!.putImageData(img, 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(off, 0, 0, w, h);
    }
    const [x0, x1, y0, y1] = this.domain;
    for (const p of this.points) {
      const px = ((p.x - x0) / (x1 - x0)) * w;
      const py = (1 - (p.y - y0) / (y1 - y0)) * h;
      ctx.beginPath();
      ctx.arc(px, py, 3.2, 0, 2 * Math.PI);
      ctx.fillStyle = POINT_COLOURS[p.c % POINT_COLOURS.length];
      ctx.strokeStyle = p.hollow ? '#000' : '#fff';
      ctx.lineWidth = p.hollow ? 1.5 : 1;
      if (!p.hollow) ctx.fill();
      ctx.stroke();
    }
    const bar = this.renderRoot.querySelector('canvas.bar') as HTMLCanvasElement | null;
    if (bar) {
      const bctx = bar.getContext('2d')!;
      for (let i = 0; i < 64; i++) {
        const [r, g, b] = colour(this.colorMap, 1 - i / 63);
        bctx.fillStyle = `rgb(${r},${g},${b})`;
        bctx.fillRect(0, i, 1, 1);
      }
    }
  }

  private cellAt(e: MouseEvent): [number, number, number, number] {
    const canvas = e.target as HTMLCanvasElement;
    const rect = canvas.getBoundingClientRect();
    const fx = (e.clientX - rect.left) / rect.width;
    const fy = (e.clientY - rect.top) / rect.height;
    const [x0, x1, y0, y1] = this.domain;
    return [fx, fy, x0 + fx * (x1 - x0), y1 - fy * (y1 - y0)];
  }

  private onMove(e: MouseEvent) {
    if (!this.cols) return;
    const [fx, fy, x, y] = this.cellAt(e);
    const c = Math.min(this.cols - 1, Math.floor(fx * this.cols));
    const r = Math.min(this.rows - 1, Math.floor(fy * this.rows));
    const host = this.getBoundingClientRect();
    this.tipX = e.clientX - host.left;
    this.tipY = e.clientY - host.top;
    const where = this.colLabels.length || this.rowLabels.length
      ? `${this.rowLabels[r] ?? r}, ${this.colLabels[c] ?? c}`
      : `(${x.toFixed(2)}, ${y.toFixed(2)})`;
    this.tip = `${where}: ${fmt(this.valueAt(c, r))}`;
    this.requestUpdate();
  }

  private onClick(e: MouseEvent) {
    const [fx, fy, x, y] = this.cellAt(e);
    const col = Math.min(this.cols - 1, Math.floor(fx * this.cols));
    const row = Math.min(this.rows - 1, Math.floor(fy * this.rows));
    this.dispatchEvent(new CustomEvent('heat-map-click', { detail: { x, y, col, row, shift: e.shiftKey } }));
  }
}

const POINT_COLOURS = ['#2166ac', '#e08214', '#1b7837', '#762a83', '#b2182b', '#4d4d4d'];

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e4) ? v.toExponential(2) : v.toFixed(3);
}

// Blue (#2166ac) – light grey (#f7f7f7) – orange (#e08214): a diverging ramp readable with deuteranopia/protanopia.
const DIVERGING = [[33, 102, 172], [103, 169, 207], [209, 229, 240], [247, 247, 247], [254, 224, 182], [241, 163, 64], [224, 130, 20]];
// Viridis, sampled at 7 stops: perceptually uniform and colour-blind safe.
const SEQUENTIAL = [[68, 1, 84], [68, 57, 131], [49, 104, 142], [33, 145, 140], [53, 183, 121], [144, 215, 67], [253, 231, 37]];

function colour(map: string, t: number): [number, number, number] {
  const stops = map === 'sequential' ? SEQUENTIAL : DIVERGING;
  const u = Math.max(0, Math.min(1, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(u));
  const f = u - i;
  const a = stops[i];
  const b = stops[i + 1];
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])] as [number, number, number];
}

declare global {
  interface HTMLElementTagNameMap {
    'tn-heat-map': HeatMap;
  }
}
