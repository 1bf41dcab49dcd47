import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Rgb, classColour, css as rgbCss, formatValue, isDark, mix, onThemeChange, parseColour, ramp } from './scales';

/** One entry of the legend under the map: what a mark means (a class, training or test data). */
interface LegendEntry {
  label: string;
  /** circle: a training point; square: a test point; swatch: a class colour alone. */
  shape: 'circle' | 'square' | 'swatch';
  /** Class whose colour the mark is filled with; -1 for a neutral (uncoloured) mark. */
  cls: number;
}
/**
 * A grid of values drawn on a canvas with a colour-blind-safe map, optional overlaid points and a legend.
 * Values arrive quantized to bytes (0..255 between min and max, base64) so a 100×100 grid costs 13 KB, not JSON.
 *
 * Colour maps: "diverging" (blue – near-white – orange, after ColorBrewer's PuOr/BrBG families, safe for the common
 * colour-vision deficiencies) for signed values such as a decision boundary or tanh outputs; "sequential"
 * (viridis-like) for 0..1 values such as sigmoid gates.
 *
 * With points on it the map is paled toward the page colour (as TensorFlow Playground does) and every point is
 * filled with its class colour inside a contrasting outline, so the class reads on every region; training points
 * are circles and test points squares, so the split reads without colour at all. The colour bar names what the
 * colours measure ({@code value-label}) and the legend under the map says what the marks mean.
 */
@customElement('tn-heat-map')
export class HeatMap extends LitElement {
  static styles = css`
    :host { display: inline-block; position: relative; font-size: var(--lumo-font-size-xxs, 11px);
            color: var(--lumo-secondary-text-color, #555); }
    .wrap { display: flex; gap: 6px; align-items: stretch; }
    canvas.grid { image-rendering: pixelated; border: 1px solid var(--lumo-contrast-20pct, #ccc); cursor: crosshair; display: block; }
    .legend { display: flex; gap: 3px; align-items: stretch; }
    .scale { display: flex; flex-direction: column; justify-content: space-between; align-items: flex-start; }
    .scale canvas { width: 10px; flex: 1 1 0; min-height: 0; border: 1px solid var(--lumo-contrast-20pct, #ccc); }
    .scale span { line-height: 1; }
    .quantity { writing-mode: vertical-rl; text-orientation: sideways; transform: rotate(180deg); text-align: center;
                line-height: 1.1;
                color: var(--lumo-body-text-color, #222); }
    .tip { position: absolute; pointer-events: none; background: var(--lumo-base-color, #fff);
           border: 1px solid var(--lumo-contrast-30pct, #aaa); border-radius: 4px; padding: 1px 4px; white-space: nowrap;
           color: var(--lumo-body-text-color, #222); z-index: 1; }
    .labels { display: flex; justify-content: space-between; }
    .cols { display: grid; }
    .cols span { text-align: center; overflow: hidden; }
    .axis { color: var(--lumo-secondary-text-color, #555); }
    .axis.x { text-align: center; line-height: 1.4; }
    .marks { display: flex; flex-wrap: wrap; gap: 2px 12px; margin-top: 4px; color: var(--lumo-body-text-color, #222);
             font-size: var(--lumo-font-size-xs, 12px); }
    .marks span { display: inline-flex; align-items: center; gap: 4px; }
  `;

  /** Displayed width and height of the grid in pixels. */
  @property({ type: Number }) size = 240;
  @property({ type: Number, attribute: 'display-height' }) displayHeight = 0;
  /** classes: the values are class indices (0..k−1, a softmax's prediction), each cell in its class's point colour. */
  @property({ type: String, attribute: 'color-map' }) colorMap: 'diverging' | 'sequential' | 'classes' = 'diverging';
  @property({ type: Boolean, attribute: 'show-legend' }) showLegend = true;
  /** What the colours measure, written along the colour bar ("network output"). */
  @property({ type: String, attribute: 'value-label' }) valueLabel = '';
  /** What the horizontal and vertical directions of the map are (e.g. the inputs x₁ and x₂); empty for none. */
  @property({ type: String, attribute: 'x-label' }) xLabel = '';
  @property({ type: String, attribute: 'y-label' }) yLabel = '';

  private cols = 0;
  private rows = 0;
  private values: Uint8Array = new Uint8Array(0);
  private min = -1;
  private max = 1;
  private points: { x: number; y: number; c: number; hollow: boolean }[] = [];
  private marks: LegendEntry[] = [];
  /** Data-space rectangle the grid covers: xmin, xmax, ymin, ymax (y grows upward). */
  private domain = [0, 1, 0, 1];
  private colLabels: string[] = [];
  private rowLabels: string[] = [];
  private tip = '';
  private tipX = 0;
  private tipY = 0;
  private themeObserver?: MutationObserver;

  render() {
    const h = this.displayHeight || this.size;
    return html`
      <div class="wrap">
        ${this.yLabel ? html`<div class="quantity axis" style="height:${h}px">${this.yLabel} →</div>` : ''}
        <div>
          <canvas class="grid" width="${this.size}" height="${h}" style="width:${this.size}px;height:${h}px"
                  @mousemove=${this.onMove} @mouseleave=${() => { this.tip = ''; this.requestUpdate(); }}
                  @click=${this.onClick}></canvas>
          ${this.colLabels.length ? html`<div class="cols" style="width:${this.size}px;grid-template-columns:repeat(${this.colLabels.length},1fr)">
              ${this.colLabels.map((l) => html`<span>${l}</span>`)}</div>` : ''}
          ${this.xLabel ? html`<div class="axis x" style="width:${this.size}px">${this.xLabel} →</div>` : ''}
        </div>
        ${this.showLegend ? html`<div class="legend" style="height:${h}px">
            <div class="scale"><span>${this.barLabel(this.max)}</span>
              <canvas class="bar" width="1" height="64"></canvas><span>${this.barLabel(this.min)}</span></div>
            ${this.valueLabel ? html`<div class="quantity">${this.valueLabel}</div>` : ''}</div>` : ''}
      </div>
      ${this.marks.length ? html`<div class="marks" style="max-width:${this.size + 60}px">
          ${this.marks.map((m) => html`<span>${this.markIcon(m)}${m.label}</span>`)}</div>` : ''}
      ${this.tip ? html`<div class="tip" style="left:${this.tipX + 12}px;top:${this.tipY + 12}px">${this.tip}</div>` : ''}`;
  }

  connectedCallback() {
    super.connectedCallback();
    // light/dark switches repaint the paled map and the outlines at once, even while nothing trains
    this.themeObserver = onThemeChange(() => this.requestUpdate());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.themeObserver?.disconnect();
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

  /**
   * Overlaid points in data coordinates: class c picks the fill (0 = negative/blue side, 1 = positive/orange, 2..
   * extra); hollow (test) points are drawn as squares, the others as circles.
   */
  setPoints(xs: number[], ys: number[], classes: number[], hollow: boolean[]) {
    this.points = xs.map((x, i) => ({ x, y: ys[i], c: classes[i], hollow: !!hollow?.[i] }));
    this.requestUpdate();
  }

  /** What the marks mean, shown under the map with the marks themselves. */
  setPointLegend(entries: LegendEntry[]) {
    this.marks = entries ?? [];
    this.requestUpdate();
  }

  /** Labels under the columns (e.g. the input symbols along a time axis) and for rows (hover only). */
  setLabels(colLabels: string[], rowLabels: string[]) {
    this.colLabels = colLabels ?? [];
    this.rowLabels = rowLabels ?? [];
    this.requestUpdate();
  }

  /** Canvas pixel (x, y) of point i as drawn, for tests that read the picture back. */
  pointPosition(i: number): number[] {
    const p = this.points[i];
    const canvas = this.renderRoot.querySelector('canvas.grid') as HTMLCanvasElement | null;
    if (!p || !canvas) return [];
    const [x0, x1, y0, y1] = this.domain;
    return [((p.x - x0) / (x1 - x0)) * canvas.width, (1 - (p.y - y0) / (y1 - y0)) * canvas.height];
  }

  /** A colour-bar end: the value, or for class indices the class as the legend numbers it (index 0 is class 1). */
  private barLabel(v: number): string {
    return this.colorMap === 'classes' ? String(Math.round(v) + 1) : formatValue(v);
  }

  private valueAt(c: number, r: number): number {
    const b = this.values[r * this.cols + c];
    return this.min + (b / 255) * (this.max - this.min);
  }

  /** The page colour the map is paled toward, and the ink of the point outlines, for the current theme. */
  private themeColours(): { dark: boolean; page: Rgb; ink: string; halo: string } {
    const dark = isDark();
    const page = parseColour(getComputedStyle(this).getPropertyValue('--lumo-base-color'),
      dark ? [35, 45, 60] : [255, 255, 255]);
    return dark ? { dark, page, ink: '#ffffff', halo: 'rgba(0,0,0,0.55)' }
      : { dark, page, ink: '#1a1a1a', halo: 'rgba(255,255,255,0.8)' };
  }

  /** The colour of the map at t in [0, 1], paled when points are drawn on it. */
  private mapColour(t: number, page: Rgb, dark: boolean): Rgb {
    const c = this.colorMap === 'classes' ? hexRgb(classColour(Math.round(this.min + t * (this.max - this.min)), dark))
      : ramp(this.colorMap, t);
    return this.points.length ? mix(c, page, PALE) : c;
  }

  private paint() {
    const canvas = this.renderRoot.querySelector('canvas.grid') as HTMLCanvasElement | null;
    if (!canvas) return;
    const ctx = canvas.getContext('2d')!;
    const w = canvas.width;
    const h = canvas.height;
    const theme = this.themeColours();
    ctx.clearRect(0, 0, w, h);
    if (this.cols > 0 && this.rows > 0 && this.values.length >= this.cols * this.rows) {
      const img = new ImageData(this.cols, this.rows);
      for (let i = 0; i < this.cols * this.rows; i++) {
        const [r, g, b] = this.mapColour(this.values[i] / 255, theme.page, theme.dark);
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
    // test points last, so a square on top of a circle stays visible
    const order = [...this.points.filter((p) => !p.hollow), ...this.points.filter((p) => p.hollow)];
    for (const p of order) {
      const px = ((p.x - x0) / (x1 - x0)) * w;
      const py = (1 - (p.y - y0) / (y1 - y0)) * h;
      drawMark(ctx, p.hollow ? 'square' : 'circle', px, py, classColour(p.c, theme.dark), theme.ink, theme.halo);
    }
    const bar = this.renderRoot.querySelector('canvas.bar') as HTMLCanvasElement | null;
    if (bar) {
      const bctx = bar.getContext('2d')!;
      for (let i = 0; i < 64; i++) {
        bctx.fillStyle = rgbCss(this.mapColour(1 - i / 63, theme.page, theme.dark));
        bctx.fillRect(0, i, 1, 1);
      }
    }
    this.renderRoot.querySelectorAll('canvas.mark').forEach((m, i) => {
      const entry = this.marks[i];
      const mc = (m as HTMLCanvasElement).getContext('2d');
      if (!entry || !mc) return;
      mc.clearRect(0, 0, MARK_PX, MARK_PX);
      const fill = entry.cls < 0 ? NEUTRAL : classColour(entry.cls, theme.dark);
      if (entry.shape === 'swatch') {
        mc.fillStyle = fill;
        mc.fillRect(1, 1, MARK_PX - 2, MARK_PX - 2);
      } else {
        drawMark(mc, entry.shape, MARK_PX / 2, MARK_PX / 2, fill, theme.ink, theme.halo);
      }
    });
  }

  private markIcon(_m: LegendEntry) {
    return html`<canvas class="mark" width="${MARK_PX}" height="${MARK_PX}" aria-hidden="true"></canvas>`;
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
    this.tip = `${where}: ${formatValue(this.valueAt(c, r))}`;
    this.requestUpdate();
  }

  private onClick(e: MouseEvent) {
    const [fx, fy, x, y] = this.cellAt(e);
    const col = Math.min(this.cols - 1, Math.floor(fx * this.cols));
    const row = Math.min(this.rows - 1, Math.floor(fy * this.rows));
    this.dispatchEvent(new CustomEvent('heat-map-click', { detail: { x, y, col, row, shift: e.shiftKey } }));
  }
}

/** How far the map is paled toward the page colour when points are drawn on it. */
const PALE = 0.5;
/** '#rrggbb' (the class colours' form) as RGB, without a canvas: it runs once per map cell. */
function hexRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Fill of a legend mark that stands for no class ("training point"). */
const NEUTRAL = '#9e9e9e';
/** Size of a legend mark in pixels. */
const MARK_PX = 14;
/** Radius of a training circle; a test square has the same area. */
const RADIUS = 4;

/**
 * One data point: filled with its class colour inside an ink ring and a thin halo of the page colour, so it stands
 * out from the map on every region and in both themes. Circles are training points, squares test points (the same
 * area, so neither looks more important).
 */
function drawMark(ctx: CanvasRenderingContext2D, shape: 'circle' | 'square', x: number, y: number, fill: string,
                  ink: string, halo: string) {
  const shapeOf = (r: number) => {
    ctx.beginPath();
    if (shape === 'circle') {
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    } else {
      const half = r * Math.sqrt(Math.PI) / 2;
      ctx.rect(x - half, y - half, 2 * half, 2 * half);
    }
  };
  shapeOf(RADIUS + 2);
  ctx.fillStyle = halo;
  ctx.fill();
  shapeOf(RADIUS + 1);
  ctx.fillStyle = ink;
  ctx.fill();
  shapeOf(RADIUS);
  ctx.fillStyle = fill;
  ctx.fill();
}

declare global {
  interface HTMLElementTagNameMap {
    'tn-heat-map': HeatMap;
  }
}
