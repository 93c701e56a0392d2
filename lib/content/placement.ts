/**
 * Where the sidebar frame sits on each site, open and collapsed, and how much the page is narrowed
 * so the frame covers none of its controls.
 */
import type { Site } from '../messaging/sidebar-channel';

export interface Placement {
  open: Partial<CSSStyleDeclaration>;
  collapsed: Partial<CSSStyleDeclaration>;
  /** The page's right margin while the sidebar is open. */
  offsetPx: number;
}

const WIDTH = 320;

export function placement(site: Site): Placement {
  if (site === 'gmail') {
    // Below Gmail's header and thread toolbar, left of its add-on side panel (56px).
    return {
      open: { top: '120px', right: '64px', bottom: '8px', left: 'auto', width: `${WIDTH}px`, height: 'auto' },
      collapsed: { top: '120px', right: '56px', bottom: 'auto', left: 'auto', width: '34px', height: '120px' },
      offsetPx: WIDTH + 72,
    };
  }
  // LinkedIn: below its global nav (52px) and sticky profile action bar (48px), above its
  // messaging dock at the bottom right.
  return {
    open: { top: '108px', right: '8px', bottom: '60px', left: 'auto', width: `${WIDTH}px`, height: 'auto' },
    collapsed: { top: '120px', right: '0px', bottom: 'auto', left: 'auto', width: '34px', height: '120px' },
    offsetPx: WIDTH + 16,
  };
}
