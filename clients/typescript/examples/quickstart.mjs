// Uploads a small image, waits for it to be ready, makes a WebP of it and prints the new file's URL.
// Run from clients/typescript after `npm install`:
//   MEDIAWERK_BASE_URL=http://127.0.0.1:8080 MEDIAWERK_API_KEY=... node examples/quickstart.mjs [file]
// Exits non-zero on any failure.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Configuration, MediaApi, ResponseError, TransformsApi, UploadsApi } from '../dist/index.js';

const baseUrl = process.env.MEDIAWERK_BASE_URL;
const apiKey = process.env.MEDIAWERK_API_KEY;
if (!baseUrl || !apiKey) {
  console.error('Set MEDIAWERK_BASE_URL and MEDIAWERK_API_KEY.');
  process.exit(2);
}
const file = process.argv[2] ?? fileURLToPath(new URL('../../sample.png', import.meta.url));

const config = new Configuration({ basePath: baseUrl, accessToken: apiKey });
const uploads = new UploadsApi(config);
const media = new MediaApi(config);
const transforms = new TransformsApi(config);

async function waitFor(what, read, done, failed, seconds = 120) {
  for (const until = Date.now() + seconds * 1000; Date.now() < until; ) {
    const current = await read();
    if (done(current)) return current;
    if (failed(current)) throw new Error(`${what} failed: ${JSON.stringify(current.error ?? current.status)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what} did not finish within ${seconds} s`);
}

async function main() {
  // 1. a one-time upload URL, then the file's bytes to it (the URL carries its own token, no API key)
  const upload = (await uploads.createUploadUrl({ createUploadRequest: {} })).data;
  const put = await fetch(upload.url, { method: 'PUT', body: await readFile(file) });
  if (put.status !== 201) throw new Error(`upload answered ${put.status}: ${await put.text()}`);
  const mediaId = (await put.json()).data.id;
  console.log(`uploaded ${file} as ${mediaId}`);

  // 2. ready once stored and probed
  const ready = await waitFor(
    `media ${mediaId}`,
    async () => (await media.getMedia({ id: mediaId })).data,
    (m) => m.status === 'ready',
    (m) => m.status === 'failed',
  );
  console.log(`media ${mediaId} is ready: ${ready.width}x${ready.height}`);

  // 3. an image transform, followed until it completes
  const created = (
    await transforms.createTransform({
      createTransformRequest: { kind: 'image', mediaId, format: 'webp', width: 64, label: 'quickstart' },
    })
  ).data;
  const done = await waitFor(
    `transform ${created.id}`,
    async () => (await transforms.getTransform({ id: created.id })).data,
    (t) => t.status === 'completed',
    (t) => t.status === 'failed' || t.status === 'cancelled',
  );
  console.log(`transform ${done.id} completed: ${done.output.url}`);
}

main().catch(async (e) => {
  const detail = e instanceof ResponseError ? `${e.response.status} ${await e.response.text()}` : e.stack ?? e;
  console.error(`quickstart failed: ${detail}`);
  process.exit(1);
});
