/**
 * Spreadsheet formula escaping of CSV cells, and its exact reverse for the import.
 *
 * A spreadsheet runs a cell that starts with = + - @ (or a tab, carriage return or NUL before
 * one) as a formula: OWASP ASVS 1.2.10 lists = + - @ tab and NUL, CWE-1236 prepends a single
 * quote. papaparse's `escapeFormulae` tests `/^[=+\-@\t\r].*$/` (papaparse 5.7.1, papaparse.js
 * line 299): `.` stops at a line break and `$` is the end of the value, so "=cmd\nmore" is not
 * escaped. Here only the first character counts, whatever follows.
 *
 * The quote is itself escaped (a value starting with ' gets another), so `unescapeCell` gives
 * back exactly what `escapeCell` was given: "-Ana" → "'-Ana" → "-Ana", "'x" → "''x" → "'x".
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);
const QUOTE = "'";

/** The cell as written to a CSV: a leading formula character (or quote) gets a quote before it. */
export function escapeCell(value: string): string {
  const first = value.charAt(0);
  return TRIGGERS.has(first) || first === QUOTE ? QUOTE + value : value;
}

/** The value `escapeCell` was given: one leading quote dropped where `escapeCell` would have put it. */
export function unescapeCell(cell: string): string {
  if (cell.charAt(0) !== QUOTE) return cell;
  const second = cell.charAt(1);
  return TRIGGERS.has(second) || second === QUOTE ? cell.slice(1) : cell;
}
