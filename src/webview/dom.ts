// A tiny DOM builder: no framework, no innerHTML, nothing the CSP would have to allow.

export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined>;

function append(parent: Node, c: Child): void {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) {
    for (const x of c) append(parent, x);
    return;
  }
  parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
}

function setAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'value' && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) {
      el.value = String(v);
      el.setAttribute('value', String(v));
    } else if (k === 'checked' && el instanceof HTMLInputElement) {
      el.checked = v === true;
      if (v === true) el.setAttribute('checked', '');
    } else if (k === 'selected' && el instanceof HTMLOptionElement) {
      el.selected = v === true;
      if (v === true) el.setAttribute('selected', '');
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
}

/** HTML element. `attrs.class`, `data-*`, `aria-*` as plain attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs ?? undefined);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** SVG element (presentation attributes only; styling comes from classes in media/calculator.css). */
export function s(tag: string, attrs?: Attrs | null, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(el, attrs ?? undefined);
  append(el, children);
  return el;
}

export function clear(el: Element): void {
  el.replaceChildren();
}

/** A stable DOM id from a JSON path ("$.rooms[0].count" → "f-rooms-0-count"). */
export function idFor(path: string, suffix = ''): string {
  return 'f' + path.slice(1).replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '') + suffix;
}
