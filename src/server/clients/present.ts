import { deadlineStatus, type ClockBasis, type ClockStep } from '../../domain/clients/clocks.js';
import { maskIdentityCode } from '../../domain/clients/identity-code.js';
import { eventsFrom } from '../../domain/clients/process.js';
import type { ClientDetail } from '../../domain/clients/schemas.js';
import type { ClientRow, ConsentRow, ProcessRow } from './repo.js';

type DeadlineRow = { clockKey: string; basis: ClockBasis; step: ClockStep; dueOn: string; metOn: string | null; stoppedOn?: string | null };
type EventRow = { type: string; at: Date; fromState: ProcessRow['state'] | null; toState: ProcessRow['state']; byId: string | null; byName: string | null };

export const presentDeadline = (d: DeadlineRow, today: string) => ({ clockKey: d.clockKey, basis: d.basis, step: d.step, dueOn: d.dueOn, metOn: d.metOn, status: deadlineStatus(d, today) });

export const maskedCode = (code: string | null): string | null => (code === null ? null : maskIdentityCode(code));

const isInForce = (c: ConsentRow, today: string) => c.revokedAt === null && c.validFrom <= today && (c.validTo === null || c.validTo >= today);

/** Every output field by name: a column added later cannot leak, and the identity code leaves only masked. */
export function presentClient(input: {
  client: ClientRow;
  today: string;
  names: Map<string, string>;
  team: { userId: string; displayName: string }[];
  consents: ConsentRow[];
  codes: { code: string; linkedFrom: Date }[];
  encountersSinceLinked: number;
  process: ProcessRow | undefined;
  deadlines: DeadlineRow[];
  events: EventRow[];
  can: ClientDetail['can'];
}): ClientDetail {
  const { client, today, names, process } = input;
  const person = (id: string | null) => (id === null ? null : { id, displayName: names.get(id) ?? '' });
  return {
    id: client.id,
    register: client.register,
    siteId: client.siteId,
    name: client.name,
    identityCodeMasked: maskedCode(client.identityCode),
    preferredLanguage: client.preferredLanguage,
    municipalityCode: client.municipalityCode,
    contactPreference: client.contactPreference,
    ownWorker: person(client.ownWorkerId),
    careTeam: input.team.map((m) => ({ id: m.userId, displayName: m.displayName })),
    consents: input.consents.map((c) => ({
      id: c.id, purpose: c.purpose, granteeKind: c.granteeKind, granteeId: c.granteeId, granteeName: c.granteeId ? names.get(c.granteeId) ?? null : null,
      validFrom: c.validFrom, validTo: c.validTo, revokedAt: c.revokedAt?.toISOString() ?? null, isActive: isInForce(c, today),
    })),
    visitorCodes: input.codes.map((c) => ({ code: c.code, linkedFrom: c.linkedFrom.toISOString() })),
    encountersSinceLinked: input.encountersSinceLinked,
    process: process
      ? {
          id: process.id,
          state: process.state,
          contactAt: process.contactAt.toISOString(),
          contactSource: process.contactSource,
          isStatutoryGroup: process.isStatutoryGroup,
          need: process.need,
          handler: person(process.handlerId),
          endedAt: process.endedAt?.toISOString() ?? null,
          endReason: process.endReason,
          nextEvents: eventsFrom(process.state),
          deadlines: input.deadlines.map((d) => presentDeadline(d, today)),
          events: input.events.map((e) => ({ type: e.type, at: e.at.toISOString(), from: e.fromState, to: e.toState, by: e.byId ? { id: e.byId, displayName: e.byName ?? '' } : null })),
        }
      : null,
    can: input.can,
  };
}
