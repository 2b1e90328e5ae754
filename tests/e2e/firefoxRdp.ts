// A small client of Firefox's remote debugging protocol (length-prefixed JSON over TCP, as web-ext and about:debugging
// speak it): evaluates JavaScript in the extension's background page, or in the browser's own window, of a firefox-esr
// started with launchFirefoxWithExtension(). Test tooling only; nothing of it ships.
import { createServer, Socket } from 'node:net';

interface Packet {
  from?: string;
  type?: string;
  error?: string;
  message?: string;
  [field: string]: unknown;
}

/** A TCP port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export class FirefoxDebugger {
  private buffer = Buffer.alloc(0);
  private readonly waiting: Array<{ test: (p: Packet) => boolean; resolve: (p: Packet) => void; reject: (e: Error) => void }> = [];
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly unclaimed: Packet[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const colon = this.buffer.indexOf(0x3a);
        if (colon < 0) return;
        const length = Number(this.buffer.subarray(0, colon).toString());
        if (this.buffer.length < colon + 1 + length) return;
        const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as Packet;
        this.buffer = this.buffer.subarray(colon + 1 + length);
        const at = this.waiting.findIndex((w) => w.test(packet));
        if (at >= 0) this.waiting.splice(at, 1)[0]!.resolve(packet);
        else this.unclaimed.push(packet); // e.g. an evaluation's result, come in the same chunk as its first reply
      }
    });
    socket.on('error', (error) => this.waiting.splice(0).forEach((w) => w.reject(error)));
  }

  /** Connects, retrying while Firefox starts its server. */
  static async connect(port: number, timeoutMs = 20_000): Promise<FirefoxDebugger> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = new Socket();
          s.once('error', reject);
          s.connect(port, '127.0.0.1', () => resolve(s));
        });
        const client = new FirefoxDebugger(socket);
        await client.next((p) => p.from === 'root' && 'applicationType' in p);
        return client;
      } catch (error) {
        if (Date.now() > until) throw new Error(`no Firefox debugger on port ${port}: ${String(error)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  private next(test: (p: Packet) => boolean, timeoutMs = 30_000): Promise<Packet> {
    const early = this.unclaimed.findIndex(test);
    if (early >= 0) return Promise.resolve(this.unclaimed.splice(early, 1)[0]!);
    return new Promise((resolve, reject) => {
      const entry = { test, resolve, reject };
      this.waiting.push(entry);
      setTimeout(() => {
        const at = this.waiting.indexOf(entry);
        if (at >= 0) {
          this.waiting.splice(at, 1);
          reject(new Error('the Firefox debugger did not answer in time'));
        }
      }, timeoutMs).unref();
    });
  }

  /** One request to an actor and its reply (requests to one actor are answered in order: sent one at a time). */
  request(to: string, type: string, fields: Record<string, unknown> = {}): Promise<Packet> {
    const previous = this.queues.get(to) ?? Promise.resolve();
    const reply = previous.then(async () => {
      // A reply carries no `type`: packets that do are the actor's events (an evaluation's result, `processListChanged`).
      const answer = this.next((p) => p.from === to && p.type === undefined);
      const json = Buffer.from(JSON.stringify({ to, type, ...fields }), 'utf8');
      this.socket.write(`${json.length}:`);
      this.socket.write(json);
      const packet = await answer;
      if (packet.error) throw new Error(`${type} to ${to}: ${packet.error} ${packet.message ?? ''}`);
      return packet;
    });
    this.queues.set(
      to,
      reply.catch(() => undefined),
    );
    return reply;
  }

  /** Runs `text` as the body of an async function (await allowed) with a console actor; answers what it returns, as JSON. */
  async evaluate(consoleActor: string, text: string): Promise<unknown> {
    const started = await this.request(consoleActor, 'evaluateJSAsync', {
      // As the console's own front end sends an awaited expression: an async function, with `mapped.await` set so the
      // server waits for its promise.
      text: `(async () => { ${text} })().then((value) => JSON.stringify(value ?? null))`,
      mapped: { await: true },
    });
    const result = await this.next((p) => p.type === 'evaluationResult' && p.resultID === started.resultID);
    if (result.exceptionMessage || result.hasException) throw new Error(`evaluation failed: ${JSON.stringify(result.exceptionMessage ?? result.exception)}`);
    const value = result.result as unknown;
    return typeof value === 'string' ? JSON.parse(value) : null;
  }

  /** The console actor of the browser's parent process (chrome privileges: its windows, menus and services). */
  async browserConsole(): Promise<string> {
    const { processDescriptor } = (await this.request('root', 'getProcess', { id: 0 })) as unknown as { processDescriptor: { actor: string } };
    const { process } = (await this.request(processDescriptor.actor, 'getTarget')) as unknown as { process: { consoleActor: string } };
    return process.consoleActor;
  }

  close(): void {
    this.socket.destroy();
  }
}
