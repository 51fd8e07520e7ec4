import type { TFunction } from 'i18next';
import type { PilotDecision, PilotPhaseKind } from '../../domain/pilots';
import type { Locale } from '../../domain/org';
import { formatDay, formatInstantDay } from '../visitors/format';


/** "Aloitusvaihe", "Väliarviointi 2", "Lopetusvaihe" */
export const phaseName = (t: TFunction, phase: { kind: PilotPhaseKind; number: number }): string => t(`pilots.phaseName.${phase.kind}`, { number: phase.number });

export const decisionLabel = (t: TFunction, decision: PilotDecision): string => t(`pilots.decision.${decision}`);

/** "5.1.2026–30.4.2026" */
export const pilotPeriod = (pilot: { startsOn: string; endsOn: string }, locale: Locale): string => `${formatDay(pilot.startsOn, locale)}–${formatDay(pilot.endsOn, locale)}`;

export { formatDay, formatInstantDay };
