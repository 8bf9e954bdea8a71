import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EmbedderEntry } from '../shared/manifest';
import { openFacegateStore, type FacegateStore, type Person } from '../store';
import { freshIndexedDB, newPerson, testModel } from '../store/testSupport';
import {
  beginChallenge,
  verificationWait,
  verifyChallenge,
  type FinishedChallenge,
} from './decisions';

// Only the fields the decisions read.
const embedder = {
  id: testModel.modelId,
  embeddingSize: testModel.embeddingSize,
  thresholds: { similarityAtFar: { '0.01': 0.5, '0.001': 0.6, '0.0001': 0.7 } },
} as unknown as EmbedderEntry;

const timedOut: FinishedChallenge = {
  phase: 'failed',
  actions: ['look-straight', 'turn-left', 'turn-right', 'look-straight'],
  reason: 'timeout',
  used: [],
};

describe('challenge attempts', () => {
  let store: FacegateStore;
  let person: Person;

  beforeEach(async () => {
    freshIndexedDB();
    store = await openFacegateStore();
    person = await store.addPerson(newPerson('Ana'));
  });

  const results = async () => (await store.listAttempts()).map((a) => a.result);

  it('counts a challenge left half-done as a failure, so five of them lock', async () => {
    for (let i = 0; i < 5; i++) await beginChallenge(store, person);
    expect(await results()).toEqual(Array(5).fill('rejected'));
    expect(await verificationWait(store, person.id, Date.now())).toBeGreaterThan(0);
  });

  it('counts a failed challenge once, not twice', async () => {
    await beginChallenge(store, person);
    const outcome = await verifyChallenge(store, embedder, person, timedOut, '0.001');
    expect(outcome).toEqual({ kind: 'not-live', reason: 'timeout' });
    expect(await results()).toEqual(['rejected']);
  });

  it('records the success of a passed challenge, which ends the run of failures', async () => {
    // One enrolment frame: the template is that frame, which the challenge frames repeat.
    person = await store.addPerson(newPerson('Bea', 2, 1));
    const template = await store.getTemplate(person.id);
    const passed: FinishedChallenge = {
      phase: 'passed',
      actions: timedOut.actions,
      used: template.embeddings.map((embedding) => ({ embedding, livenessScores: null })),
    };
    for (let i = 0; i < 4; i++) await beginChallenge(store, person);
    await beginChallenge(store, person);
    const outcome = await verifyChallenge(store, embedder, person, passed, '0.001');
    expect(outcome).toMatchObject({ kind: 'decided', accepted: true });
    const own = await store.listAttempts({ personId: person.id });
    expect(own.map((a) => a.result).filter((r) => r === 'accepted')).toHaveLength(1);
    expect(await verificationWait(store, person.id, Date.now())).toBeNull();
  });
});
