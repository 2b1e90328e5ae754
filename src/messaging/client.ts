// Typed senders for every context: one call per message, errors come back as values.
import browser from 'webextension-polyfill';
import type { ContentProtocol, MessageName, RequestOf, ResponseOf, Result } from './protocol.ts';

/**
 * A message that reaches a service worker while Chrome is stopping it fails with "Could not establish connection.
 * Receiving end does not exist."; the next attempt starts a new worker, so such failures are retried after these waits.
 */
const RECONNECT_WAITS_MS = [50, 200, 800];
const NO_RECEIVER = /Could not establish connection|Receiving end does not exist/i;

export async function send<K extends MessageName>(type: K, request: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = (await browser.runtime.sendMessage({ type, request })) as Result<ResponseOf<K>> | undefined;
      return reply ?? { ok: false, error: `No answer to ${type}` };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const wait = RECONNECT_WAITS_MS[attempt];
      if (wait === undefined || !NO_RECEIVER.test(message)) return { ok: false, error: message };
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Like `send`, but throws the error text: for UI code that shows failures in one place. */
export async function call<K extends MessageName>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const result = await send(type, request);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export type ContentMessage = {
  [K in keyof ContentProtocol]: { type: K; request: Parameters<ContentProtocol[K]>[0] };
}[keyof ContentProtocol];
