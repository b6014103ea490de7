// Focus moves that are not edits: from a problem in the estimate to its field, from a warning to its room.
import { idFor, parsePath, pathString } from '../jsonPath';

function openAncestors(el: HTMLElement): void {
  for (let p: HTMLElement | null = el; p; p = p.parentElement) if (p instanceof HTMLDetailsElement) p.open = true;
}

/** Focus the control for a problem's path, or the nearest enclosing one (opening collapsed sections). */
export function gotoField(root: HTMLElement, p: string): void {
  const host = root.querySelector<HTMLElement>('.editor-host');
  if (!host) return;
  for (let path = parsePath(p); path; path = path.length ? path.slice(0, -1) : undefined) {
    const ps = CSS.escape(pathString(path));
    const el = host.querySelector<HTMLElement>(`[data-path="${ps}"]`) ?? host.querySelector<HTMLElement>(`[data-error-for="${ps}"]`);
    if (!el) continue;
    openAncestors(el);
    const focusable = el.matches('input, select, button')
      ? el
      : (el.closest('fieldset, .field, details')?.querySelector<HTMLElement>('input, select, button') ?? null);
    el.scrollIntoView({ block: 'center' });
    focusable?.focus();
    return;
  }
}

/** Scroll to a room's card and focus its first control. */
export function gotoRoom(room: number): void {
  const card = document.getElementById(idFor(pathString(['rooms', room])) + '-card');
  if (!card) return;
  openAncestors(card);
  card.scrollIntoView({ block: 'start' });
  (card.querySelector<HTMLElement>('input') ?? card.querySelector<HTMLElement>('select, button'))?.focus();
}
