import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { css as rgb, formatFixed, signed } from './scales';

/**
 * The standard LSTM / GRU / RNN cell diagram (after Olah's "Understanding LSTM Networks") drawn as SVG, annotated
 * with one time step's values for one hidden unit. Gates are filled by their value (0..1), tanh values by a
 * blue–orange ramp (−1..1). Data arrives as one small number array per step: no JSON objects per frame.
 *
 * Values by cell: lstm [f, i, g, o, cPrev, c, hPrev, h], gru [r, z, n, hPrev, h], rnn [hPrev, h].
 */
@customElement('tn-cell-diagram')
export class CellDiagram extends LitElement {
  static styles = css`
    :host { display: block; color: var(--lumo-body-text-color, #222); font-size: 12px; }
    svg { width: 100%; max-width: 560px; height: auto; }
    .box { stroke: var(--lumo-contrast-60pct, #555); stroke-width: 1.2; }
    .line { stroke: var(--lumo-contrast-70pct, #444); stroke-width: 1.6; fill: none; }
    .belt { stroke: #0072B2; stroke-width: 3.5; fill: none; }
    .op { fill: var(--lumo-base-color, #fff); stroke: var(--lumo-contrast-70pct, #444); stroke-width: 1.2; }
    text { fill: currentColor; font-family: var(--lumo-font-family, sans-serif); }
    .val { font-size: 11px; font-weight: 600; }
    .name { font-size: 12px; }
    .caption { font-size: 12px; fill: var(--lumo-secondary-text-color, #555); }
  `;

  @property({ type: String }) kind: 'lstm' | 'gru' | 'rnn' = 'lstm';
  @property({ type: String }) caption = '';
  /** The diagram's words in the user's language (gate names, kept/written/replaced…), set once by the server. */
  @property({ type: Object }) words: Record<string, string> = {};

  private w(key: string, fallback: string): string {
    return this.words[key] ?? fallback;
  }
  private values: number[] = [];

  /** One step's values (see the class comment) and the caption (input symbol, step, unit). */
  setStep(kind: 'lstm' | 'gru' | 'rnn', caption: string, values: number[]) {
    this.kind = kind;
    this.caption = caption;
    this.values = values ?? [];
    this.requestUpdate();
  }

  private v(i: number): string {
    return formatFixed(this.values[i], 2);
  }

  /** A gate box: fill opacity follows the gate's openness so a closed gate looks closed. */
  private gate(x: number, y: number, sym: string, name: string, i: number, sigmoid: boolean) {
    const val = this.values[i] ?? 0;
    const fill = sigmoid ? `rgba(230,159,0,${0.15 + 0.85 * Math.max(0, Math.min(1, val))})` : ramp(val);
    return svg`<g>
      <rect class="box" x="${x - 26}" y="${y - 16}" width="52" height="32" rx="5" fill="${fill}"></rect>
      <text class="name" x="${x}" y="${y - 2}" text-anchor="middle">${sym}</text>
      <text class="val" x="${x}" y="${y + 12}" text-anchor="middle">${this.v(i)}</text>
      <text class="caption" x="${x}" y="${y + 30}" text-anchor="middle">${name}</text>
    </g>`;
  }

  private op(x: number, y: number, sym: string) {
    return svg`<circle class="op" cx="${x}" cy="${y}" r="10"></circle>
      <text x="${x}" y="${y + 4}" text-anchor="middle">${sym}</text>`;
  }

  private state(x: number, y: number, label: string, i: number, anchor = 'middle') {
    return svg`<text class="name" x="${x}" y="${y}" text-anchor="${anchor}">${label} = <tspan class="val">${this.v(i)}</tspan></text>`;
  }

  render() {
    return html`<svg viewBox="0 0 560 270" role="img" aria-label="${this.w('diagram', 'cell diagram')}: ${this.kind}">
      <rect x="70" y="20" width="420" height="220" rx="14" fill="none" class="box"></rect>
      ${this.kind === 'lstm' ? this.lstm() : this.kind === 'gru' ? this.gru() : this.rnn()}
      <text class="caption" x="280" y="262" text-anchor="middle">${this.caption}</text>
    </svg>`;
  }

  private lstm() {
    // values: f i g o cPrev c hPrev h
    return svg`
      <path class="belt" d="M20 50 H540"></path>
      ${this.state(20, 40, 'c₍t−1₎', 4, 'start')}${this.state(540, 40, 'cₜ', 5, 'end')}
      <path class="line" d="M20 215 H110 M110 215 V190 M110 215 H330 M200 215 V190 M270 215 V190 M330 215 V190"></path>
      ${this.state(20, 232, 'h₍t−1₎', 6, 'start')}
      <path class="line" d="M110 174 V60 M200 174 V130 M270 174 V130 M200 130 H225 M270 130 H245 M235 120 V60 M330 174 V160 H400 V140"></path>
      ${this.op(110, 50, '×')}${this.op(235, 50, '+')}${this.op(235, 130, '×')}
      <path class="line" d="M400 50 V90"></path>
      <rect class="box" x="378" y="90" width="44" height="22" rx="4" fill="none"></rect>
      <text x="400" y="105" text-anchor="middle">tanh</text>
      ${this.op(400, 140, '×')}
      <path class="line" d="M410 140 H470 V215 H540"></path>
      ${this.state(540, 232, 'hₜ', 7, 'end')}
      ${this.gate(110, 190, 'σ  f', this.w('forget', 'forget'), 0, true)}
      ${this.gate(200, 190, 'σ  i', this.w('input', 'input'), 1, true)}
      ${this.gate(270, 190, 'tanh  g', this.w('candidate', 'candidate'), 2, false)}
      ${this.gate(330, 190, 'σ  o', this.w('output', 'output'), 3, true)}
      <text class="caption" x="150" y="80">f·c₍t−1₎ ${this.w('kept', 'kept')}</text>
      <text class="caption" x="245" y="95">i·g ${this.w('written', 'written')}</text>`;
  }

  private gru() {
    // values: r z n hPrev h
    return svg`
      <path class="belt" d="M20 50 H540"></path>
      ${this.state(20, 40, 'h₍t−1₎', 3, 'start')}${this.state(540, 40, 'hₜ', 4, 'end')}
      <path class="line" d="M20 215 H340 M130 215 V190 M230 215 V190 M340 215 V190"></path>
      <path class="line" d="M130 174 V130 H320 M320 130 V50 M230 174 V100 M230 100 H300 M340 174 V140 M340 140 H420 V60"></path>
      ${this.op(300, 100, '1−')}${this.op(320, 50, '×')}${this.op(420, 50, '+')}
      <path class="line" d="M300 90 V70"></path>
      ${this.gate(130, 190, 'σ  r', this.w('reset', 'reset'), 0, true)}
      ${this.gate(230, 190, 'σ  z', this.w('update', 'update'), 1, true)}
      ${this.gate(340, 190, 'tanh  n', this.w('candidate', 'candidate'), 2, false)}
      <text class="caption" x="330" y="80">z·h₍t−1₎ ${this.w('kept', 'kept')}</text>
      <text class="caption" x="430" y="120">(1−z)·n ${this.w('replaced', 'replaced')}</text>`;
  }

  private rnn() {
    // values: hPrev h
    return svg`
      <path class="line" d="M20 215 H280 V170 M280 110 V50 H540"></path>
      ${this.state(20, 232, 'h₍t−1₎', 0, 'start')}${this.state(540, 40, 'hₜ', 1, 'end')}
      <rect class="box" x="240" y="110" width="80" height="60" rx="6" fill="${ramp(this.values[1] ?? 0)}"></rect>
      <text x="280" y="145" text-anchor="middle">tanh</text>
      <text class="caption" x="280" y="100" text-anchor="middle">${this.w('noGates', 'no gates: h is rewritten every step')}</text>`;
  }
}

/** Blue (−1) – light grey (0) – orange (+1): the heat maps' diverging ramp, from the shared scales. */
function ramp(v: number): string {
  return rgb(signed(v));
}

declare global {
  interface HTMLElementTagNameMap {
    'tn-cell-diagram': CellDiagram;
  }
}
