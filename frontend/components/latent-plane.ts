import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { isDark, onThemeChange } from './scales';

/**
 * The latent space as a scatter: points coloured by class on a 2D plane, and a crosshair the student places by
 * clicking or dragging; each placement fires `latent-pick` with the plane coordinates so the server can decode
 * there. Points arrive as one base64 byte string (x, y quantized to 0..255 over the domain, then the class), so
 * 300 points cost about 1.2 KB per update.
 */
@customElement('tn-latent-plane')
export class LatentPlane extends LitElement {
  static styles = css`
    :host { display: inline-block; font-size: var(--lumo-font-size-xxs, 11px);
            color: var(--lumo-secondary-text-color, #555); }
    canvas { display: block; border: 1px solid var(--lumo-contrast-20pct, #ccc); cursor: crosshair;
             touch-action: none; }
    .plane { display: flex; gap: 4px; align-items: flex-start; }
    .axis.y { writing-mode: vertical-rl; text-orientation: sideways; transform: rotate(180deg); text-align: center; }
    .axis.x { text-align: center; line-height: 1.4; }
    .legend { display: flex; flex-wrap: wrap; gap: 2px 10px; margin-top: 4px; }
    .legend i { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 3px; }
  `;

  @property({ type: Number }) size = 300;
  /** What the plane's directions are (code numbers or their principal components); empty for none. */
  @property({ type: String, attribute: 'x-label' }) xLabel = '';
  @property({ type: String, attribute: 'y-label' }) yLabel = '';

  private domain = [-1, 1, -1, 1];
  private pts: Uint8Array = new Uint8Array(0);
  private colours: string[] = [];
  private names: string[] = [];
  private pick: [number, number] | null = null;
  private path: [number, number][] = [];
  private dragging = false;

  render() {
    return html`<div class="plane">${this.yLabel ? html`<div class="axis y" style="height:${this.size}px">${this.yLabel} →</div>` : ''}
      <div><canvas width="${this.size}" height="${this.size}" style="width:${this.size}px;height:${this.size}px"
        @pointerdown=${this.onDown} @pointermove=${this.onMove} @pointerup=${this.onUp}
        @pointercancel=${this.onUp}></canvas>
      ${this.xLabel ? html`<div class="axis x" style="width:${this.size}px">${this.xLabel} →</div>` : ''}</div></div>
      <div class="legend">${this.names.map((n, i) =>
        html`<span><i style="background:${this.colours[i % this.colours.length]}"></i>${n}</span>`)}</div>`;
  }

  private themeObserver?: MutationObserver;

  connectedCallback() {
    super.connectedCallback();
    this.themeObserver = onThemeChange(() => this.requestUpdate());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.themeObserver?.disconnect();
  }

  updated() {
    this.paint();
  }

  setClasses(names: string[], colours: string[]) {
    this.names = names;
    this.colours = colours;
    this.requestUpdate();
  }

  /** xmin, xmax, ymin, ymax and the points as base64 bytes x, y, class per point. */
  setPoints(xmin: number, xmax: number, ymin: number, ymax: number, base64: string) {
    this.domain = [xmin, xmax, ymin, ymax];
    this.pts = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    this.requestUpdate();
  }

  /** Marks a picked point (plane coordinates); null clears it. */
  setPick(x: number | null, y: number | null) {
    this.pick = x === null || y === null ? null : [x, y];
    this.requestUpdate();
  }

  /** An interpolation path drawn as a line: flat array x0, y0, x1, y1, … */
  setPath(xy: number[]) {
    this.path = [];
    for (let i = 0; i + 1 < xy.length; i += 2) this.path.push([xy[i], xy[i + 1]]);
    this.requestUpdate();
  }

  private toData(e: PointerEvent): [number, number] {
    const r = (e.target as HTMLCanvasElement).getBoundingClientRect();
    const fx = (e.clientX - r.left) / r.width;
    const fy = (e.clientY - r.top) / r.height;
    const [x0, x1, y0, y1] = this.domain;
    return [x0 + fx * (x1 - x0), y1 - fy * (y1 - y0)];
  }

  private onDown(e: PointerEvent) {
    this.dragging = true;
    (e.target as HTMLCanvasElement).setPointerCapture(e.pointerId);
    this.emit(e);
  }

  private onMove(e: PointerEvent) {
    if (this.dragging) this.emit(e);
  }

  private onUp() {
    this.dragging = false;
  }

  private pending = false;

  private emit(e: PointerEvent) {
    const [x, y] = this.toData(e);
    this.pick = [x, y];
    this.requestUpdate();
    if (this.pending) return; // at most one event per animation frame while dragging
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      const [px, py] = this.pick!;
      this.dispatchEvent(new CustomEvent('latent-pick', { detail: { x: px, y: py } }));
    });
  }

  private paint() {
    const c = this.renderRoot.querySelector('canvas') as HTMLCanvasElement | null;
    if (!c) return;
    const ctx = c.getContext('2d')!;
    const s = this.size;
    const [x0, x1, y0, y1] = this.domain;
    const px = (x: number) => ((x - x0) / (x1 - x0)) * s;
    const py = (y: number) => s - ((y - y0) / (y1 - y0)) * s;
    ctx.clearRect(0, 0, s, s);
    ctx.strokeStyle = 'rgba(128,128,128,0.35)';
    ctx.beginPath();
    if (x0 < 0 && x1 > 0) { ctx.moveTo(px(0), 0); ctx.lineTo(px(0), s); }
    if (y0 < 0 && y1 > 0) { ctx.moveTo(0, py(0)); ctx.lineTo(s, py(0)); }
    ctx.stroke();
    // a thin ring in the page's contrast colour keeps every class visible on both themes (black on dark, yellow on
    // white)
    ctx.strokeStyle = isDark() ? 'rgba(255,255,255,0.55)' : 'rgba(0,0,0,0.35)';
    ctx.lineWidth = 0.8;
    for (let i = 0; i + 2 < this.pts.length; i += 3) {
      const x = (this.pts[i] / 255) * s;
      const y = s - (this.pts[i + 1] / 255) * s;
      ctx.fillStyle = this.colours.length ? this.colours[this.pts[i + 2] % this.colours.length] : '#0072B2';
      ctx.globalAlpha = 0.8;
      ctx.beginPath();
      ctx.arc(x, y, 3, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    ctx.lineWidth = 1;
    if (this.path.length > 1) {
      ctx.strokeStyle = '#444';
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      this.path.forEach(([x, y], i) => (i ? ctx.lineTo(px(x), py(y)) : ctx.moveTo(px(x), py(y))));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (this.pick) {
      const [x, y] = [px(this.pick[0]), py(this.pick[1])];
      ctx.strokeStyle = '#D55E00';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x, y, 7, 0, 2 * Math.PI);
      ctx.moveTo(x - 11, y); ctx.lineTo(x + 11, y);
      ctx.moveTo(x, y - 11); ctx.lineTo(x, y + 11);
      ctx.stroke();
      ctx.lineWidth = 1;
    }
  }
}
