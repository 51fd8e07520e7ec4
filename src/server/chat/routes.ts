import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  afterQuery,
  chatIdParams,
  chatReportQuery,
  chatReportSchema,
  chatSettingsSchema,
  chatStartedSchema,
  chatStartSchema,
  chatStatusSchema,
  consoleSchema,
  endInputSchema,
  feedbackInputSchema,
  handoverInputSchema,
  messageInputSchema,
  okSchema,
  presenceInputSchema,
  sentSchema,
  visitStateSchema,
  visitTokenParams,
} from '../../domain/chat/schemas.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { acceptChat, handOver, readConsole, readSettings, saveSettings, setPresence, workerChat, workerEnd, workerSend } from './console.js';
import { readChatReport } from './report.js';
import { createChatStreams, resumeFrom } from './streams.js';
import { chatOfVisit, chatStatus, giveFeedback, startChat, visitorEnd, visitorSend, visitState } from './visitor.js';

const tags = ['chat'];
const regionParams = z.object({ regionId: z.uuid() });
const ok = { ok: true as const };
// A stream's answer is text/event-stream: one `data:` line per event, each an event of this shape.
const streamResponse = { 200: z.string().describe('text/event-stream of chat events (id: seq, data: ChatEvent JSON)') };

/** The anonymous chat (issue 19 item 3): the visitor's public routes, the worker's console and the report. */
export function registerChatRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const streams = createChatStreams(app, deps);
  const visitor = { access: { access: 'public' as const } };

  r.get('/api/public/chat/regions/:regionId/status', {
    config: visitor,
    schema: { tags, params: regionParams, response: { 200: chatStatusSchema } },
  }, async (request) => chatStatus(deps, request.params.regionId));

  r.post('/api/public/chat/regions/:regionId/chats', {
    config: visitor,
    schema: { tags, params: regionParams, body: chatStartSchema, response: { 201: chatStartedSchema } },
  }, async (request, reply) => reply.status(201).send(await startChat(deps, request.params.regionId, request.body.topic ?? null)));

  r.get('/api/public/chat/visits/:visitToken', {
    config: visitor,
    schema: { tags, params: visitTokenParams, response: { 200: visitStateSchema } },
  }, async (request) => visitState(deps, request.params.visitToken));

  r.post('/api/public/chat/visits/:visitToken/messages', {
    config: visitor,
    schema: { tags, params: visitTokenParams, body: messageInputSchema, response: { 201: sentSchema } },
  }, async (request, reply) => reply.status(201).send(await visitorSend(deps, request.params.visitToken, request.body.body)));

  r.post('/api/public/chat/visits/:visitToken/end', {
    config: visitor,
    schema: { tags, params: visitTokenParams, response: { 200: okSchema } },
  }, async (request) => (await visitorEnd(deps, request.params.visitToken), ok));

  r.post('/api/public/chat/visits/:visitToken/feedback', {
    config: visitor,
    schema: { tags, params: visitTokenParams, body: feedbackInputSchema, response: { 200: okSchema } },
  }, async (request) => (await giveFeedback(deps, request.params.visitToken, request.body.rating), ok));

  r.get('/api/public/chat/visits/:visitToken/stream', {
    config: visitor,
    schema: { tags, params: visitTokenParams, querystring: afterQuery, response: streamResponse },
  }, async (request, reply) => {
    const chat = await chatOfVisit(deps, request.params.visitToken);
    await streams.open(request, reply, chat.id, resumeFrom(request, request.query.after));
  });

  r.get('/api/chat/console', {
    config: { access: { access: 'action', action: 'chat.answer' } },
    schema: { tags, response: { 200: consoleSchema } },
  }, async (request) => readConsole(deps, contextOf(request)));

  r.post('/api/chat/presence', {
    config: { access: { access: 'action', action: 'chat.answer' } },
    schema: { tags, body: presenceInputSchema, response: { 200: okSchema } },
  }, async (request) => (await setPresence(deps, contextOf(request), request.body.isOnline), ok));

  r.post('/api/chat/chats/:chatId/accept', {
    config: { access: { access: 'action', action: 'chat.answer' } },
    schema: { tags, params: chatIdParams, response: { 200: okSchema } },
  }, async (request) => (await acceptChat(deps, contextOf(request), request.params.chatId), ok));

  r.post('/api/chat/chats/:chatId/messages', {
    config: { access: { access: 'action', action: 'chat.answer' } },
    schema: { tags, params: chatIdParams, body: messageInputSchema, response: { 201: sentSchema } },
  }, async (request, reply) => reply.status(201).send(await workerSend(deps, contextOf(request), request.params.chatId, request.body.body)));

  r.post('/api/chat/chats/:chatId/handover', {
    config: { access: { access: 'action', action: 'chat.answer' } },
    schema: { tags, params: chatIdParams, body: handoverInputSchema, response: { 200: okSchema } },
  }, async (request) => (await handOver(deps, contextOf(request), request.params.chatId, request.body.toUserId), ok));

  r.post('/api/chat/chats/:chatId/end', {
    config: { access: { access: 'action', action: 'chat.answer' } },
    schema: { tags, params: chatIdParams, body: endInputSchema, response: { 200: okSchema } },
  }, async (request) => (await workerEnd(deps, contextOf(request), request.params.chatId, request.body), ok));

  r.get('/api/chat/chats/:chatId/stream', {
    config: { access: { access: 'action', action: 'chat.answer' } },
    schema: { tags, params: chatIdParams, querystring: afterQuery, response: streamResponse },
  }, async (request, reply) => {
    const chat = await workerChat(deps, contextOf(request), request.params.chatId);
    await streams.open(request, reply, chat.id, resumeFrom(request, request.query.after));
  });

  r.get('/api/chat/settings', {
    config: { access: { access: 'action', action: 'chat.manage' } },
    schema: { tags, response: { 200: chatSettingsSchema } },
  }, async (request) => readSettings(deps, contextOf(request)));

  r.put('/api/chat/settings', {
    config: { access: { access: 'action', action: 'chat.manage' } },
    schema: { tags, body: chatSettingsSchema, response: { 200: chatSettingsSchema } },
  }, async (request) => saveSettings(deps, contextOf(request), request.body));

  r.get('/api/chat/report', {
    config: { access: { access: 'action', action: 'chat.report' } },
    schema: { tags, querystring: chatReportQuery, response: { 200: chatReportSchema } },
  }, async (request) => readChatReport(deps, contextOf(request), request.query));
}
