import { LitElement, css, html, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import uPlot from 'uplot';
import { formatLogTick, windowStart } from './scales';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';

/** One named series of a chart. */
interface SeriesSpec {
  label: string;
  color: string;
  dash?: number[];
  width?: number;
}

/** See {@link LineChart.xScale}. */
export type XScale = 'linear' | 'log' | 'window';

/**
 * A live line chart over uPlot with an append-only API (TensorFlow Playground's AppendingLineChart):
 * the server defines the series once, then appends only the new points; nothing is resent.
 * Redraws are coalesced to one per animation frame however many appends arrive.
 */
@customElement('tn-line-chart')
export class LineChart extends LitElement {
  static styles = [
    unsafeCSS(uPlotCss),
    css`
      :host { display: block; position: relative; font-size: var(--lumo-font-size-xs, 12px); }
      .plot { width: 100%; }
      .empty { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center;
               color: var(--lumo-secondary-text-color, #666); pointer-events: none; }
      .u-legend { font-size: var(--lumo-font-size-xs, 12px); color: var(--lumo-body-text-color, #222); }
      .u-legend .u-marker { border-radius: 2px; }
    `,
  ];

  /** Logarithmic y axis (non-positive values are left out). */
  @property({ type: Boolean, attribute: 'log-y' }) logY = false;
  @property({ type: String, attribute: 'x-label' }) xLabel = '';
  @property({ type: String, attribute: 'y-label' }) yLabel = '';
  @property({ type: String, attribute: 'empty-text' }) emptyText = '';
  /** Plot height in pixels (the legend is below it). */
  @property({ type: Number, attribute: 'plot-height' }) plotHeight = 220;
  /** Fixed y range as "min,max", or empty for automatic. */
  @property({ type: String, attribute: 'y-range' }) yRange = '';
  /**
   * How the x axis (epochs) spans a long run: 'linear' (all of it), 'log' (all of it on a log scale, so the first
   * epochs, where most happens, get as much room as the last thousands; x ≤ 0 is left out) or 'window' (only the
   * last {@link xWindow} epochs, the axis moving with the run and the y axis fitted to what is shown).
   */
  @property({ type: String, attribute: 'x-scale' }) xScale: XScale = 'linear';
  /** How many epochs the 'window' scale shows. */
  @property({ type: Number, attribute: 'x-window' }) xWindow = 500;

  private specs: SeriesSpec[] = [];
  private xs: number[][] = [];
  private ys: number[][] = [];
  private plot?: uPlot;
  private pending = false;
  private markerX: number | null = null;
  private resizeObserver?: ResizeObserver;

  render() {
    const empty = this.ys.every((s) => s.length === 0);
    return html`<div class="plot"></div>${empty && this.emptyText ? html`<div class="empty">${this.emptyText}</div>` : ''}`;
  }

  connectedCallback() {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.fit());
    this.resizeObserver.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  /** Defines the series (JSON array of {label, color, dash?}) and clears all data. */
  setSeries(json: string) {
    this.specs = JSON.parse(json);
    this.xs = this.specs.map(() => []);
    this.ys = this.specs.map(() => []);
    this.plot?.destroy();
    this.plot = undefined;
    this.schedule();
  }

  /** Appends points to one series. */
  appendPoints(series: number, xs: number[], ys: number[]) {
    if (series < 0 || series >= this.specs.length) return;
    for (let i = 0; i < xs.length; i++) {
      this.xs[series].push(xs[i]);
      this.ys[series].push(ys[i]);
    }
    this.schedule();
  }

  /** Replaces one series' points. */
  setPoints(series: number, xs: number[], ys: number[]) {
    if (series < 0 || series >= this.specs.length) return;
    this.xs[series] = xs.slice();
    this.ys[series] = ys.slice();
    this.schedule();
  }

  /** Clears every series' points, keeping the series. */
  reset() {
    this.xs = this.specs.map(() => []);
    this.ys = this.specs.map(() => []);
    this.schedule();
  }

  /** A vertical marker line at x, or none for null. */
  setMarker(x: number | null) {
    this.markerX = x;
    this.plot?.redraw(false, false);
  }

  /** Number of points held by a series (used by tests). */
  pointCount(series: number): number {
    return this.ys[series]?.length ?? 0;
  }

  /** A new scale for x or y needs a new plot (uPlot fixes a scale's distribution when it is built). */
  updated(changed: Map<string, unknown>) {
    if (changed.has('xScale') || changed.has('xWindow') || changed.has('logY') || changed.has('xLabel')
        || changed.has('yLabel') || changed.has('yRange')) {
      if (this.plot) {
        this.plot.destroy();
        this.plot = undefined;
        this.schedule();
      }
    }
  }

  private schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  /** Each series' points as drawn under the x scale: all of them, those with x > 0 (log), or the last window. */
  private visible(): { xs: number[][]; ys: number[][] } {
    if (this.xScale === 'log') {
      return this.filtered((x) => x > 0);
    }
    if (this.xScale === 'window') {
      const from = windowStart(this.xs, this.specs.map((s) => !!s.dash), this.xWindow);
      return from === -Infinity ? { xs: this.xs, ys: this.ys } : this.filtered((x) => x >= from);
    }
    return { xs: this.xs, ys: this.ys };
  }

  private filtered(keep: (x: number) => boolean): { xs: number[][]; ys: number[][] } {
    const xs: number[][] = [];
    const ys: number[][] = [];
    this.xs.forEach((x, i) => {
      // the points are in x order: find the first kept one instead of testing them all twice
      let k = 0;
      while (k < x.length && !keep(x[k])) k++;
      xs.push(k === 0 ? x : x.slice(k));
      ys.push(k === 0 ? this.ys[i] : this.ys[i].slice(k));
    });
    return { xs, ys };
  }

  private aligned(): uPlot.AlignedData {
    const n = this.specs.length;
    if (n === 0) return [[]];
    const { xs, ys } = this.visible();
    // Series sampled at the same x (train and test loss per epoch) need no join.
    const first = xs[0];
    const shared = xs.every((x) => x.length === first.length && x[x.length - 1] === first[first.length - 1]);
    const clean = (v: number) => (this.logY && !(v > 0)) || !Number.isFinite(v) ? null : v;
    if (shared) {
      return [first, ...ys.map((y) => y.map(clean))] as uPlot.AlignedData;
    }
    const tables = xs.map((x, i) => [x, ys[i].map(clean)] as uPlot.AlignedData);
    return uPlot.join(tables);
  }

  private options(width: number): uPlot.Options {
    const axisColor = getComputedStyle(this).getPropertyValue('--lumo-secondary-text-color') || '#666';
    const gridColor = getComputedStyle(this).getPropertyValue('--lumo-contrast-10pct') || '#eee';
    const axis = (label: string, log = false): uPlot.Axis => ({
      label, stroke: axisColor, grid: { stroke: gridColor, width: 1 }, ticks: { stroke: gridColor },
      // Log axes span many decades: label them 1e-6, 0.01, 1, … instead of rounding small values to 0.
      ...(log ? { values: (_u: uPlot, vals: number[]) => vals.map((v) => (v == null ? '' : formatLogTick(v))) } : {}),
    });
    const range = this.yRange ? this.yRange.split(',').map(Number) : null;
    return {
      width,
      height: this.plotHeight,
      scales: {
        x: this.xScale === 'log' ? { time: false, distr: 3, log: 10 } : { time: false },
        y: this.logY ? { distr: 3, log: 10 } : range ? { range: () => [range[0], range[1]] } : {},
      },
      axes: [axis(this.xLabel, this.xScale === 'log'), axis(this.yLabel, this.logY)],
      series: [
        { label: this.xLabel || 'x' },
        ...this.specs.map((s) => ({ label: s.label, stroke: s.color, width: s.width ?? 2, dash: s.dash, spanGaps: true,
          points: { show: false } })),
      ],
      cursor: { drag: { x: false, y: false } },
      legend: { live: true },
      hooks: {
        draw: [
          (u: uPlot) => {
            if (this.markerX == null) return;
            const left = u.valToPos(this.markerX, 'x', true);
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = axisColor;
            ctx.setLineDash([4, 4]);
            ctx.beginPath();
            ctx.moveTo(left, u.bbox.top);
            ctx.lineTo(left, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.restore();
          },
        ],
      },
    };
  }

  private draw() {
    this.requestUpdate();
    const root = this.renderRoot.querySelector('.plot') as HTMLElement | null;
    if (!root) {
      this.updateComplete.then(() => this.draw());
      return;
    }
    const data = this.aligned();
    if (!this.plot) {
      const width = Math.max(200, this.clientWidth);
      this.plot = new uPlot(this.options(width), data, root);
    } else {
      this.plot.setData(data);
    }
  }

  private fit() {
    if (!this.plot) return;
    this.plot.setSize({ width: Math.max(200, this.clientWidth), height: this.plotHeight });
  }
}
