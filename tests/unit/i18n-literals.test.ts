/**
 * No component renders words of its own: JSX text, and text that flows into a user-facing
 * attribute (aria-label, title, placeholder, alt, label…) or into JSX children, must come from
 * t()/tn() or from data. A string literal counts as rendered when it reaches the output through
 * conditionals, `&&`/`||`/`??`, template literals, `+` or arrays; one passed to any other call
 * (a class name helper, a comparison, an API) does not. The brand "Leadline" may stand as is.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
/** Attributes whose value a user reads or hears. */
const USER_FACING = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
const ALLOWED = new Set(['Leadline']);
const WORDS = /\p{L}/u;

type Node = { type: string; [key: string]: unknown };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : f.endsWith('.tsx') ? [path] : [];
  });
}

/** Literal text that reaches the output from `node`, following only the ways a value flows through unchanged. */
function renderedLiterals(node: Node | null | undefined, out: { text: string; line: number }[]): void {
  if (!node) return;
  const line = (node.loc as { start: { line: number } } | undefined)?.start.line ?? 0;
  switch (node.type) {
    case 'StringLiteral':
      out.push({ text: node.value as string, line });
      return;
    case 'TemplateLiteral':
      for (const q of node.quasis as Node[]) out.push({ text: (q.value as { cooked: string }).cooked, line });
      for (const e of node.expressions as Node[]) renderedLiterals(e, out);
      return;
    case 'ConditionalExpression':
      renderedLiterals(node.consequent as Node, out);
      renderedLiterals(node.alternate as Node, out);
      return;
    case 'LogicalExpression':
      // `a && 'text'` renders the right side; `a ?? 'text'` and `a || 'text'` either.
      if (node.operator !== '&&') renderedLiterals(node.left as Node, out);
      renderedLiterals(node.right as Node, out);
      return;
    case 'BinaryExpression':
      if (node.operator === '+') {
        renderedLiterals(node.left as Node, out);
        renderedLiterals(node.right as Node, out);
      }
      return;
    case 'ArrayExpression':
      for (const e of node.elements as Node[]) renderedLiterals(e, out);
      return;
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'ParenthesizedExpression':
    case 'JSXExpressionContainer':
      renderedLiterals(node.expression as Node, out);
      return;
    default:
      return;
  }
}

/** Every piece of literal, word-bearing text a component file puts on screen, with its line. */
function literalTexts(source: string): { text: string; line: number }[] {
  const ast = parse(source, { sourceType: 'module', plugins: ['jsx', 'typescript'] });
  const found: { text: string; line: number }[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'JSXText') found.push({ text: n.value as string, line: (n.loc as { start: { line: number } }).start.line });
    if (n.type === 'JSXExpressionContainer' && n.__child) renderedLiterals(n.expression as Node, found);
    if (n.type === 'JSXAttribute') {
      const name = (n.name as Node).type === 'JSXIdentifier' ? ((n.name as Node).name as string) : '';
      if (USER_FACING.has(name)) renderedLiterals(n.value as Node, found);
    }
    if (n.type === 'JSXElement' || n.type === 'JSXFragment')
      for (const child of n.children as Node[]) if (child.type === 'JSXExpressionContainer') child.__child = true;
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== '__child' && value && typeof value === 'object') visit(value);
  };
  visit(ast.program);
  return found.filter(({ text }) => WORDS.test(text) && !ALLOWED.has(text.trim()));
}

describe('components render no words of their own', () => {
  it('the check finds what it must: JSX text, user-facing attributes, rendered literals', () => {
    const found = literalTexts(`
      export const A = ({ n, ok }: { n: number; ok: boolean }) => (
        <div class={ok ? 'll-ok' : 'll-bad'} data-x="fine" title="Hover words">
          Hello
          <input placeholder={'Type here'} aria-label={\`Row \${n}\`} />
          {ok ? 'Yes' : t('key_no')}
          {ok && 'Shown'}
          {n > 1 && <b>{ok ? '' : 'Nested'}</b>}
          {String(n).padStart(2, '0')}
          {t('key_ok', { what: 'inside a call' })}
          {'Leadline'} →
        </div>
      );`);
    expect(found.map((f) => f.text.trim())).toEqual(['Hover words', 'Hello', 'Type here', 'Row', 'Yes', 'Shown', 'Nested']);
  });

  it.each(files(join(ROOT, 'components')).map((f) => relative(ROOT, f)))('%s', (file) => {
    const literals = literalTexts(readFileSync(join(ROOT, file), 'utf8'));
    expect(literals.map(({ text, line }) => `${line}: ${text.trim()}`)).toEqual([]);
  });
});
