"""Uploads a small image, waits for it to be ready, makes a WebP of it and prints the new file's URL.

Run from clients/python (after `pip install .`, or with PYTHONPATH=.):
    MEDIAWERK_BASE_URL=http://127.0.0.1:8080 MEDIAWERK_API_KEY=... python3 examples/quickstart.py [file]
Exits non-zero on any failure.
"""

import os
import sys
import time
import urllib.request
from pathlib import Path

import mediawerk
from mediawerk.exceptions import ApiException


def wait_for(what, read, done, failed, seconds=120):
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        current = read()
        if done(current):
            return current
        if failed(current):
            raise RuntimeError(f"{what} failed: {current.error or current.status}")
        time.sleep(0.5)
    raise RuntimeError(f"{what} did not finish within {seconds} s")


def main():
    base_url = os.environ.get("MEDIAWERK_BASE_URL")
    api_key = os.environ.get("MEDIAWERK_API_KEY")
    if not base_url or not api_key:
        print("Set MEDIAWERK_BASE_URL and MEDIAWERK_API_KEY.", file=sys.stderr)
        return 2
    file = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "sample.png"

    client = mediawerk.ApiClient(mediawerk.Configuration(host=base_url, access_token=api_key))
    uploads = mediawerk.UploadsApi(client)
    media = mediawerk.MediaApi(client)
    transforms = mediawerk.TransformsApi(client)

    # 1. a one-time upload URL, then the file's bytes to it (the URL carries its own token, no API key)
    upload = uploads.create_upload_url(mediawerk.CreateUploadRequest()).data
    request = urllib.request.Request(upload.url, data=file.read_bytes(), method="PUT")
    with urllib.request.urlopen(request) as answer:
        if answer.status != 201:
            raise RuntimeError(f"upload answered {answer.status}")
        media_id = mediawerk.MediaResponse.from_json(answer.read()).data.id
    print(f"uploaded {file} as {media_id}")

    # 2. ready once stored and probed
    ready = wait_for(
        f"media {media_id}",
        lambda: media.get_media(media_id).data,
        lambda m: m.status == "ready",
        lambda m: m.status == "failed",
    )
    print(f"media {media_id} is ready: {ready.width}x{ready.height}")

    # 3. an image transform, followed until it completes
    body = mediawerk.CreateTransformRequest(
        mediawerk.ImageTransform(kind="image", media_id=media_id, format="webp", width=mediawerk.ImageTransformWidth(64), label="quickstart")
    )
    created = transforms.create_transform(body).data
    done = wait_for(
        f"transform {created.id}",
        lambda: transforms.get_transform(created.id).data,
        lambda t: t.status == "completed",
        lambda t: t.status in ("failed", "cancelled"),
    )
    print(f"transform {done.id} completed: {done.output.url}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ApiException as e:
        print(f"quickstart failed: {e.status} {e.body}", file=sys.stderr)
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - any failure ends the example with a message and status 1
        print(f"quickstart failed: {e!r}", file=sys.stderr)
        sys.exit(1)
