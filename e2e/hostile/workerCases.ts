// Messages sent straight to the engine worker, each with the error code it must get.
import type { FrameSpec } from '../../src/harness/rawWorker';
import type { WorkerCase, WorkerMessage } from './cases';

const grey: FrameSpec = { $frame: 'grey' };
const call = (method: 'init' | 'analyze' | 'cancel' | 'memory', ...args: unknown[]) => ({
  method,
  args,
});
const raw = (message: unknown) => ({ raw: message });
let rawId = 0;
/** A Comlink-shaped message with its own id, so the answer can be told apart. */
const comlink = (message: Record<string, unknown>) => ({ id: `hostile-${++rawId}`, ...message });
const plain = (value: unknown) => ({ type: 'RAW', value });

function worker(
  name: string,
  message: WorkerMessage,
  expect: WorkerCase['expect'],
  engine: WorkerCase['engine'] = 'running',
): WorkerCase {
  return { entry: 'worker message', name, engine, message, expect };
}

export const workerCases: WorkerCase[] = [
  worker(
    'analyze before the engine started',
    call('analyze', 'r1', grey, {}),
    'not-ready',
    'stopped',
  ),
  worker('memory before the engine started', call('memory'), 'not-ready', 'stopped'),
  worker('init with an unknown backend', call('init', { backends: ['cuda'] }), 'invalid-request'),
  worker('init with no backends', call('init', { backends: [] }), 'invalid-request'),
  worker('init with an unknown range', call('init', { detectorRange: 'far' }), 'invalid-request'),
  worker('init with a NaN score', call('init', { minDetectionScore: NaN }), 'invalid-request'),
  worker(
    'init with an infinite score',
    call('init', { minDetectionScore: Infinity }),
    'invalid-request',
  ),
  worker('init with an unknown option', call('init', { unknownOption: true }), 'invalid-request'),
  worker('init with a string', call('init', 'not an object'), 'invalid-request'),
  worker('init with null', call('init', null), 'invalid-request'),
  worker(
    'init with an unknown model',
    call('init', { embedderId: 'no-such-model' }),
    'invalid-request',
  ),
  worker('analyze with an empty request id', call('analyze', '', grey, {}), 'invalid-request'),
  worker(
    'analyze with a 65-character id',
    call('analyze', 'x'.repeat(65), grey, {}),
    'invalid-request',
  ),
  worker('analyze with a numeric id', call('analyze', 42, grey, {}), 'invalid-request'),
  worker(
    'analyze with a plain object for a frame',
    call('analyze', 'r2', { width: 640, height: 480 }, {}),
    'invalid-request',
  ),
  worker('analyze with no frame', call('analyze', 'r3', null, {}), 'invalid-request'),
  worker(
    'analyze with an unknown embed choice',
    call('analyze', 'r4', grey, { embed: 'everyone' }),
    'invalid-request',
  ),
  worker(
    'analyze with an unknown option',
    call('analyze', 'r5', grey, { debug: true }),
    'invalid-request',
  ),
  worker('cancel with an object for an id', call('cancel', { id: 'r1' }), 'invalid-request'),
  worker('a bare string', raw('garbage'), 'no answer'),
  worker('an object with no id', raw({ type: 'APPLY', path: ['init'] }), 'no answer'),
  worker('reading a method', raw(comlink({ type: 'GET', path: ['init'] })), 'invalid-request'),
  worker(
    'replacing analyze',
    raw(comlink({ type: 'SET', path: ['analyze'], value: plain(5) })),
    'invalid-request',
  ),
  worker(
    'polluting Object.prototype',
    raw(comlink({ type: 'SET', path: ['__proto__', 'embed'], value: plain('none') })),
    'invalid-request',
  ),
  worker(
    'constructing a method',
    raw(comlink({ type: 'CONSTRUCT', path: ['init'], argumentList: [] })),
    'invalid-request',
  ),
  worker('asking for a new endpoint', raw(comlink({ type: 'ENDPOINT' })), 'invalid-request'),
  worker(
    'calling the constructor',
    raw(comlink({ type: 'APPLY', path: ['constructor'], argumentList: [] })),
    'invalid-request',
  ),
  worker(
    'arguments that are not a list',
    raw(comlink({ type: 'APPLY', path: ['memory'], argumentList: 5 })),
    'invalid-request',
  ),
  worker(
    'a proxy for an argument',
    raw(
      comlink({
        type: 'APPLY',
        path: ['init'],
        argumentList: [{ type: 'HANDLER', name: 'proxy', value: null }],
      }),
    ),
    'invalid-request',
  ),
];
