import { VIEWS, VIEW_LABELS, toHash, type PipelineModel } from '../../lib/ui/pipeline-model';
import { BoardView } from './BoardView';
import { TableView } from './TableView';
import { LeadDetail } from './LeadDetail';
import { DuplicatesView } from './DuplicatesView';
import { PlannerView } from './PlannerView';
import { DataView } from './DataView';
import { SettingsView } from './SettingsView';
import { AccountsView } from './AccountsView';
import { EmptyPipeline } from './EmptyPipeline';
import { InsightsView } from './InsightsView';
import { ErrorText } from '../shared/ErrorText';
import { SettingsProblem } from '../shared/SettingsProblem';
import { t, textOf } from '../../lib/i18n/i18n';

/** The pipeline page: a view per tab, the open lead's detail beside it, and the undo offer. */
export function PipelinePage({ model }: { model: PipelineModel }) {
  const route = model.route.value;
  const settings = model.settings.value;
  const selected = model.selected.value;
  const undo = model.undo.value;
  // "My leads / Team" once this browser has a team sync user (the owner of what it captures).
  const me = model.sync?.view.value?.target?.username ?? null;
  const ownerLink = (owner: string | undefined) => `#${toHash({ ...route, filter: { ...route.filter, owner }, lead: undefined })}`;
  return (
    <div class="ll-page">
      <header class="ll-page-header">
        <h1>{t('page_title')}</h1>
        <nav aria-label={t('page_views')}>
          {VIEWS.map((v) => (
            <a key={v} href={`#${toHash({ ...route, view: v, lead: undefined })}`} aria-current={route.view === v ? 'page' : undefined}>
              {t(VIEW_LABELS[v])}
            </a>
          ))}
        </nav>
        {me && (route.view === 'board' || route.view === 'table') && (
          <nav class="ll-owner-filter" aria-label={t('owner_filter')}>
            <a href={ownerLink(undefined)} aria-current={route.filter.owner ? undefined : 'true'}>
              {t('owner_team')}
            </a>
            <a href={ownerLink(me)} aria-current={route.filter.owner === me ? 'true' : undefined}>
              {t('owner_mine')}
            </a>
          </nav>
        )}
      </header>
      <ErrorText error={model.error.value} />
      <SettingsProblem problem={model.settingsProblem.value} />
      {settings && (
        <div class="ll-columns">
          <main class="ll-main">
            {model.aggregates.value?.total === 0 && route.view !== 'data' && route.view !== 'settings' && <EmptyPipeline />}
            {route.view === 'board' && <BoardView model={model} />}
            {route.view === 'table' && <TableView model={model} />}
            {route.view === 'insights' && <InsightsView model={model} />}
            {route.view === 'accounts' && <AccountsView model={model.accounts} stages={settings.stages} onOpenLead={(id) => model.openLead(id)} />}
            {route.view === 'duplicates' && <DuplicatesView model={model} />}
            {route.view === 'planner' && <PlannerView model={model} />}
            {route.view === 'data' && <DataView model={model} />}
            {route.view === 'settings' && <SettingsView model={model} />}
          </main>
          {selected && <LeadDetail model={model} card={selected} />}
        </div>
      )}
      <div class="ll-toast" role="status" aria-live="polite">
        {undo && (
          <>
            <span>{textOf(undo.text)}</span>{' '}
            <button type="button" onClick={() => void model.undoDelete()} disabled={model.busy.value}>
              {t('common_undo')}
            </button>
            <button type="button" aria-label={t('common_dismiss')} class="ll-icon-button" onClick={() => (model.undo.value = null)}>
              ×
            </button>
          </>
        )}
      </div>
    </div>
  );
}
