// Hand-drawn SVG charts. Geometry in percentages so the bars follow the panel width without a resize handler;
// colours come from classes mapped to --vscode-charts-* in media/calculator.css.
import { h, s } from './dom';

export interface Segment {
  cls: string;
  value: number;
  /** Tooltip and accessible text, e.g. "HD: $1.20 (40%)". */
  title: string;
}

let patternSeq = 0;

/** One horizontal stacked bar; `scale` is the value that spans the full width (≥ the bar's own sum). */
export function stackedBar(segments: Segment[], scale: number, label: string): SVGElement {
  const id = `hatch-${++patternSeq}`;
  const dots = `dots-${patternSeq}`;
  const svg = s('svg', { class: 'bar', width: '100%', height: 20, role: 'img', 'aria-label': label, preserveAspectRatio: 'none' });
  svg.appendChild(
    s(
      'defs',
      null,
      s('pattern', { id, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' }, s('rect', { class: 'pattern-mark', x: 0, y: 0, width: 2, height: 6 })),
      s('pattern', { id: dots, patternUnits: 'userSpaceOnUse', width: 5, height: 5 }, s('circle', { class: 'pattern-mark', cx: 2.5, cy: 2.5, r: 1 })),
    ),
  );
  svg.appendChild(s('rect', { class: 'bar-track', x: 0, y: 0, width: '100%', height: 20 }));
  if (scale <= 0) return svg;
  let x = 0;
  for (const seg of segments) {
    if (!(seg.value > 0)) continue;
    const w = (seg.value / scale) * 100;
    const attrs = { x: `${x}%`, y: 0, width: `${w}%`, height: 20 };
    const g = s('g', { class: seg.cls, 'data-value': String(seg.value) });
    g.appendChild(s('rect', { ...attrs, class: 'seg-fill' }, s('title', null, seg.title)));
    if (seg.cls.includes('cat-recording')) g.appendChild(s('rect', { ...attrs, class: 'seg-pattern', fill: `url(#${id})` }));
    if (seg.cls.includes('cat-mixing')) g.appendChild(s('rect', { ...attrs, class: 'seg-pattern', fill: `url(#${dots})` }));
    svg.appendChild(g);
    x += w;
  }
  return svg;
}

/** A legend swatch drawn with the same classes as the segment. */
export function swatch(cls: string): SVGElement {
  const id = `sw-${++patternSeq}`;
  const svg = s('svg', { class: 'swatch', width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': 'true', focusable: 'false' });
  svg.appendChild(
    s('defs', null, s('pattern', { id, patternUnits: 'userSpaceOnUse', width: 4, height: 4, patternTransform: 'rotate(45)' }, s('rect', { class: 'pattern-mark', x: 0, y: 0, width: 1.5, height: 4 }))),
  );
  const g = s('g', { class: cls });
  g.appendChild(s('rect', { class: 'seg-fill', x: 0.5, y: 0.5, width: 11, height: 11 }));
  if (cls.includes('cat-recording') || cls.includes('cat-mixing')) g.appendChild(s('rect', { class: 'seg-pattern', x: 0.5, y: 0.5, width: 11, height: 11, fill: `url(#${id})` }));
  svg.appendChild(g);
  return svg;
}

/** A thin single-value bar (per-room costs). */
export function meter(value: number, scale: number, label: string): HTMLElement {
  const pct = scale > 0 ? Math.max(0, Math.min(100, (value / scale) * 100)) : 0;
  const svg = s('svg', { class: 'meter', width: '100%', height: 6, 'aria-hidden': 'true', focusable: 'false', preserveAspectRatio: 'none' });
  svg.appendChild(s('rect', { class: 'bar-track', x: 0, y: 0, width: '100%', height: 6 }));
  if (pct > 0) svg.appendChild(s('rect', { class: 'meter-fill', x: 0, y: 0, width: `${pct}%`, height: 6 }));
  return h('span', { class: 'meter-wrap', title: label }, svg);
}
