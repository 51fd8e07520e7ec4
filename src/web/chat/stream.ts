import type { ChatEvent } from '../../domain/chat/schemas';

/**
 * Reads a chat's server-sent events with fetch (not EventSource, whose reconnection we could not
 * steer), and when the connection drops opens it again from the last seq it has, so that a message is
 * shown once and none is lost, whichever Silta process answers the next connection.
 */
export function followChat(url: string, after: number, onEvents: (events: ChatEvent[]) => void): () => void {
  let lastSeq = after;
  let isStopped = false;
  let controller = new AbortController();
  const connect = async (): Promise<boolean> => {
    const response = await fetch(`${url}?after=${lastSeq}`, { credentials: 'same-origin', signal: controller.signal, headers: { accept: 'text/event-stream' } });
    if (response.status !== 200 || !response.body) return response.status === 404;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      buffer += decoder.decode(value, { stream: true });
      const events: ChatEvent[] = [];
      for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
        const data = buffer.slice(0, cut).split('\n').find((line) => line.startsWith('data: '));
        buffer = buffer.slice(cut + 2);
        if (!data) continue;
        const event = JSON.parse(data.slice(6)) as ChatEvent;
        if (event.seq <= lastSeq) continue;
        lastSeq = event.seq;
        events.push(event);
      }
      if (events.length > 0) onEvents(events);
      if (events.some((e) => e.kind === 'ended')) return true;
    }
  };
  void (async () => {
    let pause = 500;
    while (!isStopped) {
      try {
        if (await connect()) return;
        pause = 500;
      } catch {
        // Cut off (a server restarting, the network): try again below, a little later each time.
      }
      if (isStopped) return;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 8000);
      controller = new AbortController();
    }
  })();
  return () => {
    isStopped = true;
    controller.abort();
  };
}

/** Appends events not yet shown, in seq order. */
export function mergeEvents(shown: ChatEvent[], fresh: ChatEvent[]): ChatEvent[] {
  const last = shown.length === 0 ? 0 : shown[shown.length - 1]!.seq;
  return [...shown, ...fresh.filter((e) => e.seq > last)];
}
