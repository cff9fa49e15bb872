#!/usr/bin/env bash
# Workflow overhead: what a run adds to the work of its steps. A workflow of a chain of image steps (each reads
# the previous one's output: png 64 px -> 60 -> 56 -> 52 -> 48) runs on N uploads of a small PNG, one upload after
# the other finishes, on one instance (api + worker). Printed: from the media being ready to the first step's task
# starting on a worker, and from each step's task completing to the next step's task starting (outbox relay, Kafka,
# claim), median / p90 / max over all runs. Usage: bench/workflow-overhead.sh [uploads (20)]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-20}

source bench/lib.sh
build_and_start_stack
start_app $HTTP 1g "$WORK/app.log"
new_project
api() { curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$@"; }

PNG="$WORK/small.png"
ffmpeg -loglevel error -y -f lavfi -i "testsrc2=s=320x240:d=1" -frames:v 1 "$PNG"
WORKFLOW=$(api -d '{"name": "chain", "steps": [
  {"kind": "image", "label": "s1", "format": "png", "width": 64},
  {"kind": "image", "label": "s2", "format": "png", "width": 60, "input": "s1"},
  {"kind": "image", "label": "s3", "format": "png", "width": 56, "input": "s2"},
  {"kind": "image", "label": "s4", "format": "png", "width": 52, "input": "s3"},
  {"kind": "image", "label": "s5", "format": "png", "width": 48, "input": "s4"}]}' \
  "http://127.0.0.1:$HTTP/workflows" | json "['data']['id']")

: > "$WORK/runs.jsonl"
for i in $(seq "$RUNS"); do
  UPLOAD=$(api -d "{\"workflow_id\": \"$WORKFLOW\"}" "http://127.0.0.1:$HTTP/uploads" | json "['data']['url']")
  MEDIA=$(curl -sf -H 'Content-Type: image/png' --data-binary "@$PNG" "$UPLOAD" | json "['data']['id']")
  RUN=$(api "http://127.0.0.1:$HTTP/workflows/$WORKFLOW/runs?media_id=$MEDIA" | json "['data'][0]['id']")
  for _ in $(seq 600); do
    STATUS=$(api "http://127.0.0.1:$HTTP/workflows/$WORKFLOW/runs/$RUN" | json "['data']['status']")
    [ "$STATUS" != running ] && break
    sleep 0.2
  done
  [ "$STATUS" = completed ] || { echo "run $RUN ended $STATUS"; exit 1; }
  RUN_JSON=$(api "http://127.0.0.1:$HTTP/workflows/$WORKFLOW/runs/$RUN")
  MEDIA_JSON=$(api "http://127.0.0.1:$HTTP/media/$MEDIA")
  TASKS=$(for task in $(echo "$RUN_JSON" | json "['data']['steps']" | python3 -c "
import ast, sys
print(' '.join(step['task_id'] for step in ast.literal_eval(sys.stdin.read())))"); do
    api "http://127.0.0.1:$HTTP/transforms/$task"; echo; done | python3 -c "
import json, sys
print(json.dumps([json.loads(line)['data'] for line in sys.stdin if line.strip()]))")
  python3 -c "
import json, sys
print(json.dumps({'run': json.loads(sys.argv[1])['data'], 'media': json.loads(sys.argv[2])['data'],
                  'tasks': json.loads(sys.argv[3])}))" "$RUN_JSON" "$MEDIA_JSON" "$TASKS" >> "$WORK/runs.jsonl"
done

python3 - "$WORK/runs.jsonl" <<'PY'
import json, sys
from datetime import datetime
t = lambda s: datetime.fromisoformat(s.replace('Z', '+00:00'))
first, handoffs, totals = [], [], []
for line in open(sys.argv[1]):
    run = json.loads(line)
    tasks = run['tasks']
    first.append((t(tasks[0]['started']) - t(run['run']['created'])).total_seconds() * 1000)
    for before, after in zip(tasks, tasks[1:]):
        handoffs.append((t(after['started']) - t(before['completed'])).total_seconds() * 1000)
    totals.append((t(run['run']['completed']) - t(run['run']['created'])).total_seconds() * 1000)
def line(name, values):
    values = sorted(values)
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    print(f"  {name:44} median {pick(0.5):6.0f} ms   p90 {pick(0.9):6.0f} ms   max {values[-1]:6.0f} ms")
print(f"{len(totals)} runs of 5 chained image steps")
line('media ready -> first step started', first)
line('step completed -> next step started', handoffs)
line('run: media ready -> run completed', totals)
PY
