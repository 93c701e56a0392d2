import type { CompanyPanelModel } from '../../lib/ui/company-panel-model';
import type { CompanyField } from '../../lib/sites/linkedin/company';
import { t, type MessageKey } from '../../lib/i18n/i18n';
import { ErrorText } from '../shared/ErrorText';
import { stageLabel } from '../../lib/i18n/labels';

const SHOWN: { field: CompanyField; label: MessageKey }[] = [
  { field: 'industry', label: 'company_industry' },
  { field: 'headquarters', label: 'company_headquarters' },
  { field: 'size', label: 'company_size' },
  { field: 'website', label: 'company_website' },
];

/** A company page: the company as the page shows it, its people in the pipeline, "Save company". */
export function CompanyPanel({ model }: { model: CompanyPanelModel }) {
  const extraction = model.extraction.value;
  if (!extraction) return null;
  const { found, missing } = extraction;
  const view = model.view.value;
  const name = found.name ?? view?.company.name ?? null;
  return (
    <section class="ll-company" aria-label={t('field_company')}>
      <h2 class="ll-name">{name ?? t('company_name_missing')}</h2>
      <dl class="ll-facts">
        {SHOWN.map(({ field, label }) => (
          <div key={field} class={found[field] ? undefined : 'll-missing-fact'}>
            <dt>{t(label)}</dt>
            <dd>{found[field] ?? <span class="ll-flag">{t('capture_not_found')}</span>}</dd>
          </div>
        ))}
      </dl>
      {found.linkedinUrl && <p class="ll-muted ll-url">{found.linkedinUrl}</p>}
      <button type="button" class="ll-primary" disabled={!model.canSave || model.busy.value} onClick={() => void model.save()}>
        {t('company_save')}
      </button>
      {model.saved.value && (
        <p class="ll-result" role="status">
          {t('company_saved')}
        </p>
      )}
      {!view && !model.loading.value && !model.saved.value && <p class="ll-muted">{t('company_not_saved')}</p>}
      {missing.includes('name') && <p class="ll-error">{t('company_name_missing')}</p>}
      <ErrorText error={model.error.value} />
      <h3 class="ll-section-title">{t('company_in_pipeline')}</h3>
      {view && view.people.length > 0 ? (
        <ul class="ll-people" aria-label={t('company_in_pipeline')}>
          {view.people.map((p) => (
            <li key={p.id}>
              <span>{p.name}</span> <span class="ll-muted">{stageLabel(p.stage, model.stages.value)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="ll-muted">{name ? t('company_no_people', { name }) : t('accounts_no_people')}</p>
      )}
    </section>
  );
}
