import type { ChatEvent } from '../../domain/chat/schemas.js';

/**
 * A chat stream reader for tests, the bench and the soak: reads server-sent events with fetch, and when
 * the connection ends (a server killed, a 503 past the stream cap) opens it again, after a pause, from
 * the last seq it has — possibly at another server. `onEvent` sees every event it is sent, duplicates
 * included, so the caller can count them.
 */
export type StreamReader = { readonly lastSeq: number; readonly reconnects: number; close(): void; ended: Promise<void> };

export type StreamOptions = {
  /** The stream's URL without `after`; called on each connection, so it may name another server. */
  url: () => string;
  headers?: Record<string, string>;
  after?: number;
  onEvent: (event: ChatEvent) => void;
  retryMs?: number;
};

export function readChatStream(options: StreamOptions): StreamReader {
  let lastSeq = options.after ?? 0;
  let reconnects = 0;
  let isClosed = false;
  const controller = { current: new AbortController() };
  let finish: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  const connectOnce = async (): Promise<boolean> => {
    const url = `${options.url()}${options.url().includes('?') ? '&' : '?'}after=${lastSeq}`;
    const response = await fetch(url, { headers: options.headers ?? {}, signal: controller.current.signal });
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel();
      return false;
    }
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (!data) continue;
        const event = JSON.parse(data.slice(6)) as ChatEvent;
        if (event.seq > lastSeq) lastSeq = event.seq;
        options.onEvent(event);
        if (event.kind === 'ended') return true;
      }
    }
    return false;
  };
  void (async () => {
    while (!isClosed) {
      try {
        if (await connectOnce()) break;
      } catch {
        // Connection refused or cut: try again below.
      }
      if (isClosed) break;
      reconnects += 1;
      controller.current = new AbortController();
      await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 200));
    }
    finish();
  })();
  return {
    get lastSeq() {
      return lastSeq;
    },
    get reconnects() {
      return reconnects;
    },
    close() {
      isClosed = true;
      controller.current.abort();
    },
    ended,
  };
}
