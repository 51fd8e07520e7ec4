import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  feedbackFormContentSchema,
  feedbackFormInputSchema,
  feedbackFormPatchSchema,
  feedbackFormSummarySchema,
  feedbackFormViewSchema,
  feedbackResultsSchema,
  kioskLeaveSchema,
  kioskOpenSchema,
  kioskUnlockedSchema,
  kioskUnlockSchema,
  kioskViewSchema,
  linkInputSchema,
  linkViewSchema,
  openedFormSchema,
  paperEntrySchema,
  quotaAlarmSchema,
  resultsQuerySchema,
  submissionSchema,
} from '../../domain/feedback.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { createForm, editFormContent, formView, listForms, loadForm, setFormActive } from './forms.js';
import { closeKiosk, leaveKiosk, listOpenKiosks, openKiosk, pauseKiosk, resumeKiosk, unlockKiosk } from './kiosk.js';
import { listQuotaAlarms } from './alarms.js';
import { closeLink, createLink, listLinks, openLink, pauseLink, resumeLink } from './links.js';
import { submitAnswers } from './openings.js';
import { enterPaperForms } from './paper.js';
import { feedbackResults } from './results.js';
import { noContent } from '../http/openapi.js';

const formParams = z.object({ formId: z.uuid() });
const siteParams = z.object({ siteId: z.uuid() });
const tags = ['feedback'];
const publicTags = ['feedback (public)'];

export function registerFeedbackRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/feedback/forms', {
    config: { access: { access: 'action', action: 'feedback_form.list' } },
    schema: { tags, response: { 200: z.object({ forms: z.array(feedbackFormSummarySchema) }) } },
  }, async (request) => ({ forms: await listForms(deps, contextOf(request).actor) }));

  r.post('/api/feedback/forms', {
    config: { access: { access: 'action', action: 'feedback_form.manage' } },
    schema: { tags, body: feedbackFormInputSchema, response: { 201: feedbackFormViewSchema } },
  }, async (request, reply) => reply.status(201).send(await createForm(deps, contextOf(request), request.body)));

  r.get('/api/feedback/forms/:formId', {
    config: { access: { access: 'action', action: 'feedback_form.list' } },
    schema: { tags, params: formParams, response: { 200: feedbackFormViewSchema } },
  }, async (request) => formView(deps, await loadForm(deps, contextOf(request).actor, request.params.formId)));

  // Replaces the wording and items. A version with answers is kept as it is and a new one is made.
  r.put('/api/feedback/forms/:formId/content', {
    config: { access: { access: 'action', action: 'feedback_form.manage' } },
    schema: { tags, params: formParams, body: feedbackFormContentSchema, response: { 200: z.object({ form: feedbackFormViewSchema, isNewVersion: z.boolean() }) } },
  }, async (request) => {
    const { view, isNewVersion } = await editFormContent(deps, contextOf(request), request.params.formId, request.body);
    return { form: view, isNewVersion };
  });

  r.patch('/api/feedback/forms/:formId', {
    config: { access: { access: 'action', action: 'feedback_form.manage' } },
    schema: { tags, params: formParams, body: feedbackFormPatchSchema, response: { 200: feedbackFormViewSchema } },
  }, async (request) => setFormActive(deps, contextOf(request), request.params.formId, request.body.isActive));

  r.post('/api/feedback/forms/:formId/paper', {
    config: { access: { access: 'action', action: 'feedback.collect' } },
    schema: { tags, params: formParams, body: paperEntrySchema, response: { 201: z.object({ stored: z.number() }) } },
  }, async (request, reply) => reply.status(201).send(await enterPaperForms(deps, contextOf(request), request.params.formId, request.body)));

  r.get('/api/feedback/forms/:formId/results', {
    config: { access: { access: 'action', action: 'feedback.results' } },
    schema: { tags, params: formParams, querystring: resultsQuerySchema, response: { 200: feedbackResultsSchema } },
  }, async (request) => feedbackResults(deps, contextOf(request), request.params.formId, request.query));

  // Ends the caller's session in this browser: the tablet keeps only the kiosk token.
  r.post('/api/feedback/kiosks', {
    config: { access: { access: 'action', action: 'feedback.collect' } },
    schema: { tags, body: kioskUnlockSchema, response: { 201: kioskUnlockedSchema } },
  }, async (request, reply) => {
    const unlocked = await unlockKiosk(deps, { ...contextOf(request), sessionTokenHash: request.session?.tokenHash ?? null }, request.body);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(201).send(unlocked);
  });

  r.get('/api/sites/:siteId/feedback/kiosks', {
    config: { access: { access: 'action', action: 'feedback.collect' } },
    schema: { tags, params: siteParams, response: { 200: z.object({ kiosks: z.array(kioskViewSchema) }) } },
  }, async (request) => ({ kiosks: await listOpenKiosks(deps, contextOf(request).actor, request.params.siteId) }));

  r.post('/api/feedback/kiosks/:kioskId/close', {
    config: { access: { access: 'action', action: 'feedback.collect' } },
    schema: { tags, params: z.object({ kioskId: z.uuid() }), response: { 200: kioskViewSchema } },
  }, async (request) => closeKiosk(deps, contextOf(request), request.params.kioskId));

  r.post('/api/feedback/kiosks/:kioskId/pause', {
    config: { access: { access: 'action', action: 'feedback.collect' } },
    schema: { tags, params: z.object({ kioskId: z.uuid() }), response: { 200: kioskViewSchema } },
  }, async (request) => pauseKiosk(deps, contextOf(request), request.params.kioskId));

  r.post('/api/feedback/kiosks/:kioskId/resume', {
    config: { access: { access: 'action', action: 'feedback.collect' } },
    schema: { tags, params: z.object({ kioskId: z.uuid() }), response: { 200: kioskViewSchema } },
  }, async (request) => resumeKiosk(deps, contextOf(request), request.params.kioskId));

  r.post('/api/feedback/links', {
    config: { access: { access: 'action', action: 'feedback.collect' } },
    schema: { tags, body: linkInputSchema, response: { 201: linkViewSchema } },
  }, async (request, reply) => reply.status(201).send(await createLink(deps, contextOf(request), request.body)));

  r.get('/api/sites/:siteId/feedback/links', {
    config: { access: { access: 'action', action: 'feedback.collect' } },
    schema: { tags, params: siteParams, response: { 200: z.object({ links: z.array(linkViewSchema) }) } },
  }, async (request) => ({ links: await listLinks(deps, contextOf(request).actor, request.params.siteId) }));

  r.post('/api/feedback/links/:linkId/close', {
    config: { access: { access: 'action', action: 'feedback.collect' } },
    schema: { tags, params: z.object({ linkId: z.uuid() }), response: { 200: linkViewSchema } },
  }, async (request) => closeLink(deps, contextOf(request), request.params.linkId));

  r.post('/api/feedback/links/:linkId/pause', {
    config: { access: { access: 'action', action: 'feedback.collect' } },
    schema: { tags, params: z.object({ linkId: z.uuid() }), response: { 200: linkViewSchema } },
  }, async (request) => pauseLink(deps, contextOf(request), request.params.linkId));

  r.post('/api/feedback/links/:linkId/resume', {
    config: { access: { access: 'action', action: 'feedback.collect' } },
    schema: { tags, params: z.object({ linkId: z.uuid() }), response: { 200: linkViewSchema } },
  }, async (request) => resumeLink(deps, contextOf(request), request.params.linkId));

  // Links and kiosks that reached their daily quota: for their makers, the form's maker and coordinators.
  r.get('/api/feedback/alarms', {
    config: { access: { access: 'action', action: 'feedback.collect' } },
    schema: { tags, response: { 200: z.object({ alarms: z.array(quotaAlarmSchema) }) } },
  }, async (request) => ({ alarms: await listQuotaAlarms(deps, contextOf(request).actor) }));

  // ---- public: the kiosk tablet and visitors' phones, no sign-in ----

  // The kiosk token travels in the body, never in a URL that a proxy might log.
  r.post('/api/public/kiosk/open', {
    config: { access: { access: 'public' } },
    schema: { tags: publicTags, body: kioskOpenSchema, response: { 200: openedFormSchema } },
  }, async (request) => openKiosk(deps, request.body.kioskToken, request.ip));

  r.post('/api/public/kiosk/leave', {
    config: { access: { access: 'public' } },
    schema: { tags: publicTags, body: kioskLeaveSchema, response: { 204: noContent } },
  }, async (request, reply) => {
    await leaveKiosk(deps, String(request.id), request.body.kioskToken, request.body.pin);
    return reply.status(204).send(null);
  });

  // The link token is the printed QR address: public by nature.
  r.post('/api/public/feedback/links/:token/open', {
    config: { access: { access: 'public' } },
    schema: { tags: publicTags, params: z.object({ token: z.string().min(1).max(100) }), response: { 200: openedFormSchema } },
  }, async (request) => openLink(deps, request.params.token, request.ip));

  r.post('/api/public/feedback/responses', {
    config: { access: { access: 'public' } },
    schema: { tags: publicTags, body: submissionSchema, response: { 201: z.object({ status: z.literal('received') }) } },
  }, async (request, reply) => {
    await submitAnswers(deps, request.body);
    return reply.status(201).send({ status: 'received' as const });
  });
}
