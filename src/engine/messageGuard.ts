import type { Endpoint } from 'comlink';

/**
 * Comlink, left to itself, lets any message read, overwrite or construct whatever is
 * reachable from the exposed object (`SET ["analyze"]` replaces a method for good;
 * `SET ["__proto__", …]` changes every object in the worker), and a message whose
 * arguments are not a list throws outside its error handling, so the caller waits
 * forever. Only calls of the API's own methods with plain arguments are let through.
 */
export function messageRefusal(data: unknown, methods: ReadonlySet<string>): string | null {
  if (typeof data !== 'object' || data === null) return 'a message must be an object';
  const { type, path, argumentList } = data as Record<string, unknown>;
  if (type === 'RELEASE') return null;
  if (type !== 'APPLY') return `messages of type ${JSON.stringify(type)} are not accepted`;
  if (!Array.isArray(path) || path.length !== 1 || !methods.has(path[0])) {
    return 'a call must name one method of the engine';
  }
  if (!Array.isArray(argumentList) || argumentList.length > 3) {
    return 'a call must carry a list of at most three arguments';
  }
  if (!argumentList.every(isPlainWireValue)) return 'arguments must be plain values';
  return null;
}

const isPlainWireValue = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  (value as { type?: unknown }).type === 'RAW' &&
  Object.keys(value).every((key) => key === 'type' || key === 'value');

/**
 * `scope` (the worker's own) as a Comlink endpoint that answers a refused message itself,
 * with `refusal(reason)` as the thrown value, and never passes it on. A message without
 * an id cannot be answered and is dropped.
 */
export function guardedEndpoint(
  scope: Endpoint,
  methods: ReadonlySet<string>,
  refusal: (reason: string) => unknown,
): Endpoint {
  const wrapped = new Map<EventListenerOrEventListenerObject, EventListener>();
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) =>
      scope.postMessage(message, transfer),
    addEventListener(type, listener) {
      const guarded = (event: Event) => {
        const { data } = event as MessageEvent<unknown>;
        const reason = messageRefusal(data, methods);
        if (reason === null) {
          if (typeof listener === 'function') listener(event);
          else listener.handleEvent(event);
          return;
        }
        const id = (data as { id?: unknown } | null)?.id;
        if (typeof id !== 'string' || id.length === 0 || id.length > 100) return;
        scope.postMessage({ id, type: 'HANDLER', name: 'throw', value: refusal(reason) });
      };
      wrapped.set(listener, guarded);
      scope.addEventListener(type, guarded);
    },
    removeEventListener(type, listener) {
      const guarded = wrapped.get(listener);
      if (guarded) scope.removeEventListener(type, guarded);
      wrapped.delete(listener);
    },
  };
}
