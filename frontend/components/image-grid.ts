import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * Many small grayscale images drawn on one canvas from one byte array (0 = paper, 255 = full ink), base64 encoded:
 * a 3 × 10 grid of 8×8 images is 1,920 bytes, far less than one element per image. Optional row labels on the left.
 */
@customElement('tn-image-grid')
export class ImageGrid extends LitElement {
  static styles = css`
    :host { display: inline-block; font-size: var(--lumo-font-size-xxs, 11px);
            color: var(--lumo-secondary-text-color, #555); }
    .wrap { display: flex; gap: 6px; align-items: flex-start; }
    .labels { display: flex; flex-direction: column; }
    .labels span { display: flex; align-items: center; justify-content: flex-end; white-space: nowrap; }
    canvas { image-rendering: pixelated; display: block; }
  `;

  /** Displayed side of one image in CSS pixels. */
  @property({ type: Number }) cell = 40;
  /** Gap between images in CSS pixels. */
  @property({ type: Number }) gap = 4;

  private w = 0;
  private h = 0;
  private count = 0;
  private columns = 1;
  private pixels: Uint8Array = new Uint8Array(0);
  private rowLabels: string[] = [];

  render() {
    const rows = this.columns ? Math.ceil(this.count / this.columns) : 0;
    const cw = this.columns * (this.cell + this.gap);
    const ch = rows * (this.cell + this.gap);
    return html`<div class="wrap">
        ${this.rowLabels.length ? html`<div class="labels">${this.rowLabels.map((l) =>
            html`<span style="height:${this.cell + this.gap}px">${l}</span>`)}</div>` : ''}
        <canvas width="${Math.max(cw, 1)}" height="${Math.max(ch, 1)}" style="width:${cw}px;height:${ch}px"></canvas>
      </div>`;
  }

  updated() {
    this.paint();
  }

  /** count images of w × h bytes each, row-major, laid out in rows of `columns`. */
  setImages(w: number, h: number, count: number, columns: number, base64: string) {
    this.w = w;
    this.h = h;
    this.count = count;
    this.columns = Math.max(1, columns);
    this.pixels = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    this.requestUpdate();
  }

  setRowLabels(labels: string[]) {
    this.rowLabels = labels;
    this.requestUpdate();
  }

  private paint() {
    const canvas = this.renderRoot.querySelector('canvas') as HTMLCanvasElement | null;
    if (!canvas || !this.w || !this.h) return;
    const ctx = canvas.getContext('2d')!;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const size = this.w * this.h;
    const tile = document.createElement('canvas');
    tile.width = this.w;
    tile.height = this.h;
    const tctx = tile.getContext('2d')!;
    const img = tctx.createImageData(this.w, this.h);
    ctx.imageSmoothingEnabled = false;
    for (let i = 0; i < this.count; i++) {
      const off = i * size;
      if (off + size > this.pixels.length) break;
      for (let p = 0; p < size; p++) {
        const v = 255 - this.pixels[off + p];
        img.data[4 * p] = v;
        img.data[4 * p + 1] = v;
        img.data[4 * p + 2] = v;
        img.data[4 * p + 3] = 255;
      }
      tctx.putImageData(img, 0, 0);
      const x = (i % this.columns) * (this.cell + this.gap);
      const y = Math.floor(i / this.columns) * (this.cell + this.gap);
      ctx.drawImage(tile, x, y, this.cell, this.cell);
      ctx.strokeStyle = 'rgba(128,128,128,0.5)';
      ctx.strokeRect(x + 0.5, y + 0.5, this.cell - 1, this.cell - 1);
    }
  }
}
