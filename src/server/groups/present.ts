import type { AttendanceFigures, GroupSeriesView, GroupSessionView } from '../../domain/groups.js';
import { presentTime } from '../sessions/present.js';
import type { GroupSessionRow, SeriesRow } from './repo.js';

export function presentSeries(series: SeriesRow): GroupSeriesView {
  return {
    id: series.id,
    siteId: series.siteId,
    name: series.name,
    description: series.description,
    descriptionTranslations: series.descriptionTranslations,
    targetGroup: series.targetGroup,
    room: series.room,
    facilitators: series.facilitators.map((f) => ({ role: f.role, organisation: f.organisation, isPeerWorker: f.isPeerWorker })),
    weekday: series.weekday,
    startsAt: presentTime(series.startsAt),
    endsAt: presentTime(series.endsAt),
    startsOn: series.startsOn,
    endsOn: series.endsOn,
    isAnnounced: series.isAnnounced,
    anonymousRepeatParticipants: series.anonymousRepeatParticipants,
  };
}

export function presentGroupSession(session: GroupSessionRow, attendance: AttendanceFigures | null): GroupSessionView {
  return {
    id: session.id,
    seriesId: session.seriesId,
    day: session.day,
    startsAt: presentTime(session.startsAt),
    endsAt: presentTime(session.endsAt),
    room: session.room,
    theme: session.theme,
    isThemePublished: session.isThemePublished,
    isCancelled: session.isCancelled,
    attendance,
  };
}
