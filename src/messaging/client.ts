// Typed senders for every context: one call per message, errors come back as values.
import browser from 'webextension-polyfill';
import type { ContentProtocol, MessageName, RequestOf, ResponseOf, Result } from './protocol.ts';

export async function send<K extends MessageName>(type: K, request: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ type, request })) as Result<ResponseOf<K>> | undefined;
    return reply ?? { ok: false, error: `No answer to ${type}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
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
