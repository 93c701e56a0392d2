/**
 * Whether the sidebar would cover any of the host page's own controls. Pages with a fixed-width
 * layout (LinkedIn's 1128 px column) do not reflow into the narrowed page, so at some window
 * widths their controls run under the sidebar whatever the page offset.
 */

/** What a user can click or type into. */
const INTERACTIVE =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="tab"], [role="checkbox"], [contenteditable="true"]';

/** The page's visible controls (outside Leadline's own elements) that intersect `box`. */
export function coveredControls(root: Document, box: DOMRect, limit = 5): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll(INTERACTIVE)) {
    if (el.closest('[data-leadline]')) continue;
    for (const r of el.getClientRects()) {
      if (r.width < 1 || r.height < 1 || r.right <= box.left || r.left >= box.right || r.bottom <= box.top || r.top >= box.bottom) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.pointerEvents === 'none' || Number(style.opacity) === 0) break;
      found.push(el);
      break;
    }
    if (found.length >= limit) break;
  }
  return found;
}
