// Hand-drawn SVG charts. Geometry in percentages so the bars follow the panel width without a resize handler;
// colours come from classes mapped to --vscode-charts-* in media/calculator.css (no inline styles: the CSP).
import { html, nothing, svg, type TemplateResult } from 'lit-html';

export interface Segment {
  cls: string;
  value: number;
  /** Tooltip and accessible text, e.g. "HD: $1.20 (40%)". */
  title: string;
}

let patternSeq = 0;

/** Restart pattern ids at each render, so an unchanged chart renders unchanged attributes. */
export function resetChartIds(): void {
  patternSeq = 0;
}

/** One horizontal stacked bar; `scale` is the value that spans the full width (≥ the bar's own sum). */
export function stackedBar(segments: Segment[], scale: number, label: string): TemplateResult {
  const id = `hatch-${++patternSeq}`;
  const dots = `dots-${patternSeq}`;
  let x = 0;
  const segs =
    scale <= 0
      ? []
      : segments
          .filter((seg) => seg.value > 0)
          .map((seg) => {
            const w = (seg.value / scale) * 100;
            const at = x;
            x += w;
            const fill = svg`<rect x="${at}%" y="0" width="${w}%" height="20" class="seg-fill"><title>${seg.title}</title></rect>`;
            return svg`<g class=${seg.cls} data-value=${String(seg.value)}>${fill}${
              seg.cls.includes('cat-recording')
                ? svg`<rect x="${at}%" y="0" width="${w}%" height="20" class="seg-pattern" fill="url(#${id})"></rect>`
                : seg.cls.includes('cat-mixing')
                  ? svg`<rect x="${at}%" y="0" width="${w}%" height="20" class="seg-pattern" fill="url(#${dots})"></rect>`
                  : nothing
            }</g>`;
          });
  return html`<svg class="bar" width="100%" height="20" role="img" aria-label=${label} preserveAspectRatio="none">
    <defs>
      <pattern id=${id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect class="pattern-mark" x="0" y="0" width="2" height="6"></rect>
      </pattern>
      <pattern id=${dots} patternUnits="userSpaceOnUse" width="5" height="5"><circle class="pattern-mark" cx="2.5" cy="2.5" r="1"></circle></pattern>
    </defs>
    <rect class="bar-track" x="0" y="0" width="100%" height="20"></rect>
    ${segs}
  </svg>`;
}

/** A legend swatch drawn with the same classes as the segment. */
export function swatch(cls: string): TemplateResult {
  const id = `sw-${++patternSeq}`;
  const patterned = cls.includes('cat-recording') || cls.includes('cat-mixing');
  return html`<svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
    <defs>
      <pattern id=${id} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
        <rect class="pattern-mark" x="0" y="0" width="1.5" height="4"></rect>
      </pattern>
    </defs>
    <g class=${cls}>
      <rect class="seg-fill" x="0.5" y="0.5" width="11" height="11"></rect>
      ${patterned ? svg`<rect class="seg-pattern" x="0.5" y="0.5" width="11" height="11" fill="url(#${id})"></rect>` : nothing}
    </g>
  </svg>`;
}

/** A thin single-value bar (per-room costs). */
export function meter(value: number, scale: number, label: string): TemplateResult {
  const pct = scale > 0 ? Math.max(0, Math.min(100, (value / scale) * 100)) : 0;
  return html`<span class="meter-wrap" title=${label}
    ><svg class="meter" width="100%" height="6" aria-hidden="true" focusable="false" preserveAspectRatio="none">
      <rect class="bar-track" x="0" y="0" width="100%" height="6"></rect>
      ${pct > 0 ? svg`<rect class="meter-fill" x="0" y="0" width="${pct}%" height="6"></rect>` : nothing}
    </svg></span
  >`;
}
