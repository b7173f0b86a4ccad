// POSTs each request to the local receiver as the sandbox's dispatcher would send it: a bounded time,
// no redirect followed, at most a few requests at once. A failure is reported, never retried: the
// person watching decides (a dead receiver is what they are debugging).

import { Agent, request } from 'undici';
import { describeNetworkFailure } from '../../domain/deliveries.js';

export interface ForwardOutcome {
  status?: number;
  /** A network error or a timeout: ECONNREFUSED, timeout after 10000 ms… */
  error?: string;
  durationMs: number;
  /** Set when the event never went out because too many were already waiting for the receiver. */
  dropped?: boolean;
}

/** As the dispatcher: at most 4 requests at once to one URL, 10 s each. */
export const FORWARD_CONCURRENCY = 4;
export const FORWARD_TIMEOUT_MS = 10_000;
/** Beyond this many events waiting for a slow receiver (some 5 MB), new ones are reported as dropped. */
export const MAX_WAITING = 10_000;

interface Job {
  headers: Record<string, string>;
  body: string;
  done: (outcome: ForwardOutcome) => void;
}

export class Forwarder {
  private readonly agent = new Agent({
    connect: { timeout: FORWARD_TIMEOUT_MS },
    keepAliveTimeout: 4000,
    connections: FORWARD_CONCURRENCY,
  });
  private readonly waiting: Job[] = [];
  private running = 0;
  private idle: (() => void) | undefined;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = FORWARD_TIMEOUT_MS,
  ) {}

  /** Resolves once the request was answered, failed, or dropped. */
  forward(headers: Record<string, string>, body: string): Promise<ForwardOutcome> {
    if (this.waiting.length >= MAX_WAITING) {
      return Promise.resolve({
        error: `dropped: ${MAX_WAITING} events already wait for the receiver`,
        durationMs: 0,
        dropped: true,
      });
    }
    return new Promise((done) => {
      this.waiting.push({ headers, body, done });
      this.next();
    });
  }

  /** Waits for the requests under way (new ones are still accepted). */
  async drain(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return;
    await new Promise<void>((resolve) => {
      this.idle = resolve;
    });
  }

  close(): Promise<void> {
    return this.agent.destroy();
  }

  private next(): void {
    while (this.running < FORWARD_CONCURRENCY && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running++;
      void this.send(job).then((outcome) => {
        this.running--;
        job.done(outcome);
        this.next();
        if (this.running === 0 && this.waiting.length === 0) this.idle?.();
      });
    }
  }

  private async send(job: Job): Promise<ForwardOutcome> {
    const started = performance.now();
    const durationMs = () => Math.round((performance.now() - started) * 10) / 10;
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await request(this.url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: job.headers,
        body: job.body,
        signal,
      });
      // The answer's body is not shown: reading it frees the connection for the next event.
      await response.body.dump();
      return { status: response.statusCode, durationMs: durationMs() };
    } catch (error) {
      return {
        error: signal.aborted
          ? `timeout after ${this.timeoutMs} ms`
          : describeNetworkFailure(error, this.timeoutMs),
        durationMs: durationMs(),
      };
    }
  }
}
