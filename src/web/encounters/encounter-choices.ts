import type { Register } from '../../domain/code-lists';
import type { CodeView, SessionView } from '../../domain/outreach-views';
import type { Locale } from '../../domain/org';
import type { Colleague } from '../schedule/api';

/**
 * Who can be added to a joint encounter: today's session professionals first (the likely partners),
 * then the rest of the site's colleagues by name. Without the directory (offline with no copy yet),
 * today's session professionals alone.
 */
export function colleagueChoices(myId: string, sessions: SessionView[], directory: Colleague[] | undefined): Map<string, string> {
  const choices = new Map<string, string>();
  const known = directory ? new Set(directory.map((c) => c.id)) : null;
  for (const session of sessions) {
    for (const p of session.professionals) if (p.userId !== myId && (known === null || known.has(p.userId))) choices.set(p.userId, p.displayName);
  }
  for (const c of directory ?? []) if (c.id !== myId && !choices.has(c.id)) choices.set(c.id, c.displayName);
  return choices;
}

/** The active codes of the reader's own register, in list order, as chips (register:code → label). */
export function ownCodeOptions(codes: CodeView[], kind: 'need' | 'support', register: Register, locale: Locale) {
  return codes
    .filter((c) => c.kind === kind && c.register === register && c.isActive)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((c) => ({ value: `${c.register}:${c.code}`, label: c.labels[locale] }));
}
