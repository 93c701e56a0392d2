/**
 * Figures with their formula as data: every insight value is computed by evaluating the same
 * expression the UI shows one click away, so the two can never disagree. Pure; no sentences here:
 * terms are ids the UI names in its own language.
 */

/** What a term of a formula is; the UI turns these ids into words. */
export type TermId =
  | 'leads'
  | 'reached'
  | 'lost'
  | 'won'
  | 'open-opportunities'
  | 'won-value-total'
  | 'won-with-value'
  | 'open-value'
  | 'probability'
  | 'cycle-days-total'
  | 'won-with-cycle'
  | 'average-deal'
  | 'win-rate'
  | 'average-cycle-days';

/** A figure taken from the aggregates (optionally of one stage). */
export interface Term {
  kind: 'term';
  term: TermId;
  stage?: string;
  value: number | null;
}

/** The nearest-rank percentile of a kept distribution, read from its histogram. */
export interface Percentile {
  kind: 'percentile';
  /** 0.5 for the median, 0.8 for the 80th percentile. */
  p: number;
  of: 'days-in-stage' | 'cycle-days' | 'won-value';
  stage?: string;
  /** How many entries the distribution holds. */
  count: number;
  value: number | null;
}

export interface Operation {
  kind: 'op';
  op: 'add' | 'mul' | 'div';
  args: Expr[];
}

export type Expr = Term | Percentile | Operation;

export type Unit = 'count' | 'ratio' | 'money' | 'days' | 'money-per-day';

/** A figure, its unit, and the formula it was computed by. `value` is null where it would be "—". */
export interface Metric {
  value: number | null;
  unit: Unit;
  formula: Expr;
}

/** A leaf: a figure taken from the aggregates. */
export const term = (id: TermId, value: number | null, stage?: string): Term =>
  stage === undefined ? { kind: 'term', term: id, value } : { kind: 'term', term: id, stage, value };
/** Σ of the arguments (null when there are none). */
export const add = (...args: Expr[]): Operation => ({ kind: 'op', op: 'add', args });
/** Product of the arguments. */
export const mul = (...args: Expr[]): Operation => ({ kind: 'op', op: 'mul', args });
/** numerator ÷ denominator (null when the denominator is 0). */
export const div = (numerator: Expr, denominator: Expr): Operation => ({ kind: 'op', op: 'div', args: [numerator, denominator] });

/**
 * The value of an expression. Null propagates; dividing by zero, adding nothing and any
 * non-finite result give null, so no NaN or Infinity ever reaches the UI.
 */
export function evaluate(expr: Expr): number | null {
  if (expr.kind !== 'op') return finite(expr.value);
  const values = expr.args.map(evaluate);
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const [first, ...rest] = values as number[];
  switch (expr.op) {
    case 'add':
      return finite(rest.reduce((a, b) => a + b, first!));
    case 'mul':
      return finite(rest.reduce((a, b) => a * b, first!));
    case 'div':
      return rest[0] === 0 ? null : finite(first! / rest[0]!);
  }
}

function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/** A metric whose value is its formula's. */
export function metric(unit: Unit, formula: Expr): Metric {
  return { value: evaluate(formula), unit, formula };
}

const SYMBOL = { add: ' + ', mul: ' × ', div: ' ÷ ' } as const;
const PRECEDENCE = { add: 1, mul: 2, div: 2 } as const;

/**
 * A formula as one line of text, with each leaf written by `leaf` (its localised name, or its
 * value): e.g. `won ÷ (won + lost)`. Parentheses only where precedence needs them.
 */
export function renderFormula(expr: Expr, leaf: (leaf: Term | Percentile) => string): string {
  if (expr.kind !== 'op') return leaf(expr);
  return expr.args
    .map((arg, i) => {
      const text = renderFormula(arg, leaf);
      if (arg.kind !== 'op') return text;
      const inner = PRECEDENCE[arg.op];
      const outer = PRECEDENCE[expr.op];
      // The right side of ÷ needs brackets even at equal precedence: a ÷ (b × c).
      const bracket = inner < outer || (inner === outer && i > 0 && expr.op === 'div' && arg.args.length > 1);
      return bracket ? `(${text})` : text;
    })
    .join(SYMBOL[expr.op]);
}
