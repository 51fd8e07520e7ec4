import { z } from 'zod';

/** Chat API shapes, shared by the server (validation, serialization, OpenAPI) and the web. */

export const chatTopics = ['contact_info', 'benefits', 'social_rehab', 'other'] as const;
export const chatOutcomes = ['advised', 'directed_to_phone', 'directed_to_service', 'unanswered'] as const;
export const chatEventKinds = ['visitor', 'worker', 'accepted', 'handed_over', 'ended'] as const;
export type ChatTopic = (typeof chatTopics)[number];
export type ChatOutcome = (typeof chatOutcomes)[number];
export type ChatEventKind = (typeof chatEventKinds)[number];

export const MAX_CHAT_MESSAGE = 2000;
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);

export const weeklyOpeningSchema = z.object({ weekday: z.number().int().min(1).max(7), from: hhmm, to: hhmm }).strict()
  .refine((o) => o.from < o.to, { message: 'An opening ends after it starts.' });

export const chatStatusSchema = z.object({
  isOpen: z.boolean(),
  /** Within the weekly hours (and not a holiday), whether or not a worker is there. */
  isWithinHours: z.boolean(),
  nextOpening: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }).nullable(),
  queueLength: z.number().int(),
});
export type ChatStatus = z.infer<typeof chatStatusSchema>;

export const chatStartSchema = z.object({ topic: z.enum(chatTopics).optional() }).strict();
export const chatStartedSchema = z.object({ token: z.string(), chatId: z.uuid() });

export const chatEventSchema = z.object({ seq: z.number().int(), kind: z.enum(chatEventKinds), body: z.string(), at: z.iso.datetime() });
export type ChatEvent = z.infer<typeof chatEventSchema>;

export const visitTokenParams = z.object({ visitToken: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
export const chatIdParams = z.object({ chatId: z.uuid() });
export const afterQuery = z.object({ after: z.coerce.number().int().min(0).max(1_000_000).optional() }).strict();

export const visitStateSchema = z.object({
  status: z.enum(['queued', 'active', 'ended']),
  /** 1 = next in line; null once a worker has taken the chat. */
  queuePosition: z.number().int().nullable(),
  lastSeq: z.number().int(),
  canGiveFeedback: z.boolean(),
});
export type VisitState = z.infer<typeof visitStateSchema>;

export const messageInputSchema = z.object({ body: z.string().trim().min(1).max(MAX_CHAT_MESSAGE) }).strict();
export const sentSchema = z.object({ seq: z.number().int() });
export const feedbackInputSchema = z.object({ rating: z.number().int().min(1).max(5) }).strict();
export const okSchema = z.object({ ok: z.literal(true) });

export const presenceInputSchema = z.object({ isOnline: z.boolean() }).strict();
export const handoverInputSchema = z.object({ toUserId: z.uuid() }).strict();
export const endInputSchema = z.object({ topic: z.enum(chatTopics), outcome: z.enum(chatOutcomes) }).strict();

const consoleChatSchema = z.object({
  chatId: z.uuid(),
  status: z.enum(['queued', 'active']),
  createdAt: z.iso.datetime(),
  topic: z.enum(chatTopics).nullable(),
  isMine: z.boolean(),
});
export const consoleSchema = z.object({
  isOnRota: z.boolean(),
  isOnline: z.boolean(),
  status: chatStatusSchema,
  queue: z.array(consoleChatSchema),
  mine: z.array(consoleChatSchema),
  colleaguesOnline: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
  readyAnswers: z.array(z.string()),
});
export type ChatConsole = z.infer<typeof consoleSchema>;

export const chatSettingsSchema = z.object({
  weeklyHours: z.array(weeklyOpeningSchema).max(50),
  readyAnswers: z.array(z.string().trim().min(1).max(MAX_CHAT_MESSAGE)).max(50),
  rota: z.array(z.uuid()).max(200),
}).strict();
export type ChatSettings = z.infer<typeof chatSettingsSchema>;

export const chatReportQuery = z.object({ from: z.iso.date(), to: z.iso.date() }).strict();
export const chatReportSchema = z.object({
  chats: z.number().int(),
  answered: z.number().int(),
  /** Waiting time from start to a worker's answer, in seconds, of answered chats. */
  waitSeconds: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
  perOpeningHour: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), chats: z.number().int() })),
  topics: z.array(z.object({ topic: z.string(), chats: z.number().int() })),
  outcomes: z.array(z.object({ outcome: z.string(), chats: z.number().int() })),
  feedback: z.object({ answers: z.number().int(), average: z.number().nullable(), distribution: z.array(z.object({ rating: z.number().int(), answers: z.number().int() })) }),
});
export type ChatReport = z.infer<typeof chatReportSchema>;
