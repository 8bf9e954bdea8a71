import type { Endpoint } from 'comlink';
import { describe, expect, it } from 'vitest';
import { guardedEndpoint, messageRefusal } from './messageGuard';

const methods = new Set(['init', 'analyze', 'cancel', 'memory', 'dispose']);
const raw = (value: unknown) => ({ type: 'RAW', value });

describe('messageRefusal', () => {
  it('lets through calls of the API with plain arguments, and release', () => {
    expect(
      messageRefusal({ id: 'a', type: 'APPLY', path: ['init'], argumentList: [raw({})] }, methods),
    ).toBeNull();
    const memory = { id: 'a', type: 'APPLY', path: ['memory'], argumentList: [] };
    expect(messageRefusal(memory, methods)).toBeNull();
    expect(messageRefusal({ id: 'a', type: 'RELEASE' }, methods)).toBeNull();
  });

  it.each([
    ['a string', 'garbage'],
    ['null', null],
    ['a read', { id: 'a', type: 'GET', path: ['init'] }],
    ['a write', { id: 'a', type: 'SET', path: ['analyze'], value: raw(5) }],
    ['prototype pollution', { id: 'a', type: 'SET', path: ['__proto__', 'x'], value: raw(1) }],
    ['a construction', { id: 'a', type: 'CONSTRUCT', path: ['init'], argumentList: [] }],
    ['a new endpoint', { id: 'a', type: 'ENDPOINT' }],
    ['no path', { id: 'a', type: 'APPLY', argumentList: [] }],
    ['the root object', { id: 'a', type: 'APPLY', path: [], argumentList: [] }],
    ['a nested path', { id: 'a', type: 'APPLY', path: ['init', 'call'], argumentList: [] }],
    ['an inherited name', { id: 'a', type: 'APPLY', path: ['constructor'], argumentList: [] }],
    ['arguments not a list', { id: 'a', type: 'APPLY', path: ['init'], argumentList: 5 }],
    [
      'a proxy argument',
      {
        id: 'a',
        type: 'APPLY',
        path: ['init'],
        argumentList: [{ type: 'HANDLER', name: 'proxy' }],
      },
    ],
    [
      'too many arguments',
      { id: 'a', type: 'APPLY', path: ['cancel'], argumentList: [1, 2, 3, 4].map(raw) },
    ],
  ])('refuses %s', (_, data) => {
    expect(messageRefusal(data, methods)).toEqual(expect.any(String));
  });
});

describe('guardedEndpoint', () => {
  function fakeScope() {
    const listeners: EventListener[] = [];
    const posted: unknown[] = [];
    const scope: Endpoint = {
      postMessage: (message: unknown) => void posted.push(message),
      addEventListener: (_type, listener) => void listeners.push(listener as EventListener),
      removeEventListener: (_type, listener) =>
        void listeners.splice(listeners.indexOf(listener as EventListener), 1),
    };
    const send = (data: unknown) =>
      listeners.forEach((l) => l(new MessageEvent('message', { data })));
    return { scope, posted, send, listeners };
  }

  it('passes good calls on, answers refused ones with the error, drops those without id', () => {
    const { scope, posted, send, listeners } = fakeScope();
    const seen: unknown[] = [];
    const endpoint = guardedEndpoint(scope, methods, (reason) => ({ code: 'x', reason }));
    const listener = (event: Event) => void seen.push((event as MessageEvent).data);
    endpoint.addEventListener('message', listener);

    const good = { id: '1', type: 'APPLY', path: ['memory'], argumentList: [] };
    send(good);
    send({ id: '2', type: 'SET', path: ['init'], value: raw(0) });
    send('no id at all');

    expect(seen).toEqual([good]);
    expect(posted).toEqual([
      {
        id: '2',
        type: 'HANDLER',
        name: 'throw',
        value: { code: 'x', reason: expect.stringContaining('SET') },
      },
    ]);
    endpoint.removeEventListener('message', listener);
    expect(listeners).toHaveLength(0);
  });
});
