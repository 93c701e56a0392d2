// `npm run mutate [area…]`: StrykerJS over each area of lib/ in turn (pipeline, sites, db, models),
// each with its own incremental file, so a second run re-tests only mutants whose code or tests
// changed. Writes reports/mutation/<area>.json, the merged reports/mutation/mutation.{json,html},
// and reports/mutation/summary.md: the score per area and every surviving mutant.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'reports', 'mutation');

/** What each area mutates, and the share of mutants its tests must kill (issue 14). */
export const AREAS = {
  pipeline: { mutate: ['lib/pipeline/**/*.ts'], target: 0.85 },
  sites: { mutate: ['lib/sites/**/*.ts'], target: 0.85 },
  db: { mutate: ['lib/db/**/*.ts'], target: 0.75 },
  models: { mutate: ['lib/ui/*-model.ts'], target: 0.75 },
} as const;
type Area = keyof typeof AREAS;

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}
interface Report {
  schemaVersion: string;
  thresholds: unknown;
  files: Record<string, { language: string; source: string; mutants: Mutant[] }>;
  [key: string]: unknown;
}

/** Stryker's mutation score: (killed + timed out) ÷ every mutant a test could have killed. */
export function score(mutants: Mutant[]): {
  score: number;
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  ignored: number;
  total: number;
} {
  const count = (status: string) => mutants.filter((m) => m.status === status).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const valid = killed + timeout + survived + noCoverage;
  return { score: valid === 0 ? 1 : (killed + timeout) / valid, killed, survived, noCoverage, timeout, ignored: count('Ignored'), total: mutants.length };
}

function run(area: Area): number {
  const base = JSON.parse(readFileSync(join(ROOT, 'stryker.config.json'), 'utf8')) as Record<string, unknown>;
  const config = {
    ...base,
    $schema: undefined,
    mutate: AREAS[area].mutate,
    reporters: ['json', 'html', 'clear-text', 'progress'],
    jsonReporter: { fileName: `reports/mutation/${area}.json` },
    htmlReporter: { fileName: `reports/mutation/${area}.html` },
    incrementalFile: `reports/stryker-incremental-${area}.json`,
    tempDirName: `.stryker-tmp-${area}`,
    // STRYKER_CONCURRENCY: fewer test workers on a machine busy with other work.
    ...(process.env.STRYKER_CONCURRENCY ? { concurrency: Number(process.env.STRYKER_CONCURRENCY) } : {}),
  };
  const file = join(ROOT, 'reports', `stryker-${area}.config.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  const started = Date.now();
  const result = spawnSync('npx', ['stryker', 'run', file], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`Stryker failed on ${area} (exit ${result.status}).`);
  return Date.now() - started;
}

function main() {
  mkdirSync(OUT, { recursive: true });
  const asked = process.argv.slice(2) as Area[];
  for (const area of asked) if (!(area in AREAS)) throw new Error(`Unknown area ${area}: one of ${Object.keys(AREAS).join(', ')}.`);
  const minutes: Partial<Record<Area, number>> = {};
  for (const area of asked.length ? asked : (Object.keys(AREAS) as Area[])) minutes[area] = run(area) / 60_000;

  // Merge what every area has reported so far into one report.
  const reports = (Object.keys(AREAS) as Area[]).flatMap((area) => {
    const path = join(OUT, `${area}.json`);
    return existsSync(path) ? [[area, JSON.parse(readFileSync(path, 'utf8')) as Report] as const] : [];
  });
  if (reports.length === 0) return;
  const merged: Report = { ...reports[0]![1], files: Object.assign({}, ...reports.map(([, r]) => r.files)) };
  writeFileSync(join(OUT, 'mutation.json'), JSON.stringify(merged));
  // The HTML report carries its JSON inline: the last area's page with the merged report in it.
  const html = readFileSync(join(OUT, `${reports.at(-1)![0]}.html`), 'utf8');
  const marker = html.indexOf('.report = ');
  if (marker > 0) {
    const end = html.indexOf('</script>', marker);
    writeFileSync(join(OUT, 'mutation.html'), `${html.slice(0, marker)}.report = ${JSON.stringify(merged)};${html.slice(end)}`);
  }

  const lines = [
    '| area | score | target | killed | timed out | survived | no coverage | ignored (static) | minutes (this run) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const survivors: string[] = [];
  for (const [area, report] of reports) {
    const mutants = Object.values(report.files).flatMap((f) => f.mutants);
    const s = score(mutants);
    const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
    lines.push(
      `| ${area} | ${pct(s.score)} | ${pct(AREAS[area].target)} | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.ignored} | ${minutes[area]?.toFixed(0) ?? '—'} |`,
    );
    for (const [file, { source, mutants: ms }] of Object.entries(report.files)) {
      for (const m of ms.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
        const line = source.split('\n')[m.location.start.line - 1]?.trim() ?? '';
        survivors.push(
          `- ${file}:${m.location.start.line} ${m.status} ${m.mutatorName} → \`${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)}\` in \`${line.slice(0, 100)}\``,
        );
      }
    }
  }
  writeFileSync(join(OUT, 'summary.md'), `# Mutation scores\n\n${lines.join('\n')}\n\n## Surviving mutants\n\n${survivors.join('\n')}\n`);
  console.log(lines.join('\n'));
}

main();
