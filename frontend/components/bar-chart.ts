import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatPrecise } from './scales';

/**
 * A small SVG bar chart: one bar per label, optionally on a logarithmic axis with a tick per decade (per-layer
 * gradient norms span many decades). Bars whose value is not positive on a log axis are drawn as a stub.
 */
@customElement('tn-bar-chart')
export class BarChart extends LitElement {
  static styles = css`
    :host { display: block; font-size: var(--lumo-font-size-xxs, 11px); color: var(--lumo-secondary-text-color, #555); }
    svg { display: block; width: 100%; }
    .empty { padding: 1em; }
  `;

  @property({ type: Number }) height = 180;
  @property({ type: String, attribute: 'empty-text' }) emptyText = '';

  private labels: string[] = [];
  private values: number[] = [];
  private color = '#0072B2';
  private log = false;

  setBars(labels: string[], values: (number | null)[], color: string, log: boolean) {
    this.labels = labels ?? [];
    this.values = (values ?? []).map((v) => (v == null ? NaN : v));
    this.color = color || this.color;
    this.log = !!log;
    this.requestUpdate();
  }

  render() {
    if (!this.values.length) return html`<div class="empty">${this.emptyText}</div>`;
    const w = 320;
    const h = this.height;
    const left = 42;
    const bottom = 16;
    const top = 6;
    const plotH = h - bottom - top;
    const finite = this.values.filter((v) => isFinite(v) && (!this.log || v > 0));
    let lo = 0;
    let hi = Math.max(...finite, 1e-12);
    if (this.log) {
      lo = Math.floor(Math.log10(Math.min(...finite, hi)));
      hi = Math.ceil(Math.log10(hi));
      if (hi <= lo) hi = lo + 1;
    }
    const scale = (v: number) => {
      if (!isFinite(v)) return 0;
      if (this.log) return v > 0 ? Math.max(0, (Math.log10(v) - lo) / (hi - lo)) : 0;
      return v / hi;
    };
    const n = this.values.length;
    const bw = (w - left) / n;
    const ticks: number[] = [];
    if (this.log) {
      const step = Math.max(1, Math.ceil((hi - lo) / 6));
      for (let d = lo; d <= hi; d += step) ticks.push(d);
    }
    const labelEvery = Math.max(1, Math.ceil(n / 12));
    return html`<svg viewBox="0 0 ${w} ${h}" preserveAspectRatio="none" aria-hidden="true">
      ${ticks.map((d) => {
        const y = top + plotH * (1 - (d - lo) / (hi - lo));
        return svg`<line x1="${left}" x2="${w}" y1="${y}" y2="${y}" stroke="currentColor" stroke-opacity="0.15"/>
          <text x="${left - 3}" y="${y + 3}" text-anchor="end" fill="currentColor">1e${d}</text>`;
      })}
      ${this.values.map((v, i) => {
        const bh = Math.max(1, plotH * scale(v));
        const x = left + i * bw + bw * 0.12;
        return svg`<rect x="${x}" y="${top + plotH - bh}" width="${bw * 0.76}" height="${bh}" fill="${this.color}">
            <title>${this.labels[i]}: ${formatPrecise(v)}</title></rect>
          ${i % labelEvery === 0 ? svg`<text x="${x + bw * 0.38}" y="${h - 4}" text-anchor="middle" fill="currentColor">${this.labels[i]}</text>` : ''}`;
      })}
      <line x1="${left}" x2="${w}" y1="${top + plotH}" y2="${top + plotH}" stroke="currentColor" stroke-opacity="0.4"/>
    </svg>`;
  }
}
