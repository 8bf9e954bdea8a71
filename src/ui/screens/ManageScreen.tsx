import { useCallback, useEffect, useState } from 'react';
import type { Person } from '../../store';
import { storeMessage } from '../useStore';
import { BackupPanel } from './BackupPanel';
import type { Services } from './services';

/** Everyone enrolled: re-enrol or delete one, erase everything, back up and restore. */
export function ManageScreen({
  services,
  onReEnrol,
}: {
  services: Services;
  onReEnrol: (person: Person) => void;
}) {
  const { store, embedder } = services;
  const [people, setPeople] = useState<Person[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(() => {
    store.listPeople().then(setPeople, (e: unknown) => setMessage(storeMessage(e)));
  }, [store]);
  useEffect(refresh, [refresh]);

  async function run(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      setMessage(done);
    } catch (error) {
      setMessage(storeMessage(error));
    }
    refresh();
  }

  return (
    <section aria-labelledby="manage-title" className="stack">
      <h2 id="manage-title">Manage</h2>
      <p role="status" aria-live="polite" data-testid="manage-message">
        {message}
      </p>
      {people && people.length === 0 && <p>Nobody is enrolled here.</p>}
      {people && people.length > 0 && (
        <table>
          <caption>People enrolled in this browser</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Enrolled</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>
                  {new Date(p.createdAt).toLocaleDateString()}
                  {p.modelId !== embedder.id && ' (another model: re-enrol)'}
                </td>
                <td>
                  <button type="button" onClick={() => onReEnrol(p)}>
                    Re-enrol {p.name}
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() =>
                      window.confirm(`Delete ${p.name} and their face template?`) &&
                      void run(() => store.deletePerson(p.id), `${p.name} was deleted.`)
                    }
                  >
                    Delete {p.name}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        onClick={() =>
          window.confirm('Erase everyone, every template, the attempt history and the settings?') &&
          void run(async () => {
            await store.eraseAll();
            // Consent went with everything else: the first-run screen asks again.
            await services.reloadSettings();
          }, 'Everything was erased.')
        }
      >
        Erase everything
      </button>
      <BackupPanel services={services} onImported={refresh} onMessage={setMessage} />
    </section>
  );
}
