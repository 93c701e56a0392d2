import type { ComponentChildren } from 'preact';
import type { LeadCardModel } from '../../lib/ui/lead-card-model';
import { stageName } from '../../lib/pipeline/stages';
import { isStale, lastActivityDay } from '../../lib/pipeline/aggregates';
import { localDay } from '../../lib/pipeline/time';
import { LeadDetailsControl } from './LeadDetailsControl';
import { LogActions } from './LogActions';
import { QualificationControl } from './QualificationControl';
import { StageControl } from './StageControl';
import { TemperatureView } from './TemperatureView';
import { TouchpointList } from './TouchpointList';
import { ErrorText } from './ErrorText';

/** A known lead: stage, temperature with reasons, BANT, follow-up, touchpoints and logging. */
export function LeadCard({ card, timeline }: { card: LeadCardModel; timeline?: ComponentChildren }) {
  const { lead, touchpoints } = card.view.value;
  const stages = card.settings.stages;
  const busy = card.busy.value;
  return (
    <article class="ll-card" aria-label={`Lead: ${lead.name}`}>
      <h2 class="ll-name">{lead.name}</h2>
      {lead.headline && <p class="ll-headline">{lead.headline}</p>}
      <p class="ll-muted">
        {[lead.company, lead.location].filter(Boolean).join(' · ')}
        {' · '}
        <span data-testid="stage-name">{stageName(lead.stage, stages)}</span>
      </p>
      {isStale(lead, stages, localDay(new Date())) && (
        <p class="ll-stale" role="status">
          Rotting: no touchpoint or stage change since {lastActivityDay(lead)}
        </p>
      )}
      <StageControl lead={lead} stages={stages} disabled={busy} onMove={(move) => void card.move(move)} />
      {!card.full && (
        <button type="button" class="ll-link-button" onClick={() => void card.openInPipeline()}>
          Open in pipeline
        </button>
      )}
      <TemperatureView
        temperature={lead.temperature}
        reasons={lead.temperatureReasons}
        override={lead.temperatureOverride}
        disabled={busy}
        onOverride={(value) => void card.update({ temperatureOverride: value })}
      />
      <QualificationControl value={lead.qualification} disabled={busy} onChange={(q) => void card.update({ qualification: q })} />
      <LeadDetailsControl lead={lead} disabled={busy} onChange={(patch) => void card.update(patch)} />
      <LogActions disabled={busy} onLog={(kind, summary) => card.log(kind, summary)} />
      {timeline ?? <TouchpointList touchpoints={touchpoints} />}
      <ErrorText error={card.error.value} />
    </article>
  );
}
