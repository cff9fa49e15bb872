#!/usr/bin/env bash
# Intelligence timings: a 60 s 720p clip (six 10 s scenes, every other one a white card with text, a tone with
# pauses) is uploaded, then each kind Mediawerk runs itself is run on it, one after the other, on one worker
# (MEDIAWERK_INTELLIGENCE_CONCURRENCY=1); printed: each task's time from started to completed, as the API reports.
# Speech is not timed: its time is the provider's. Usage: bench/intelligence-timings.sh
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
build_and_start_stack
start_app $HTTP 1g "$WORK/app.log"
new_project

CLIP="$WORK/clip-60s-720p.mp4"
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
card() { echo "color=c=white:s=1280x720:r=25:d=10,drawtext=fontfile=$FONT:text='$1':fontsize=72:x=100:y=300"; }
ffmpeg -loglevel error -y \
  -f lavfi -i "testsrc2=s=1280x720:r=25:d=10" -f lavfi -i "$(card 'SCENE TWO')" \
  -f lavfi -i "testsrc2=s=1280x720:r=25:d=10,hue=h=90" -f lavfi -i "$(card 'SCENE FOUR')" \
  -f lavfi -i "testsrc2=s=1280x720:r=25:d=10,negate" -f lavfi -i "$(card 'SCENE SIX')" \
  -f lavfi -i "sine=frequency=440:duration=60,volume='if(lt(mod(t,10),8),1,0)':eval=frame" \
  -filter_complex "[0][1][2][3][4][5]concat=n=6:v=1:a=0[v]" -map "[v]" -map 6:a \
  -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -b:a 128k -movflags +faststart "$CLIP"

UPLOAD=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{}' \
  "http://127.0.0.1:$HTTP/uploads" | json "['data']['url']")
MEDIA=$(curl -sf -H 'Content-Type: video/mp4' --data-binary "@$CLIP" "$UPLOAD" | json "['data']['id']")
echo "media $MEDIA: 60 s, 1280x720, H.264/AAC"

for kind in audio_levels scenes text faces; do
  TASK=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d "{\"media_id\":\"$MEDIA\",\"kind\":\"$kind\"}" "http://127.0.0.1:$HTTP/intelligence" | json "['data']['id']")
  for _ in $(seq 600); do
    STATUS=$(curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$HTTP/intelligence/$TASK")
    case $(echo "$STATUS" | json "['data']['status']") in completed|failed) break ;; esac
    sleep 0.5
  done
  echo "$STATUS" | python3 -c "
import json, sys
from datetime import datetime
task = json.load(sys.stdin)['data']
t = lambda s: datetime.fromisoformat(s.replace('Z', '+00:00'))
took = (t(task['completed']) - t(task['started'])).total_seconds() if task['completed'] else float('nan')
result = task.get('result') or {}
found = {k: v for k, v in result.items() if k.endswith('_count') or k in ('integrated_lufs', 'clipping')}
print(f\"  {task['kind']:13} {task['status']:9} {took:6.2f} s   {found if task['status'] == 'completed' else task['error']}\")"
done
