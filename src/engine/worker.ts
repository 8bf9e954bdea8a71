import * as Comlink from 'comlink';
import { installErrorTransfer, serializeError } from '../shared/comlinkErrors';
import {
  analyzeOptionsSchema,
  initOptionsSchema,
  requestIdSchema,
  type EngineApi,
} from '../shared/engineApi';
import { EngineError } from '../shared/errors';
import { modelManifest as manifest } from '../shared/models';
import { FaceEngine } from './engine';
import { guardedEndpoint } from './messageGuard';

// The manifest is bundled into this script, so the hashes that pin the models come
// with the code itself rather than from a file that could be swapped beside them.

const siteRoot = new URL(import.meta.env.BASE_URL, self.location.origin);
const resolveUrl = (path: string) => new URL(path, siteRoot).href;

let engine: FaceEngine | null = null;
let starting: Promise<FaceEngine> | null = null;

function parse<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { message: string } };
  },
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new EngineError('invalid-request', `${what}: ${result.error.message}`);
  return result.data;
}

function requireEngine(): FaceEngine {
  if (!engine) throw new EngineError('not-ready', 'the face engine has not started');
  return engine;
}

const api: EngineApi = {
  async init(options) {
    const config = parse(initOptionsSchema, options, 'init options');
    // Refused before the running engine is let go, so a bad request leaves it working.
    const { embedderId } = config;
    if (embedderId !== undefined && !manifest.embedders.some((e) => e.id === embedderId)) {
      throw new EngineError('invalid-request', `init options: no embedding model "${embedderId}"`);
    }
    if (starting) await starting.catch(() => undefined);
    engine?.dispose();
    engine = null;
    starting = FaceEngine.start(manifest, config, resolveUrl);
    engine = await starting;
    return engine.status;
  },

  async analyze(requestId, frame, options) {
    const id = parse(requestIdSchema, requestId, 'request id');
    if (!(frame instanceof ImageBitmap)) {
      throw new EngineError('invalid-request', 'a frame must be an ImageBitmap');
    }
    const { embed, passiveLiveness } = parse(analyzeOptionsSchema, options, 'analyze options');
    return requireEngine().analyze(id, frame, embed, passiveLiveness);
  },

  cancel(requestId) {
    engine?.cancel(parse(requestIdSchema, requestId, 'request id'));
  },

  memory() {
    return requireEngine().memory();
  },

  dispose() {
    engine?.dispose();
    engine = null;
  },
};

installErrorTransfer();
Comlink.expose(
  api,
  guardedEndpoint(self as unknown as Comlink.Endpoint, new Set(Object.keys(api)), (reason) =>
    serializeError(new EngineError('invalid-request', reason)),
  ),
);
