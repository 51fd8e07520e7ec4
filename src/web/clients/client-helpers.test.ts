import { describe, expect, it } from 'vitest';
import { identityCodeCheckCharacter } from '../../domain/clients/identity-code';
import { checkClient, clientFields, emptyClient, lookupSubject } from './client-form-values';
import { deadlineTone, foldName, orderClients, visibleClients } from './client-list';
import { checkConsent, consentFields } from './consent-form-values';
import { checkEnd, emptyEnd, endFields } from './end-form-values';
import { stepButtons } from './process-steps';

const listed = [
  { name: 'Öhman Eeva', isOwnClient: false },
  { name: 'Hämäläinen Leena', isOwnClient: true },
  { name: 'Aalto Aino', isOwnClient: false },
  { name: 'Virtanen Aada', isOwnClient: true },
];

describe('the client list', () => {
  it('puts own clients first, each group by name in Finnish order (Ö after Z)', () => {
    expect(orderClients(listed).map((c) => c.name)).toEqual(['Hämäläinen Leena', 'Virtanen Aada', 'Aalto Aino', 'Öhman Eeva']);
  });

  it('searches by any part of the name, without case or accents, every word', () => {
    expect(visibleClients(listed, 'hamal').map((c) => c.name)).toEqual(['Hämäläinen Leena']);
    expect(visibleClients(listed, '  AINO   aalto ').map((c) => c.name)).toEqual(['Aalto Aino']);
    expect(visibleClients(listed, 'a').map((c) => c.name)).toEqual(['Hämäläinen Leena', 'Virtanen Aada', 'Aalto Aino', 'Öhman Eeva']);
    expect(visibleClients(listed, 'nobody')).toEqual([]);
    expect(foldName('  Öhman  ÉEVA ')).toBe('ohman eeva');
  });

  it('tones a deadline by its urgency', () => {
    expect([deadlineTone('overdue'), deadlineTone('late'), deadlineTone('due_soon'), deadlineTone('met'), deadlineTone('running')]).toEqual(['alert', 'alert', 'warning', 'done', 'neutral']);
  });
});

describe('the new-client form', () => {
  const good = `150398Y241${identityCodeCheckCharacter('150398241')}`;
  const filled = { ...emptyClient('site-1'), name: ' Aino Esimerkki ', source: 'referral' as const, need: ' Tarvitsee tukea. ' };

  it('names a wrong check character with the same key as the server\'s refusal, and sends nothing', () => {
    const wrong = `${good.slice(0, 10)}${good.endsWith('A') ? 'B' : 'A'}`;
    expect(checkClient({ ...filled, identityCode: wrong })).toEqual({ input: null, problems: { [clientFields.identityCode]: { key: 'clients.identityCode.checksum' } } });
    expect(checkClient({ ...filled, identityCode: '150398G241X' }).problems[clientFields.identityCode]).toEqual({ key: 'clients.identityCode.century' });
  });

  it('asks for a name, a source and the need; an empty code is simply left out', () => {
    expect(Object.keys(checkClient(emptyClient('')).problems).sort()).toEqual([clientFields.name, clientFields.need, clientFields.siteId, clientFields.source].sort());
    expect(checkClient(filled).input).toEqual({
      siteId: 'site-1', name: 'Aino Esimerkki', preferredLanguage: 'fi', contactPreference: 'phone', contact: { source: 'referral', isStatutoryGroup: false, need: 'Tarvitsee tukea.' },
    });
    expect(checkClient({ ...filled, identityCode: ` ${good.toLowerCase()} `, municipalityCode: '091' }).input).toMatchObject({ identityCode: good.toLowerCase(), municipalityCode: '091' });
    // A named handler goes with the contact; none leaves it to the server (the recorder).
    expect(checkClient({ ...filled, handlerId: 'u2' }).input?.contact).toEqual({ source: 'referral', isStatutoryGroup: false, need: 'Tarvitsee tukea.', handlerId: 'u2' });
  });

  it('asks for a new existing-client check when the name or the code changes, not for case', () => {
    expect(lookupSubject({ name: 'Aino', identityCode: good.toLowerCase() })).toBe(lookupSubject({ name: 'aino', identityCode: good }));
    expect(lookupSubject({ name: 'Aino' })).not.toBe(lookupSubject({ name: 'Aino', identityCode: good }));
    expect(lookupSubject({ name: 'Aino' })).not.toBe(lookupSubject({ name: 'Aina' }));
  });
});

describe('ending the process', () => {
  it('asks the handover meeting of a client moving away, and why none is held', () => {
    expect(checkEnd({ ...emptyEnd, reason: 'moved_away' }).problems).toEqual({ [endFields.handoverMeeting]: 'clients.end.errors.handover' });
    expect(checkEnd({ ...emptyEnd, reason: 'moved_away', handoverMeeting: 'not_held' }).problems).toEqual({ [endFields.noMeetingReason]: 'clients.end.errors.noMeetingReason' });
    expect(checkEnd({ ...emptyEnd, reason: 'moved_away', handoverMeeting: 'to_be_arranged', noMeetingReason: 'ignored' }).input).toEqual({ reason: 'moved_away', handoverMeeting: 'to_be_arranged' });
  });

  it('asks the duty to notify of a client who declined', () => {
    expect(checkEnd({ ...emptyEnd, reason: 'client_refused' }).problems).toEqual({ [endFields.notificationDuty]: 'clients.end.errors.duty' });
    expect(checkEnd({ ...emptyEnd, reason: 'client_refused', notificationDuty: 'not_needed', notNeededReason: ' Täysi-ikäinen, ei huolta. ' }).input).toEqual({ reason: 'client_refused', notificationDuty: 'not_needed', notNeededReason: 'Täysi-ikäinen, ei huolta.' });
  });

  it('needs a reason, and the text the other reasons ask for', () => {
    expect(checkEnd(emptyEnd).problems).toEqual({ [endFields.reason]: 'clients.end.errors.reason' });
    expect(checkEnd({ ...emptyEnd, reason: 'other', description: ' ' }).input).toBeNull();
    expect(checkEnd({ ...emptyEnd, reason: 'transferred_to_other_service', service: 'Aikuissosiaalityö' }).input).toEqual({ reason: 'transferred_to_other_service', service: 'Aikuissosiaalityö' });
    expect(checkEnd({ ...emptyEnd, reason: 'no_longer_needs_network_work', everydayLifeWorks: true }).input).toEqual({ reason: 'no_longer_needs_network_work', everydayLifeWorks: true, knowsWhereToSeekHelp: false });
  });

  it('offers every allowed step as a button but the end, which asks its questions first', () => {
    expect(stepButtons(['start_assessment', 'end'])).toEqual(['start_assessment']);
    expect(stepButtons(['resume_network_work', 'end'])).toEqual(['resume_network_work']);
  });
});

describe('the consent form', () => {
  const base = { purpose: 'share_plan' as const, granteeKind: 'user' as const, granteeId: 'u1', validFrom: '7.12.2026', validTo: '' };

  it('sends days as ISO dates, without an end for "until further notice"', () => {
    expect(checkConsent(base).input).toEqual({ purpose: 'share_plan', grantee: { kind: 'user', id: 'u1' }, validFrom: '2026-12-07' });
    expect(checkConsent({ ...base, validTo: '31.1.2027' }).input).toMatchObject({ validTo: '2027-01-31' });
  });

  it('gives a visitor-code link no recipient, and sharing one', () => {
    expect(checkConsent({ ...base, purpose: 'link_visitor_code', granteeId: '' }).input).toEqual({ purpose: 'link_visitor_code', grantee: { kind: 'none' }, validFrom: '2026-12-07' });
    expect(checkConsent({ ...base, granteeId: '' }).problems).toEqual({ [consentFields.grantee]: 'clients.consents.errors.grantee' });
  });

  it('refuses a day that does not exist and an end before the start', () => {
    expect(checkConsent({ ...base, validFrom: '31.2.2026' }).problems).toEqual({ [consentFields.validFrom]: 'clients.consents.errors.date' });
    expect(checkConsent({ ...base, validTo: '6.12.2026' }).problems).toEqual({ [consentFields.validTo]: 'clients.consents.errors.order' });
  });
});
