// The console's one way to call the API: the key from sessionStorage, the envelope unwrapped, errors as ApiError.
const KEY = 'mediawerk.key';

export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message ?? `The API answered ${status}.`);
    this.status = status;
    this.code = error?.code;
    this.param = error?.param;
  }
}

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => sessionStorage.setItem(KEY, key.trim()),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** Calls the API; resolves to the whole envelope ({meta, data, links}), rejects with ApiError. */
export async function call(method, path, body) {
  const headers = { Authorization: `Bearer ${session.key()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const answer = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await answer.text();
  const json = text ? JSON.parse(text) : {};
  if (!answer.ok) throw new ApiError(answer.status, json.error);
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body = {}) => call('POST', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const remove = (path) => call('DELETE', path);

/** The path and query of a link the API gave (links are absolute URLs). */
export const pathOf = (link) => {
  const url = new URL(link, location.origin);
  return url.pathname + url.search;
};

const CHUNK = 8 * 1024 * 1024;

/**
 * Sends a file to a new upload URL in 8 MiB chunks with Content-Range; onProgress(sent, total). After a dropped
 * connection it asks the URL how much arrived and goes on from there (three tries per chunk). Resolves to the media.
 */
export async function upload(file, onProgress) {
  const url = (await post('/uploads', {})).data.url;
  let offset = 0;
  for (let tries = 0; ; ) {
    const end = Math.min(offset + CHUNK, file.size);
    try {
      const answer = await sendChunk(url, file, offset, end, (sent) => onProgress(offset + sent, file.size));
      if (answer.status === 201) {
        onProgress(file.size, file.size);
        return answer.json.data;
      }
      if (answer.status !== 202) throw new ApiError(answer.status, answer.json?.error);
      offset = end;
      tries = 0;
    } catch (e) {
      if (e instanceof ApiError || ++tries > 3) throw e;
      await new Promise((resolve) => setTimeout(resolve, 1000 * tries));
      offset = await arrived(url);
    }
  }
}

function sendChunk(url, file, start, end, onSent) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    if (file.size > 0) xhr.setRequestHeader('Content-Range', `bytes ${start}-${end - 1}/${file.size}`);
    xhr.upload.onprogress = (e) => onSent(e.loaded);
    xhr.onload = () => {
      let json = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch (ignored) {
        // an answer without a body
      }
      resolve({ status: xhr.status, json });
    };
    xhr.onerror = () => reject(new Error('The connection dropped.'));
    xhr.send(file.slice(start, end));
  });
}

async function arrived(url) {
  const answer = await fetch(url);
  if (!answer.ok) throw new ApiError(answer.status, (await answer.json()).error);
  return Number(answer.headers.get('Upload-Offset') ?? 0);
}
