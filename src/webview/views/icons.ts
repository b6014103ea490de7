// Icons drawn for the calculator (16×16, stroked with currentColor so every theme colours them).
import { html, type TemplateResult } from 'lit-html';

const PATHS = {
  add: 'M8 3v10M3 8h10',
  trash: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5M7 7v4M9 7v4',
  copy: 'M5.5 5.5h7v8h-7zM3.5 10.5v-8h7',
  save: 'M3 2.5h8l2.5 2.5v8.5h-10.5zM5 2.5v3.5h5V2.5M5 13.5V9h6v4.5',
  open: 'M2 4.5V3h4.5l1.5 1.5h5.5v2M2 4.5v8.5h10l2-6.5H4l-2 6.5',
  export: 'M8 10V2.5M5 5.5l3-3 3 3M3 9.5v4h10v-4',
  goto: 'M6.5 3.5h-3v9h9v-3M9 2.5h4.5V7M13.5 2.5 7.5 8.5',
  duplicate: 'M5.5 5.5h8v8h-8zM3 10.5H2.5v-8h8V3M9.5 7.5v4M7.5 9.5h4',
  compare: 'M2.5 2.5h4.5v11H2.5zM9 2.5h4.5v11H9zM4 5h1.5M10.5 5H12M10.5 7.5H12',
  close: 'M4 4l8 8M12 4l-8 8',
  warning: 'M8 2 14.5 13.5h-13zM8 6.5v3.5M8 11.5v.5',
  error: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M5.5 5.5l5 5M10.5 5.5l-5 5',
  info: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M8 7v4.5M8 4.5v.5',
  markdown: 'M1.5 4h13v8h-13zM3.5 10V6l2 2 2-2v4M10.5 6v4M9 8.5l1.5 1.5L12 8.5',
  table: 'M2 3h12v10H2zM2 6.5h12M2 10h12M6 3v10',
  json: 'M6 2.5H5c-1 0-1.5.5-1.5 1.5v2.5L2.5 8l1 1.5V12c0 1 .5 1.5 1.5 1.5h1M10 2.5h1c1 0 1.5.5 1.5 1.5v2.5L13.5 8l-1 1.5V12c0 1-.5 1.5-1.5 1.5h-1',
  up: 'M8 12.5v-9M4.5 7 8 3.5 11.5 7',
  down: 'M8 3.5v9M4.5 9 8 12.5 11.5 9',
} as const;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName): TemplateResult {
  return html`<svg class="icon icon-${name}" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d=${PATHS[name]} fill="none" stroke="currentColor" stroke-width="1.2" stroke-linecap="round" stroke-linejoin="round"></path>
  </svg>`;
}
