import type { TFunction } from 'i18next';
import type { ClockInfo } from '../../domain/clients/schemas';

/**
 * Which clock a figure is: statutory or local, the step it waits for and its length, e.g.
 * "Lakisääteinen: arviointi alkaa 7 arkipäivän kuluessa". A clock since removed from the settings
 * (its deadlines still count) is named by its basis and step alone.
 */
export function clockLabel(t: TFunction, clock: Pick<ClockInfo, 'basis' | 'step'> & { limit?: ClockInfo['limit'] }): string {
  const basis = t(`dueClients.basis.${clock.basis}`);
  const step = t(`dueClients.step.${clock.step}`);
  if (!clock.limit) return t('dueClients.clockShort', { basis, step });
  const limit = t(`dueClients.unit.${clock.limit.unit}`, { count: clock.limit.count });
  return t('dueClients.clock', { basis, step, limit });
}

/** The configured clock of a key, if it still is one. */
export const clockOf = (clocks: readonly ClockInfo[], key: string): ClockInfo | undefined => clocks.find((c) => c.key === key);
