import type { ProcessEventType } from '../../domain/clients/process';

/** The steps offered as buttons: every allowed move but the end, which asks its questions first. */
export const stepButtons = (next: readonly ProcessEventType[]): Exclude<ProcessEventType, 'end'>[] => next.filter((e): e is Exclude<ProcessEventType, 'end'> => e !== 'end');
