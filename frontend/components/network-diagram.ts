import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { NEGATIVE, POSITIVE, formatValue, ramp } from './scales';

/**
 * The playground's network diagram: one column per layer, each unit a small heat map of what it outputs over the
 * input plane, links coloured by the sign of their weight and as thick as its size. Hover a link or a bias to read
 * it; click it to edit (the element fires "diagram-edit" with layer, to, from (−1 = bias) and the current value).
 *
 * Data arrives compactly: weights and biases as base64 Float32 arrays (layer by layer, out × in row-major), unit
 * grids as base64 bytes (0..255 over −1..1 after the server scaled each unit by its largest |value|).
 */
@customElement('tn-network-diagram')
export class NetworkDiagram extends LitElement {
  static styles = css`
    :host { display: block; position: relative; font-size: var(--lumo-font-size-xxs, 11px);
            color: var(--lumo-secondary-text-color, #555); }
    svg { display: block; overflow: visible; }
    .link { cursor: pointer; }
    .link:hover, .bias:hover { stroke: var(--lumo-primary-color, #1676f3) !important; }
    .bias { cursor: pointer; stroke: var(--lumo-contrast-50pct, #888); stroke-width: 1; }
    .label { fill: var(--lumo-secondary-text-color, #555); font-size: 11px; }
    .tip { position: absolute; pointer-events: none; background: var(--lumo-base-color, #fff);
           border: 1px solid var(--lumo-contrast-30pct, #aaa); border-radius: 4px; padding: 1px 4px; white-space: nowrap;
           color: var(--lumo-body-text-color, #222); z-index: 1; }
  `;

  /** Side of each unit's thumbnail in pixels. */
  @property({ type: Number }) node = 34;

  private sizes: number[] = [];
  private inputLabels: string[] = [];
  private weights: Float32Array = new Float32Array(0);
  private biases: Float32Array = new Float32Array(0);
  private gridSize = 0;
  private grids: Uint8Array = new Uint8Array(0);
  private tip = '';
  private tipX = 0;
  private tipY = 0;

  /** The architecture: widths from inputs to outputs, and the input features' names. */
  setNetwork(sizes: number[], inputLabels: string[]) {
    this.sizes = sizes ?? [];
    this.inputLabels = inputLabels ?? [];
    this.weights = new Float32Array(0);
    this.biases = new Float32Array(0);
    this.grids = new Uint8Array(0);
    this.requestUpdate();
  }

  /** Current weights, biases and unit thumbnails (input features first, then every layer's units). */
  setState(weights: string, biases: string, gridSize: number, grids: string) {
    this.weights = floats(weights);
    this.biases = floats(biases);
    this.gridSize = gridSize;
    this.grids = bytes(grids);
    this.requestUpdate();
  }

  /** Column spacing: 110 px when there is room, tighter (down to the node size plus a gap) for deep networks. */
  private colX(l: number) {
    const columns = Math.max(1, this.sizes.length - 1);
    const room = (this.clientWidth || 0) - 60 - this.node - 40;
    const gap = Math.max(this.node + 36, Math.min(110, room > 0 ? room / columns : 110));
    return 60 + l * gap;
  }

  private resizeObserver?: ResizeObserver;

  connectedCallback() {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.requestUpdate());
    this.resizeObserver.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }
  private rowY(l: number, i: number) {
    const maxUnits = Math.max(1, ...this.sizes);
    const h = maxUnits * (this.node + 12);
    const n = this.sizes[l];
    return 16 + (h - n * (this.node + 12)) / 2 + i * (this.node + 12);
  }

  render() {
    if (!this.sizes.length) return html``;
    const n = this.node;
    const maxUnits = Math.max(1, ...this.sizes);
    const width = this.colX(this.sizes.length - 1) + n + 40;
    const height = 24 + maxUnits * (n + 12);
    const maxW = this.maxAbs(this.weights);
    const links = [];
    const biases = [];
    let wOff = 0;
    let bOff = 0;
    for (let l = 1; l < this.sizes.length; l++) {
      const inN = this.sizes[l - 1];
      const outN = this.sizes[l];
      for (let to = 0; to < outN; to++) {
        for (let from = 0; from < inN; from++) {
          const w = this.weights.length ? this.weights[wOff + to * inN + from] : 0;
          const x1 = this.colX(l - 1) + n;
          const y1 = this.rowY(l - 1, from) + n / 2;
          const x2 = this.colX(l);
          const y2 = this.rowY(l, to) + n / 2;
          const mx = (x1 + x2) / 2;
          const width = this.weights.length ? 0.4 + 5 * Math.min(1, Math.abs(w) / maxW) : 1;
          links.push(svg`<path class="link" d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}" fill="none"
              stroke="${w >= 0 ? POSITIVE : NEGATIVE}" stroke-width="${width}" stroke-opacity="0.75"
              @mousemove=${(e: MouseEvent) => this.showTip(e, `w ${this.unitName(l - 1, from)} → ${this.unitName(l, to)} = ${formatValue(w)}`)}
              @mouseleave=${this.hideTip}
              @click=${() => this.edit(l - 1, to, from, w)}></path>`);
        }
        const b = this.biases.length ? this.biases[bOff + to] : 0;
        const bx = this.colX(l) - 7;
        const by = this.rowY(l, to) + n - 7;
        biases.push(svg`<rect class="bias" x="${bx}" y="${by}" width="7" height="7"
            fill="${b >= 0 ? POSITIVE : NEGATIVE}"
            @mousemove=${(e: MouseEvent) => this.showTip(e, `b ${this.unitName(l, to)} = ${formatValue(b)}`)}
            @mouseleave=${this.hideTip}
            @click=${() => this.edit(l - 1, to, -1, b)}></rect>`);
      }
      wOff += inN * outN;
      bOff += outN;
    }
    const nodes = [];
    for (let l = 0; l < this.sizes.length; l++) {
      for (let i = 0; i < this.sizes[l]; i++) {
        nodes.push(svg`<foreignObject x="${this.colX(l)}" y="${this.rowY(l, i)}" width="${n}" height="${n}">
            <canvas data-l="${l}" data-i="${i}" width="${n}" height="${n}"
              style="width:${n}px;height:${n}px;image-rendering:pixelated;border:1px solid #999;box-sizing:border-box"></canvas>
          </foreignObject>`);
        if (l === 0) {
          nodes.push(svg`<text class="label" x="${this.colX(0) - 6}" y="${this.rowY(0, i) + n / 2 + 4}"
              text-anchor="end">${this.inputLabels[i] ?? ''}</text>`);
        }
      }
    }
    return html`<svg width="${width}" height="${height}">${links}${nodes}${biases}</svg>
      ${this.tip ? html`<div class="tip" style="left:${this.tipX + 12}px;top:${this.tipY + 12}px">${this.tip}</div>` : ''}`;
  }

  updated() {
    const g = this.gridSize;
    if (!g || !this.grids.length) {
      return;
    }
    // unit order in the grids: layer by layer, unit by unit
    const offsets: number[] = [];
    let off = 0;
    for (let l = 0; l < this.sizes.length; l++) {
      offsets.push(off);
      off += this.sizes[l] * g * g;
    }
    const off2 = document.createElement('canvas');
    off2.width = g;
    off2.height = g;
    const octx = off2.getContext('2d')!;
    for (const c of Array.from(this.renderRoot.querySelectorAll('canvas[data-l]')) as HTMLCanvasElement[]) {
      const l = Number(c.dataset.l);
      const i = Number(c.dataset.i);
      const start = offsets[l] + i * g * g;
      if (start + g * g > this.grids.length) continue;
      const img = octx.createImageData(g, g);
      for (let k = 0; k < g * g; k++) {
        const [r, gr, b] = ramp('diverging', this.grids[start + k] / 255);
        img.data[4 * k] = r;
        img.data[4 * k + 1] = gr;
        img.data[4 * k + 2] = b;
        img.data[4 * k + 3] = 255;
      }
      octx.putImageData(img, 0, 0);
      const ctx = c.getContext('2d')!;
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(off2, 0, 0, c.width, c.height);
    }
  }

  private unitName(l: number, i: number): string {
    if (l === 0) return this.inputLabels[i] ?? `x${i + 1}`;
    return l === this.sizes.length - 1 ? `out${this.sizes[l] > 1 ? i + 1 : ''}` : `h${l}.${i + 1}`;
  }

  private maxAbs(a: Float32Array): number {
    let m = 1e-9;
    for (const v of a) m = Math.max(m, Math.abs(v));
    return m;
  }

  private showTip(e: MouseEvent, text: string) {
    const host = this.getBoundingClientRect();
    this.tipX = e.clientX - host.left;
    this.tipY = e.clientY - host.top;
    this.tip = text;
    this.requestUpdate();
  }

  private hideTip = () => {
    this.tip = '';
    this.requestUpdate();
  };

  private edit(layer: number, to: number, from: number, value: number) {
    this.dispatchEvent(new CustomEvent('diagram-edit', { detail: { layer, to, from, value } }));
  }
}

function bytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64 ?? ''), (ch) => ch.charCodeAt(0));
}

function floats(base64: string): Float32Array {
  const b = bytes(base64);
  return new Float32Array(b.buffer, b.byteOffset, Math.floor(b.length / 4));
}

declare global {
  interface HTMLElementTagNameMap {
    'tn-network-diagram': NetworkDiagram;
  }
}
