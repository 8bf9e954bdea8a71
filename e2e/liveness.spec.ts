// Presentation attacks on verification, with the fake camera playing real photos: the
// challenge's photos are picked here by their measured head turn, then a still photo of
// the enrolled person, the person's own photos following the challenge, and the same
// poses made of someone else's photos go through the app's own Verify screen.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import {
  agreeIfAsked,
  enrolWithCamera,
  newProfile,
  openScreen,
  verifyWithCamera,
  withCamera,
  type AppSession,
} from './support/appSession';
import {
  POSED,
  challengeClip,
  stillClip,
  testActions,
  type PosePhotos,
} from './support/challengeClips';
import { measureTurns, pickPoses } from './support/turns';

const A = POSED.name;
// Another person whose photos show every pose, so that a rejection is for the face.
const OTHER = 'Jacques_Chirac';

test.describe.configure({ mode: 'serial', timeout: 5 * 60_000 });

/** What the result area says, and the passive models' report, for the test's log. */
async function resultText({ page }: AppSession): Promise<string> {
  const text = await page.getByTestId('verify-result').innerText();
  return text.replace(/\s+/g, ' ');
}

test.describe('liveness challenge against presentation attacks', () => {
  const profile = newProfile();
  let mine: PosePhotos;
  let theirs: PosePhotos;

  test('0. the photos are picked by their measured head turn', async ({ harness, lfwDir }) => {
    const init = await harness.evaluate(() => window.facegate.init({ backends: ['wasm'] }));
    expect(init.error).toBeUndefined();
    const photosOf = async (person: string) =>
      (await readdir(join(lfwDir, 'images', person))).map((f) => `${person}/${f}`);
    const measuredA = await measureTurns(harness, await photosOf('John_Ashcroft'));
    const measuredOther = await measureTurns(harness, await photosOf(OTHER));
    console.log('head turns:', JSON.stringify([...measuredA, ...measuredOther]));
    mine = pickPoses(measuredA, [POSED.enrol]);
    theirs = pickPoses(measuredOther);
    // The other specs use POSED as written down; it must still be what the engine measures.
    expect(mine).toEqual(POSED.poses);
    console.log('challenge:', testActions.join(' → '));
  });

  test('1. enrol A from one frontal photo', async ({ baseURL }) => {
    await withCamera(profile, baseURL!, [POSED.enrol], async ({ page }) => {
      await agreeIfAsked(page);
      await enrolWithCamera(page, A);
    });
  });

  test('2. a still photo of A is rejected: it never turns', async ({ baseURL }) => {
    const clip = await stillClip(mine.straight);
    await withCamera(profile, baseURL!, { clip }, async (session) => {
      const started = Date.now();
      expect(await verifyWithCamera(session.page, A)).toBe('rejected');
      await expect(session.page.getByTestId('verify-result')).toContainText('not done in time');
      // It waited for the turn for the whole time limit, not less.
      expect(Date.now() - started).toBeGreaterThan(15_000);
      console.log('still photo of A:', await resultText(session));
    });
  });

  test('3. photos of A that follow the challenge are accepted', async ({ baseURL }) => {
    const clip = await challengeClip(mine);
    await withCamera(profile, baseURL!, { clip }, async (session) => {
      const seen = watchInstructions(session);
      expect(await verifyWithCamera(session.page, A)).toBe('accepted');
      await expect(session.page.getByTestId('verify-result')).toContainText(
        `Accepted: this is ${A}`,
      );
      // The screen asked for each action, in the challenge's order.
      expect(await seen()).toEqual(testActions);
      console.log('A following the challenge:', await resultText(session));
    });
  });

  test('4. the same poses made of another person are rejected', async ({ baseURL }) => {
    const clip = await challengeClip(theirs);
    await withCamera(profile, baseURL!, { clip }, async (session) => {
      expect(await verifyWithCamera(session.page, A)).toBe('rejected');
      await expect(session.page.getByTestId('verify-result')).toContainText(
        `Rejected: this is not ${A}`,
      );
      console.log('another person following the challenge:', await resultText(session));
    });
  });

  test('5. A facing the camera, then another person turning: rejected', async ({ baseURL }) => {
    const clip = await challengeClip({ ...theirs, straight: mine.straight });
    await withCamera(profile, baseURL!, { clip }, async (session) => {
      expect(await verifyWithCamera(session.page, A)).toBe('rejected');
      await expect(session.page.getByTestId('verify-result')).toContainText(
        `Rejected: this is not ${A}`,
      );
    });
  });

  test('6. photos of A turning the wrong way first are rejected', async ({ baseURL }) => {
    const clip = await challengeClip({ ...mine, left: mine.right, right: mine.left });
    await withCamera(profile, baseURL!, { clip }, async (session) => {
      expect(await verifyWithCamera(session.page, A)).toBe('rejected');
      await expect(session.page.getByTestId('verify-result')).toContainText('turned the other way');
    });
  });
});

/** Records each instruction the screen shows; the returned function gives them in order. */
function watchInstructions({ page }: AppSession): () => Promise<string[]> {
  const seen: string[] = [];
  let stopped = false;
  const poll = (async () => {
    while (!stopped && !page.isClosed()) {
      const action = await page
        .getByTestId('challenge-instruction')
        .getAttribute('data-action', { timeout: 1_000 })
        .catch(() => null);
      if (action && action !== 'done' && seen[seen.length - 1] !== action) seen.push(action);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    stopped = true;
    await poll;
    return seen;
  };
}

test.describe("the kiosk's verification asks for the same challenge", () => {
  const profile = newProfile();
  const PIN = '246810';
  const startVerification = async (page: AppSession['page']) => {
    await page.getByLabel('Your name or ID').fill(A);
    await page.getByRole('button', { name: 'Start verification' }).click();
  };

  test('1. enrol A, set the PIN and the kiosk to verification', async ({ baseURL }) => {
    await withCamera(profile, baseURL!, [POSED.enrol], async ({ page }) => {
      await agreeIfAsked(page);
      await enrolWithCamera(page, A);
      await openScreen(page, 'Kiosk mode');
      await page.getByLabel('New operator PIN').fill(PIN);
      await page.getByLabel('Repeat the new PIN').fill(PIN);
      await page.getByRole('button', { name: 'Set the operator PIN' }).click();
      await expect(page.getByTestId('kiosk-pin-state')).toHaveText(/The operator PIN is set/);
      await openScreen(page, 'Settings');
      await page.getByLabel('The kiosk offers').selectOption('verify');
    });
  });

  test('2. a still photo of A is not verified; A following the challenge is', async ({
    baseURL,
  }) => {
    const result = (page: AppSession['page']) => page.getByTestId('kiosk-result');
    await withCamera(
      profile,
      baseURL!,
      { clip: await stillClip(POSED.poses.straight) },
      async ({ page }) => {
        await openScreen(page, 'Kiosk mode');
        await page.getByRole('button', { name: 'Start kiosk mode' }).click();
        await startVerification(page);
        await expect(page.getByTestId('challenge-instruction')).toBeVisible();
        await expect(result(page)).toContainText('Not verified', { timeout: 60_000 });
        await expect(result(page)).toContainText('not done in time');
      },
    );
    // A reload comes back in kiosk mode, and the camera's clip starts again.
    await withCamera(
      profile,
      baseURL!,
      { clip: await challengeClip(POSED.poses) },
      async ({ page }) => {
        await startVerification(page);
        await expect(result(page)).toContainText(`Verified: you are ${A}.`, { timeout: 60_000 });
      },
    );
  });
});
