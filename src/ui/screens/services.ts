import type { EngineClient } from '../../client/engineClient';
import type { EngineStatus } from '../../shared/engineApi';
import type { EmbedderEntry } from '../../shared/manifest';
import type { FacegateStore, Settings } from '../../store';

/** What every screen works with once the engine and the store are up. */
export interface Services {
  engine: EngineClient;
  status: EngineStatus;
  embedder: EmbedderEntry;
  store: FacegateStore;
  settings: Settings;
  updateSettings: (change: Partial<Settings>) => Promise<void>;
  reloadSettings: () => Promise<void>;
}
