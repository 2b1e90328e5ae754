// A fake `browser.runtime.sendMessage` for page tests: requests go to the handlers a test registers by message type,
// answers come back as the background's Result values, and every call is recorded.
type Handler = (request: any) => unknown;

export function fakeMessaging() {
  const handlers: Record<string, Handler> = {};
  const calls: { type: string; request: unknown }[] = [];
  const sendMessage = async ({ type, request }: { type: string; request: unknown }) => {
    calls.push({ type, request });
    const handler = handlers[type];
    if (!handler) return { ok: false, error: `no handler for ${type}` };
    try {
      return { ok: true, value: await handler(request) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  };
  return { handlers, calls, sendMessage };
}
