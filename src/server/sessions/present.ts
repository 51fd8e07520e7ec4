import { holidaysAmong, isWorkingDay, type Holiday, type WorkingDaySettings } from '../../domain/calendar.js';
import type { Announcement, HolidayFlag, PlannedSessions, SessionView } from '../../domain/outreach-views.js';
import { professions, type Profession } from '../../domain/org.js';
import type { sites } from '../db/schema.js';
import type { StaffedSession } from './repo.js';

/** PostgreSQL gives '09:30:00'; people read '09:30'. Seconds are kept only when someone set them. */
export const presentTime = (time: string): string => (time.length === 8 && time.endsWith(':00') ? time.slice(0, 5) : time);

export function presentSession({ session, professionals }: StaffedSession): SessionView {
  return {
    id: session.id,
    siteId: session.siteId,
    seriesId: session.seriesId,
    room: session.room,
    kind: session.kind,
    day: session.day,
    startsAt: presentTime(session.startsAt),
    endsAt: presentTime(session.endsAt),
    isCancelled: session.isCancelled,
    isAnnounced: session.isAnnounced,
    publicNote: session.publicNote,
    publicNoteTranslations: session.publicNoteTranslations,
    professionals: professionals.map((p) => ({ userId: p.userId, displayName: p.displayName, profession: p.profession, hours: Number(p.hours) })),
  };
}

/** The visitor-facing view: which kinds of professional will be there, never who; open groups without facilitators. */
export function presentAnnouncement(site: typeof sites.$inferSelect, staffed: StaffedSession[], groups: Announcement['groups'] = []): Announcement {
  return {
    site: { id: site.id, name: site.name, address: site.address, slug: site.slug, nameTranslations: site.nameTranslations },
    sessions: staffed.map(({ session, professionals: present }) => {
      const listed = new Set(present.map((p) => p.profession).filter((p): p is Profession => p !== null));
      return {
        day: session.day,
        startsAt: presentTime(session.startsAt),
        endsAt: presentTime(session.endsAt),
        room: session.room,
        kind: session.kind,
        publicNote: session.publicNote,
        professions: professions.filter((p) => listed.has(p)),
        roomTranslations: site.roomTranslations[session.room] ?? {},
        publicNoteTranslations: session.publicNoteTranslations,
      };
    }),
    groups: groups.map((group) => ({ ...group, roomTranslations: site.roomTranslations[group.room] ?? {} })),
  };
}

export const presentHoliday = (h: Holiday, settings: WorkingDaySettings): HolidayFlag => ({
  day: h.day,
  key: h.key,
  kind: h.kind,
  name: { fi: h.name.fi, sv: h.name.sv, en: h.name.en },
  isWorkingDay: isWorkingDay(h.day, settings),
});

/** A plan's answer flags the sessions' days that are public holidays or eves, so the planner can cancel them. */
export const presentPlanned = (staffed: StaffedSession[], settings: WorkingDaySettings): PlannedSessions => ({
  sessions: staffed.map(presentSession),
  holidays: holidaysAmong(staffed.map((s) => s.session.day)).map((h) => presentHoliday(h, settings)),
});
