import type { DeadlineStatus } from '../../domain/clients/clocks';

type Listed = { name: string; isOwnClient: boolean };

/** Folds case and accents away, so "hamalainen" finds "Hämäläinen" on a keyboard without ä. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Does the client's name hold every word of the query (in any order)? An empty query matches all. */
export function matchesName(name: string, query: string): boolean {
  const folded = foldName(name);
  return foldName(query).split(' ').filter(Boolean).every((word) => folded.includes(word));
}

/** The caller's own clients first (they are the own worker), then the care-team ones; each by name. */
export function orderClients<T extends Listed>(clients: readonly T[]): T[] {
  return [...clients].sort((a, b) => Number(b.isOwnClient) - Number(a.isOwnClient) || a.name.localeCompare(b.name, 'fi'));
}

/** The list as shown: the search applied, own clients first. */
export function visibleClients<T extends Listed>(clients: readonly T[], query: string): T[] {
  return orderClients(clients.filter((c) => matchesName(c.name, query)));
}

/** How urgently a deadline's status is shown: the class of its badge. */
export function deadlineTone(status: DeadlineStatus): 'alert' | 'warning' | 'done' | 'neutral' {
  switch (status) {
    case 'overdue':
    case 'late':
      return 'alert';
    case 'due_soon':
      return 'warning';
    case 'met':
      return 'done';
    case 'stopped':
      return 'neutral';
    case 'running':
      return 'neutral';
  }
}
