import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { accuracyAt } from '../src/biometrics/calibration';
import manifestJson from '../models/manifest.json' with { type: 'json' };
import { cosine, embedPhotos } from '../bench/lib/embedPhotos';
import { pairsWithPhotos, parsePairs } from '../bench/lib/pairs';
import { expect, faceUrl, test } from './fixtures';

const defaultEmbedder = manifestJson.embedders.find((e) => e.id === manifestJson.defaultEmbedder)!;
const samplePhotos = [
  'Aaron_Sorkin/Aaron_Sorkin_0001.jpg',
  'Aaron_Sorkin/Aaron_Sorkin_0002.jpg',
  'Abdullah_Gul/Abdullah_Gul_0013.jpg',
  'Adam_Sandler/Adam_Sandler_0001.jpg',
  'Adrian_Nastase/Adrian_Nastase_0002.jpg',
  'Ai_Sugiyama/Ai_Sugiyama_0002.jpg',
];

test.describe('face engine in the worker', () => {
  test('starts on WASM, finds the face and its keypoints, embeds it as a unit vector', async ({
    harness,
  }) => {
    const init = await harness.evaluate(() => window.facegate.init({ backends: ['wasm'] }));
    expect(init.error).toBeUndefined();
    expect(init.value!.backend).toBe('wasm');
    expect(init.value!.backendAttempts[0]!.reason).toMatch(/self-test passed/);

    const r = await harness.evaluate(
      (u) => window.facegate.analyzeUrl(u),
      faceUrl(samplePhotos[0]!),
    );
    const face = r.value!.faces[0]!;
    expect(r.value!.faces).toHaveLength(1);
    // The person's right eye is on the frame's left, and the eyes sit above nose and mouth.
    expect(face.keypoints.rightEye.x).toBeLessThan(face.keypoints.leftEye.x);
    expect(face.keypoints.noseTip.y).toBeGreaterThan(face.keypoints.rightEye.y);
    expect(face.keypoints.mouthCenter.y).toBeGreaterThan(face.keypoints.noseTip.y);
    expect(face.quality.faceWidth).toBeGreaterThan(40);
    expect(face.quality.brightness).toBeGreaterThan(20);
    expect(face.quality.sharpness).toBeGreaterThan(0);
    const embedding = face.embedding!;
    expect(embedding).toHaveLength(defaultEmbedder.embeddingSize);
    expect(embedding.every(Number.isFinite)).toBe(true);
    expect(Math.hypot(...embedding)).toBeCloseTo(1, 4);
  });

  test('the full-range detector finds the same face; the embeddings agree', async ({ harness }) => {
    const url = faceUrl(samplePhotos[0]!);
    const embeddings: number[][] = [];
    for (const detectorRange of ['short', 'full'] as const) {
      const init = await harness.evaluate(
        (range) => window.facegate.init({ backends: ['wasm'], detectorRange: range }),
        detectorRange,
      );
      expect(init.value!.detectorId).toBe(`blazeface-${detectorRange}-range`);
      const r = await harness.evaluate((u) => window.facegate.analyzeUrl(u), url);
      expect(r.value!.faces).toHaveLength(1);
      embeddings.push(r.value!.faces[0]!.embedding!);
    }
    // Slightly different keypoints, same person: far above the 1 % false-accept threshold.
    expect(cosine(embeddings[0]!, embeddings[1]!)).toBeGreaterThan(
      defaultEmbedder.thresholds.similarityAtFar['0.01'],
    );
  });

  test('a frame with no face gives no face, and never a vector', async ({ harness }) => {
    await harness.evaluate(() => window.facegate.init({ backends: ['wasm'] }));
    const r = await harness.evaluate(() => window.facegate.analyzeSolid(320, 240, 128));
    expect(r.value!.faces).toEqual([]);
  });

  test('frames over 4096 px are scaled down first; boxes come back in the caller’s pixels', async ({
    harness,
  }) => {
    await harness.evaluate(() => window.facegate.init({ backends: ['wasm'] }));
    const small = await harness.evaluate(
      (u) => window.facegate.analyzeUrl(u),
      faceUrl(samplePhotos[0]!),
    );
    const large = await harness.evaluate(
      (u) => window.facegate.analyzeEnlarged(u, 6000, 6000),
      faceUrl(samplePhotos[0]!),
    );
    expect(large.error).toBeUndefined();
    expect(large.value!.frameWidth).toBe(6000);
    const k = 6000 / 150;
    const a = small.value!.faces[0]!.box;
    const b = large.value!.faces[0]!.box;
    expect(Math.abs(b.x / k - a.x)).toBeLessThan(6);
    expect(Math.abs(b.width / k - a.width)).toBeLessThan(8);
  });

  test('a request abandoned through its AbortSignal rejects as aborted', async ({ harness }) => {
    await harness.evaluate(() => window.facegate.init({ backends: ['wasm'] }));
    const r = await harness.evaluate(
      (u) => window.facegate.analyzeAbortedAfter(u, 0),
      faceUrl(samplePhotos[0]!),
    );
    expect(r.error?.code).toBe('aborted');
    // The engine still answers afterwards.
    const again = await harness.evaluate(
      (u) => window.facegate.analyzeUrl(u),
      faceUrl(samplePhotos[1]!),
    );
    expect(again.value!.faces).toHaveLength(1);
  });

  test('malformed messages are refused with invalid-request', async ({ harness }) => {
    for (const options of [
      { backends: ['cuda'] },
      { detectorRange: 'far' },
      { minDetectionScore: Number.NaN },
      { unknownOption: true },
      'not an object',
    ]) {
      const r = await harness.evaluate((o) => window.facegate.initUnchecked(o), options);
      expect(r.error?.code, JSON.stringify(options)).toBe('invalid-request');
    }
    const notReady = await harness.evaluate(
      (u) => window.facegate.analyzeUrl(u),
      faceUrl(samplePhotos[0]!),
    );
    expect(notReady.error?.code).toBe('not-ready');
  });

  test('a model file changed by one byte is refused', async ({ harness }) => {
    const target = defaultEmbedder.files[1]!.path;
    await harness.route(`**/${target}`, async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      const middle = body.length >> 1;
      body[middle] = body[middle]! ^ 0x01;
      await route.fulfill({ response, body });
    });
    const r = await harness.evaluate(() => window.facegate.init({ backends: ['wasm'] }));
    expect(r.error?.code).toBe('model-integrity');
    expect(r.error?.message).toContain(target);
  });

  test('a passive liveness model changed by one byte is refused too', async ({ harness }) => {
    for (const model of manifestJson.passiveLiveness) {
      const target = model.files[1]!.path;
      await harness.route(`**/${target}`, async (route) => {
        const response = await route.fetch();
        const body = Buffer.from(await response.body());
        body[0] = body[0]! ^ 0x01;
        await route.fulfill({ response, body });
      });
      const r = await harness.evaluate(() => window.facegate.init({ backends: ['wasm'] }));
      expect(r.error?.code, target).toBe('model-integrity');
      expect(r.error?.message).toContain(target);
      await harness.unroute(`**/${target}`);
    }
  });

  test('an embedded face gets the passive liveness scores when asked, each in [0, 1]', async ({
    harness,
  }) => {
    await harness.evaluate(() => window.facegate.init({ backends: ['wasm'] }));
    const r = await harness.evaluate(
      (u) => window.facegate.analyzeUrl(u, { embed: 'largest', passiveLiveness: true }),
      faceUrl(samplePhotos[0]!),
    );
    const scores = r.value!.faces[0]!.livenessScores!;
    expect(Object.keys(scores).sort()).toEqual(
      manifestJson.passiveLiveness.map((m) => m.id).sort(),
    );
    for (const value of Object.values(scores)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    // Scoring leaves no tensor behind.
    const options = { embed: 'largest' as const, passiveLiveness: true };
    const url = faceUrl(samplePhotos[0]!);
    const before = (await harness.evaluate(() => window.facegate.memory())).value!;
    await harness.evaluate(([u, o]) => window.facegate.repeat(u, 50, o), [url, options] as const);
    const after = (await harness.evaluate(() => window.facegate.memory())).value!;
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);

    // Only when asked: enrolment and identification do not pay for them.
    for (const options of [
      { embed: 'largest' as const },
      { embed: 'none' as const, passiveLiveness: true },
    ]) {
      const other = await harness.evaluate(([u, o]) => window.facegate.analyzeUrl(u, o), [
        faceUrl(samplePhotos[0]!),
        options,
      ] as const);
      expect(other.value!.faces[0]!.livenessScores).toBeNull();
    }
  });

  test('WASM and WebGL give the same embeddings (cosine ≥ 0.999)', async ({ harness }) => {
    const byBackend: Record<string, (number[] | null)[]> = {};
    for (const backend of ['wasm', 'webgl'] as const) {
      const init = await harness.evaluate((b) => window.facegate.init({ backends: [b] }), backend);
      expect(init.value?.backend, JSON.stringify(init.error)).toBe(backend);
      const embedded = await embedPhotos(harness, samplePhotos);
      byBackend[backend] = samplePhotos.map((p) => embedded.get(p)!.embedding);
    }
    samplePhotos.forEach((photo, i) => {
      const a = byBackend.wasm![i]!;
      const b = byBackend.webgl![i]!;
      expect(cosine(a, b), photo).toBeGreaterThanOrEqual(0.999);
    });
  });

  test('the tensor count stays flat over 1,000 frames', async ({ harness }) => {
    await harness.evaluate(() => window.facegate.init({ backends: ['wasm'] }));
    const url = faceUrl(samplePhotos[0]!);
    await harness.evaluate((u) => window.facegate.repeat(u, 5), url);
    const before = (await harness.evaluate(() => window.facegate.memory())).value!;
    const run = await harness.evaluate((u) => window.facegate.repeat(u, 1000), url);
    expect(run.value).toHaveLength(1000);
    expect(run.value!.every((t) => t.totalMs > 0)).toBe(true);
    const after = (await harness.evaluate(() => window.facegate.memory())).value!;
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
  });

  test('on LFW dev-test pairs, accuracy at the calibrated threshold holds', async ({
    harness,
    lfwDir,
  }) => {
    test.setTimeout(15 * 60_000);
    const init = await harness.evaluate(() => window.facegate.init({ backends: ['wasm'] }));
    expect(init.value?.backend).toBe('wasm');
    const parsed = parsePairs(await readFile(join(lfwDir, 'pairsDevTest.txt'), 'utf8'));
    const { usable: pairs, missing } = pairsWithPhotos(parsed.pairs, (p) =>
      existsSync(join(lfwDir, 'images', p)),
    );
    // The public copy of the set lacks one photo, and so one pair; no more.
    expect(missing.length).toBeLessThanOrEqual(1);
    const photos = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
    const embedded = await embedPhotos(harness, photos);

    // No NaN, zero or non-unit vector left the worker for any of these photos.
    for (const [photo, e] of embedded) {
      if (!e.embedding) continue;
      expect(e.embedding.every(Number.isFinite), photo).toBe(true);
      expect(Math.abs(Math.hypot(...e.embedding) - 1), photo).toBeLessThan(1e-4);
    }
    const scored = pairs.map((p) => {
      const a = embedded.get(p.a)!.embedding;
      const b = embedded.get(p.b)!.embedding;
      return { similarity: a && b ? cosine(a, b) : -Infinity, samePerson: p.same };
    });
    const accuracy = accuracyAt(scored, defaultEmbedder.thresholds.bestAccuracy);
    expect(accuracy).toBeGreaterThanOrEqual(defaultEmbedder.evaluation.accuracy - 0.01);
  });
});
