import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenedForm } from '../../domain/feedback';

export type Opening =
  | { status: 'opening'; opened: OpenedForm | null }
  | { status: 'open'; opened: OpenedForm }
  | { status: 'failed'; error: unknown; opened: OpenedForm | null };

/**
 * One answer sheet at a time: opens a form at once and again on `reopen` (a new ticket for the next
 * person). Never retried by itself: every opening counts against the kiosk's or link's daily limit.
 */
export function useOpening(open: (() => Promise<OpenedForm>) | null) {
  const [opening, setOpening] = useState<Opening>({ status: 'opening', opened: null });
  const openRef = useRef(open);
  openRef.current = open;
  const started = useRef(false);

  const reopen = useCallback(() => {
    const run = openRef.current;
    if (!run) return;
    setOpening((o) => ({ status: 'opening', opened: o.opened }));
    run().then(
      (opened) => setOpening({ status: 'open', opened }),
      (error: unknown) => setOpening((o) => ({ status: 'failed', error, opened: o.opened })),
    );
  }, []);

  useEffect(() => {
    // Once per page: React's development double effects must not open two sheets.
    if (started.current || !openRef.current) return;
    started.current = true;
    reopen();
  }, [reopen]);

  return { opening, reopen };
}
