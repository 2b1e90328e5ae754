// The typed sender: a worker that Chrome is stopping is retried; any other failure comes back at once, as a value.
import { describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage } } }));
const { send } = await import('../../src/messaging/client.ts');

const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

describe('send', () => {
  it('tries again when the worker was not there to receive, and gets the answer', async () => {
    const calls = sendMessage.mock.calls.length;
    sendMessage.mockImplementationOnce(async () => {
      throw new Error(NO_RECEIVER);
    });
    sendMessage.mockImplementationOnce(async () => ({ ok: true, value: { version: 'v1' } }));
    expect(await send('catalogueInfo', {})).toEqual({ ok: true, value: { version: 'v1' } });
    expect(sendMessage.mock.calls.length - calls).toBe(2);
  });

  it('gives up after a few tries, with the error as a value', async () => {
    const calls = sendMessage.mock.calls.length;
    for (let i = 0; i < 4; i++) {
      sendMessage.mockImplementationOnce(async () => {
        throw new Error(NO_RECEIVER);
      });
    }
    expect(await send('catalogueInfo', {})).toEqual({ ok: false, error: NO_RECEIVER });
    expect(sendMessage.mock.calls.length - calls).toBe(4);
  });

  it('does not retry other failures', async () => {
    const calls = sendMessage.mock.calls.length;
    sendMessage.mockImplementationOnce(async () => {
      throw new Error('Extension context invalidated.');
    });
    expect(await send('catalogueInfo', {})).toEqual({ ok: false, error: 'Extension context invalidated.' });
    expect(sendMessage.mock.calls.length - calls).toBe(1);
  });
});
