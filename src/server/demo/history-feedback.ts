import { addDays } from '../../domain/calendar.js';
import { paperEntrySchema, type FeedbackItemView } from '../../domain/feedback.js';
import type { Deps } from '../deps.js';
import { formView, listForms, loadForm } from '../feedback/forms.js';
import { createLink, openLink } from '../feedback/links.js';
import { submitAnswers } from '../feedback/openings.js';
import { enterPaperForms } from '../feedback/paper.js';
import type { Actor } from '../policy/policy.js';
import type { StaffedSession } from '../sessions/repo.js';
import { answerSheet, followUpSheet, paperLocale, staffOpenAnswers, type NotApplicable } from './history-answers.js';
import type { GroupHistory } from './history-groups.js';
import type { HistoryWindow } from './history-sessions.js';
import { clockAt, ctxOf, helsinkiAt, workdayOnOrBefore, type DemoActors, type Random } from './history-support.js';

export type FeedbackTotals = { meetingPaper: number; meetingLink: number; groupPaper: number; staffPaper: number; followUpPaper: number };

async function formItems(deps: Deps, actor: Actor, templateKey: string): Promise<{ formId: string; items: FeedbackItemView[] }> {
  const summary = (await listForms(deps, actor)).find((f) => f.templateKey === templateKey && f.isActive);
  if (!summary) throw new Error(`The region has no active "${templateKey}" form.`);
  const view = await formView(deps, await loadForm(deps, actor, summary.id));
  return { formId: summary.id, items: view.current.items };
}

/**
 * The pilot's forms answered: the meeting form on paper after most sessions and through a QR link after
 * two of them, the group form on paper after group sessions, and a few staff forms. Each sheet is entered
 * as the worker who collected it, on the day of the paper.
 */
export async function seedFeedback(deps: Deps, rng: Random, window: HistoryWindow, siteId: string, actors: DemoActors, sessions: StaffedSession[], groups: GroupHistory): Promise<FeedbackTotals> {
  const totals: FeedbackTotals = { meetingPaper: 0, meetingLink: 0, groupPaper: 0, staffPaper: 0, followUpPaper: 0 };
  const meeting = await formItems(deps, actors.nurse, 'pilot_meeting');
  const hostOf = (s: StaffedSession) => (s.professionals.some((p) => p.userId === actors.nurse.userId) ? actors.nurse : actors.socialWorker);
  // The last two statements ask whether it helps that the social worker / the nurse holds a reception here.
  const meetingNa = (host: Actor): NotApplicable => (index) => {
    if (index === 7) return host === actors.nurse ? 0.35 : 0.04;
    if (index === 8) return host === actors.nurse ? 0.04 : 0.35;
    return index === 6 ? 0.12 : 0.03;
  };
  const linked = new Set([sessions.filter((s) => hostOf(s) === actors.nurse).at(-3), sessions.filter((s) => hostOf(s) === actors.socialWorker).at(-1)].filter((s) => s !== undefined));

  for (const session of sessions) {
    const host = hostOf(session);
    const day = session.session.day;
    const context = { siteId, outreachSessionId: session.session.id, groupSessionId: null };
    if (linked.has(session)) {
      // A QR code on the table: visitors answer on their own phones that day or in the days after.
      const link = await createLink(clockAt(deps, helsinkiAt(day, '08:50')), ctxOf(host), { formId: meeting.formId, context, validUntil: addDays(day, 6) });
      for (let i = rng.between(3, 5); i > 0; i--) {
        const answerDay = [day, addDays(day, 1), addDays(day, 2)][rng.weighted([[0, 70], [1, 20], [2, 10]] as const)]!;
        if (answerDay >= window.today) continue;
        const phone = clockAt(deps, helsinkiAt(answerDay, '11:00', rng.between(0, 300)));
        // Each visitor's own phone: a documentation address apiece, so the per-address limit never bites.
        const opened = await openLink(phone, link.token, `192.0.2.${(totals.meetingLink % 250) + 1}`);
        await submitAnswers(phone, { ticket: opened.ticket, locale: rng.weighted([['fi', 85], ['en', 10], ['sv', 5]] as const), answers: answerSheet(rng, meeting.items, meetingNa(host)) });
        totals.meetingLink += 1;
      }
      continue;
    }
    const sheets = rng.weighted([[0, 20], [1, 35], [2, 30], [3, 15]] as const);
    if (sheets === 0) continue;
    const responses = Array.from({ length: sheets }, () => ({ locale: paperLocale(rng), answers: answerSheet(rng, meeting.items, meetingNa(host)) }));
    await enterPaperForms(clockAt(deps, helsinkiAt(day, '15:30')), ctxOf(host), meeting.formId, paperEntrySchema.parse({ context, submittedOn: day, responses }));
    totals.meetingPaper += sheets;
  }

  const group = await formItems(deps, actors.staff, 'pilot_group');
  for (const session of groups.heldSessions) {
    const sheets = rng.weighted([[0, 5], [1, 30], [2, 45], [3, 20]] as const);
    if (sheets === 0) continue;
    const responses = Array.from({ length: sheets }, () => ({ locale: paperLocale(rng), answers: answerSheet(rng, group.items, (index) => (index === 5 ? 0.1 : 0.02)) }));
    const context = { siteId, outreachSessionId: null, groupSessionId: session.id };
    await enterPaperForms(clockAt(deps, helsinkiAt(session.day, '14:00')), ctxOf(actors.staff), group.formId, paperEntrySchema.parse({ context, submittedOn: session.day, responses }));
    totals.groupPaper += sheets;
  }

  // Staff answered once in the middle of the period and once near its end.
  const staffRounds: [string, Actor][] = [['staff_outreach', actors.nurse], ['staff_outreach', actors.socialWorker], ['staff_daycentre', actors.staff]];
  for (const [templateKey, actor] of staffRounds) {
    const form = await formItems(deps, actor, templateKey);
    for (const day of [addDays(window.start, 45), addDays(window.yesterday, -3)].map(workdayOnOrBefore)) {
      if (day >= window.today || day < window.start) continue;
      const responses = [{ locale: 'fi' as const, answers: answerSheet(rng, form.items, () => 0.02, staffOpenAnswers) }];
      await enterPaperForms(clockAt(deps, helsinkiAt(day, '15:00')), ctxOf(actor), form.formId, paperEntrySchema.parse({ context: { siteId }, submittedOn: day, responses }));
      totals.staffPaper += 1;
    }
  }

  // Closing the loop (domain.md § 4.4): at each session a few visitors referred earlier fill in "did
  // you get to the service?" on paper — the demo's choice questions (one-of and many-of).
  const followUp = await formItems(deps, actors.nurse, 'referral_follow_up');
  for (const session of sessions) {
    const sheets = rng.weighted([[1, 25], [2, 40], [3, 35]] as const);
    if (session.session.day >= window.today) continue;
    const responses = Array.from({ length: sheets }, () => ({ locale: paperLocale(rng), answers: followUpSheet(rng, followUp.items) }));
    const context = { siteId, outreachSessionId: session.session.id, groupSessionId: null };
    await enterPaperForms(clockAt(deps, helsinkiAt(session.session.day, '15:45')), ctxOf(hostOf(session)), followUp.formId, paperEntrySchema.parse({ context, submittedOn: session.session.day, responses }));
    totals.followUpPaper += sheets;
  }
  return totals;
}
