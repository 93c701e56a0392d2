/**
 * The UI language at work: plural forms by CLDR category, Intl formats, stage names from ids,
 * errors worded from their codes, the language picked from the browser's, and the CSV export
 * and import across languages.
 */
import { describe, expect, it } from 'vitest';
import { formatDaysFrom, formatMoney, formatNumber, language, languageFor, languageName, t, textOf, tn } from '../../lib/i18n/i18n';
import { reasonText, stageLabel } from '../../lib/i18n/labels';
import { issueText, problemText } from '../../lib/i18n/problems';
import { CodedError } from '../../lib/messaging/errors';
import { BackgroundError } from '../../lib/messaging/client';
import { DEFAULT_STAGES } from '../../lib/pipeline/constants';
import { mapRow, parseCsv, rowsToCsv } from '../../lib/import/csv';
import { csvWording, exportVocabulary } from '../../lib/ui/csv-wording';
import type { LeadRow } from '../../lib/messaging/protocol';
import { catalogOf, speak } from './helpers/i18n';
import { setCatalogs } from '../../lib/i18n/i18n';
import { LANGUAGES } from '../../lib/settings/languages';

describe('plural forms by CLDR category', () => {
  // The issue's own examples: "1 lead", "2 leady", "5 leadů"; and 22, where Czech and Polish part ways.
  it.each([
    ['cs', ['1 lead', '2 leady', '5 leadů', '22 leadů', '1,5 leadu']],
    ['pl', ['1 lead', '2 leady', '5 leadów', '22 leady', '1,5 leada']],
    ['en', ['1 lead', '2 leads', '5 leads', '22 leads', '1.5 leads']],
    ['vi', ['1 khách hàng tiềm năng', '2 khách hàng tiềm năng', '5 khách hàng tiềm năng', '22 khách hàng tiềm năng', '1,5 khách hàng tiềm năng']],
    ['zh_CN', ['1 条线索', '2 条线索', '5 条线索', '22 条线索', '1.5 条线索']],
  ] as const)('%s: leads for 1, 2, 5, 22 and 1.5', (lang, want) => {
    speak(lang);
    expect([1, 2, 5, 22, 1.5].map((n) => tn('leads', n))).toEqual(want);
  });

  it('agrees the words around a count too (Polish: 12 is "many", 22 "few")', () => {
    speak('pl');
    expect([1, 3, 12, 22, 25].map((n) => tn('leads_deleted', n))).toEqual([
      'Usunięto leada.',
      'Usunięto 3 leady.',
      'Usunięto 12 leadów.',
      'Usunięto 22 leady.',
      'Usunięto 25 leadów.',
    ]);
    speak('cs');
    expect([1, 2, 5].map((n) => tn('reason_ghosting', n))).toEqual(['1 pokus bez odpovědi', '2 pokusy bez odpovědi', '5 pokusů bez odpovědi']);
  });
});

describe('numbers, money and days in the UI language', () => {
  it.each([
    ['en', '12,345.5', '€12,000', 'yesterday'],
    ['cs', '12 345,5', '12 000 €', 'včera'],
    ['pl', '12 345,5', '12 000 €', 'wczoraj'],
    ['vi', '12.345,5', '12.000 €', 'Hôm qua'],
    ['zh_CN', '12,345.5', '€12,000', '昨天'],
  ] as const)('%s', (lang, number, money, yesterday) => {
    speak(lang);
    // Intl separates groups with a no-break space in Czech and Polish.
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(formatNumber(12345.5))).toBe(number);
    expect(plain(formatMoney(12000, 'EUR'))).toBe(money);
    expect(formatDaysFrom(-1)).toBe(yesterday);
  });
});

describe('the language a page shows', () => {
  it.each([
    ['cs', 'cs'],
    ['cs-CZ', 'cs'],
    ['pl-PL', 'pl'],
    ['vi', 'vi'],
    ['zh-CN', 'zh_CN'],
    ['zh', 'zh_CN'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('browser language %s → %s', (tag, want) => {
    expect(languageFor(tag)).toBe(want);
  });

  it('names each language in itself, for the picker', () => {
    expect(LANGUAGES.map(languageName)).toEqual(['English', 'Čeština', 'Polski', 'Tiếng Việt', '简体中文']);
  });

  it('fills a gap in a catalogue from English rather than showing a key', () => {
    const czech = catalogOf('cs');
    const { popup_funnel: _gone, ...partial } = czech;
    setCatalogs('cs', partial, catalogOf('en'));
    expect(t('popup_funnel')).toBe('Funnel');
    expect(t('view_board')).toBe('Nástěnka');
    expect(language.value).toBe('cs');
  });
});

describe('stage names come from ids until the user renames a stage', () => {
  const stages = [...DEFAULT_STAGES.slice(0, 3), { id: 'demo', name: 'Demo call', probability: 0.4, rottingDays: 7 }, DEFAULT_STAGES[6]!];
  it.each([
    ['en', ['Prospect', 'Qualified', 'Contacted', 'Demo call', 'Won', 'Lost', 'Later']],
    ['cs', ['Prospekt', 'Kvalifikovaný', 'Osloven', 'Demo call', 'Vyhráno', 'Ztraceno', 'Později']],
    ['pl', ['Prospekt', 'Zakwalifikowany', 'Nawiązany kontakt', 'Demo call', 'Wygrany', 'Utracony', 'Na później']],
    ['zh_CN', ['潜在客户', '合格线索', '已联系', 'Demo call', '赢单', '输单', '暂缓']],
  ] as const)('%s', (lang, want) => {
    speak(lang);
    expect([...stages.map((s) => stageLabel(s.id, stages)), stageLabel('lost'), stageLabel('later')]).toEqual(want);
  });

  it('renders a reason that names a stage with the stage’s name in the current language', () => {
    speak('zh_CN');
    expect(reasonText({ rule: 'outside-funnel', params: { stage: 'won' } }, DEFAULT_STAGES)).toBe('“赢单”阶段的线索没有温度');
  });

  it('puts a relative day inside a sentence in lower case (Intl capitalises it in Vietnamese)', () => {
    speak('vi');
    expect(reasonText({ rule: 'engaged', params: { days: 1, within: 30 } }, DEFAULT_STAGES)).toBe('Đã phản hồi hôm qua (trong vòng 30 ngày)');
  });
});

describe('errors from the background, worded in the UI language', () => {
  it('words a code with its parameters, the stage id as its name', () => {
    const refusal = new BackgroundError('Stage "nurturing" still has leads: move them before deleting the stage.', 'stage_has_leads', { stage: 'nurturing' });
    const text = problemText(refusal);
    speak('en');
    expect(textOf(text)).toBe('Stage “Nurturing” still has leads: move them before deleting the stage.');
    // The same error on screen follows a language switch.
    speak('pl');
    expect(textOf(text)).toBe('Na etapie „Pielęgnowanie” są jeszcze leady: przenieś je przed usunięciem etapu.');
  });

  it('says which field was refused and why, from the first issue', () => {
    const refusal = new BackgroundError('Invalid settings.save: stages.3.name: Too small', 'invalid', {}, [
      { path: ['stages', 3, 'name'], message: 'Too small: expected string to have >=1 characters', code: 'required', params: {} },
    ]);
    speak('cs');
    expect(textOf(problemText(refusal))).toBe('stages.3.name: povinné');
    const text = textOf(issueText({ path: ['patch', 'notes'], message: 'Too big', code: 'too_long', params: { max: 20000 } }));
    expect(text.replace(/\u00a0/g, ' ')).toBe('nejvýše 20 000 znaků');
  });

  it('shows an error without a known code as its own text', () => {
    speak('vi');
    expect(textOf(problemText(new Error('Quota exceeded')))).toBe('Quota exceeded');
    expect(textOf(problemText(new CodedError('lead_not_found', 'No lead with id x.', { id: 'x' })))).toBe('Khách hàng tiềm năng này không còn tồn tại.');
  });
});

describe('CSV across languages', () => {
  const row: LeadRow = {
    id: '1',
    name: 'Eliška Nováková',
    company: 'Kovo, s.r.o.',
    stage: 'nurturing',
    temperature: 'warm',
    source: 'referral',
    tags: ['veletrh'],
    dealValue: 25000,
    currency: 'CZK',
    nextFollowUpOn: '2026-12-01',
    lastTouchAt: null,
    updatedAt: '2026-11-22T10:00:00.000Z',
    emails: ['eliska@kovo.cz'],
    linkedinUrl: 'https://www.linkedin.com/in/eliska-novakova/',
    lost: null,
    later: null,
    stale: false,
  };

  it('exports headers and values in the UI language', () => {
    speak('cs');
    const [header, first] = rowsToCsv([row], csvWording(DEFAULT_STAGES)).split('\r\n');
    expect(header).toBe('Jméno,Firma,E-mail,URL na LinkedIn,Fáze,Teplota,Hodnota obchodu,Měna,Další follow-up,Poslední kontakt,Štítky,Zdroj');
    expect(first).toBe(
      'Eliška Nováková,"Kovo, s.r.o.",eliska@kovo.cz,https://www.linkedin.com/in/eliska-novakova/,Rozvíjení,teplý,25000,CZK,2026-12-01,,veletrh,Doporučení',
    );
  });

  it('imports a file exported in Polish while the UI speaks Czech: columns and stage mapped back', async () => {
    speak('pl');
    const polish = rowsToCsv([row], csvWording(DEFAULT_STAGES));
    // Every catalogue is known to the import (the page reads them all when a file is opened).
    for (const lang of LANGUAGES) setCatalogs(lang, catalogOf(lang), catalogOf('en'));
    speak('cs');
    const { headers, stageNames } = await exportVocabulary();
    const csv = parseCsv(polish, headers);
    expect(csv.mapping).toEqual(['name', 'company', 'email', 'linkedinUrl', 'stage', 'ignore', 'dealValue', 'ignore', 'ignore', 'ignore', 'tags', 'ignore']);
    const mapped = mapRow(csv.rows[0]!.cells, csv.rows[0]!.line, csv.mapping, DEFAULT_STAGES, stageNames);
    expect(mapped).toMatchObject({
      ok: true,
      row: { name: 'Eliška Nováková', stage: 'nurturing', dealValue: 25000, emails: ['eliska@kovo.cz'], tags: ['veletrh'] },
    });
  });

  it('maps the Czech Pipedrive deals export’s columns (headers as a Czech team’s scripts read them from their export)', () => {
    // Header names from public scripts reading a real Czech Pipedrive deals export,
    // `deals-16044442-64.csv` (code index ids 23906941063, 24061963908); the row is synthetic.
    const text = [
      'Deal - Název,Deal - Organizace,Deal - Kontaktní osoba,Deal - Hodnota,Osoba - E-mail - Práce,Osoba - E-mail - Domov,Osoba - E-mail - Ostatní,Osoba - Telefon - Práce',
      'Workshop jaro,Kovo s.r.o.,Eliška Nováková,"12 500",eliska@kovo.cz,,,+420 601 000 000',
    ].join('\n');
    const csv = parseCsv(text);
    expect(csv.mapping).toEqual(['ignore', 'company', 'name', 'dealValue', 'email', 'email', 'email', 'ignore']);
    expect(mapRow(csv.rows[0]!.cells, 2, csv.mapping, DEFAULT_STAGES)).toMatchObject({
      ok: true,
      row: { name: 'Eliška Nováková', company: 'Kovo s.r.o.', dealValue: 12500, emails: ['eliska@kovo.cz'] },
    });
  });

  it('gives a refused row a code the page words in its language', () => {
    const csv = parseCsv('Name,Email\nAda,ada@\n');
    const refused = mapRow(csv.rows[0]!.cells, 2, csv.mapping, DEFAULT_STAGES);
    expect(refused).toMatchObject({ ok: false, code: 'row_bad_email', params: { value: 'ada@' }, reason: '"ada@" is not an email address' });
    speak('pl');
    expect(textOf(problemText(refused))).toBe('„ada@” nie jest adresem e-mail');
  });
});
