/** Reads a server-sent events response in a test: events (name + JSON data) and comment lines, as they arrive. */
export interface SseMessage {
  event?: string;
  data?: unknown;
  comment?: string;
}

export class SseReader {
  readonly messages: SseMessage[] = [];
  private buffer = '';
  private waiters: Array<() => void> = [];
  ended = false;

  constructor(readonly response: Response) {
    void this.pump();
  }

  private async pump() {
    const reader = this.response.body!.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        this.buffer += value;
        let cut: number;
        while ((cut = this.buffer.indexOf('\n\n')) >= 0) {
          this.parse(this.buffer.slice(0, cut));
          this.buffer = this.buffer.slice(cut + 2);
        }
      }
    } catch {
      // aborted by the test
    }
    this.ended = true;
    this.notify();
  }

  private parse(block: string) {
    const msg: SseMessage = {};
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) msg.comment = line.slice(1).trim();
      else if (line.startsWith('event: ')) msg.event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length) msg.data = JSON.parse(data.join('\n'));
    this.messages.push(msg);
    this.notify();
  }

  private notify() {
    for (const w of this.waiters.splice(0)) w();
  }

  /** The first message (from the start) matching `test`, waiting up to `timeoutMs`. */
  async next(test: (m: SseMessage) => boolean, timeoutMs = 5000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(test);
      if (found) return found;
      if (this.ended) throw new Error(`stream ended without the expected message (got ${JSON.stringify(this.messages)})`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no expected message within ${timeoutMs} ms (got ${JSON.stringify(this.messages)})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Resolves once the server ended the stream. */
  async end(timeoutMs = 5000): Promise<void> {
    await this.next(() => false, timeoutMs).catch((err: Error) => {
      if (!this.ended) throw err;
    });
  }
}
