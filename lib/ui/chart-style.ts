/**
 * Colours and type of the Insights charts, as SVG attributes rather than page CSS: an exported
 * image draws the SVG on its own, without the page's style sheets. System fonts only (no network).
 */
export const CHART = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  text: '#1d2226',
  muted: '#5e6a75',
  grid: '#dfe3e8',
  bar: '#0b6bcb',
  barLight: '#9cc3ea',
  lost: '#c4320a',
  background: '#ffffff',
} as const;

/** A label cut to `max` characters with an ellipsis, so it cannot run out of the chart. */
export function fit(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
