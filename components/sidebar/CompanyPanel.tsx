import type { CompanyPanelModel } from '../../lib/ui/company-panel-model';
import type { CompanyField } from '../../lib/sites/linkedin/company';
import { t, type MessageKey } from '../../lib/i18n/i18n';
import { ErrorText } from '../shared/ErrorText';
import { stageName } from '../../lib/pipeline/stages';

const SHOWN: { field: CompanyField; label: MessageKey }[] = [
  { field: 'industry', label: 'companyIndustry' },
  { field: 'headquarters', label: 'companyHeadquarters' },
  { field: 'size', label: 'companySize' },
  { field: 'website', label: 'companyWebsite' },
];

/** A company page: the company as the page shows it, its people in the pipeline, "Save company". */
export function CompanyPanel({ model }: { model: CompanyPanelModel }) {
  const extraction = model.extraction.value;
  if (!extraction) return null;
  const { found, missing } = extraction;
  const view = model.view.value;
  const name = found.name ?? view?.company.name ?? null;
  return (
    <section class="ll-company" aria-label={t('companyPanel')}>
      <h2 class="ll-name">{name ?? t('companyNameMissing')}</h2>
      <dl class="ll-facts">
        {SHOWN.map(({ field, label }) => (
          <div key={field} class={found[field] ? undefined : 'll-missing-fact'}>
            <dt>{t(label)}</dt>
            <dd>{found[field] ?? <span class="ll-flag">{t('notOnPage')}</span>}</dd>
          </div>
        ))}
      </dl>
      {found.linkedinUrl && <p class="ll-muted ll-url">{found.linkedinUrl}</p>}
      <button type="button" class="ll-primary" disabled={!model.canSave || model.busy.value} onClick={() => void model.save()}>
        {t('saveCompany')}
      </button>
      {model.saved.value && (
        <p class="ll-result" role="status">
          {t('companySaved')}
        </p>
      )}
      {!view && !model.loading.value && !model.saved.value && <p class="ll-muted">{t('companyNotSaved')}</p>}
      {missing.includes('name') && <p class="ll-error">{t('companyNameMissing')}</p>}
      <ErrorText error={model.error.value} />
      <h3 class="ll-section-title">{t('inYourPipeline')}</h3>
      {view && view.people.length > 0 ? (
        <ul class="ll-people" aria-label={t('inYourPipeline')}>
          {view.people.map((p) => (
            <li key={p.id}>
              <span>{p.name}</span> <span class="ll-muted">{stageName(p.stage, model.stages.value)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="ll-muted">{name ? t('companyNoPeople', { name }) : t('accountsNoPeople')}</p>
      )}
    </section>
  );
}
