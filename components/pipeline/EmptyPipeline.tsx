import { t } from '../../lib/i18n/i18n';
import { toHash } from '../../lib/ui/pipeline-model';

/** What the pipeline page says before there is any lead: where leads come from. */
export function EmptyPipeline() {
  return (
    <section class="ll-empty-pipeline" aria-label={t('empty_pipeline_title')}>
      <h2>{t('empty_pipeline_title')}</h2>
      <ul>
        <li>{t('empty_pipeline_linkedin')}</li>
        <li>{t('empty_pipeline_gmail')}</li>
        <li>
          <a href={`#${toHash({ view: 'data' })}`}>{t('empty_pipeline_import')}</a>
        </li>
      </ul>
    </section>
  );
}
