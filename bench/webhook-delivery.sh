#!/usr/bin/env bash
# Webhook delivery, one run: (1) throughput — a backlog of events made while no dispatcher runs is drained by one
# dispatcher instance into one local receiver (events/s from first to last delivery); (2) delay — events made at a
# steady rate while the dispatcher runs, delay from the change (the event's `created`) to its arrival at the
# receiver (median, p90, p99). The receiver checks every signature.
# Usage: bench/webhook-delivery.sh [backlog events, default 3000] [steady events, default 1000] [rate/s, default 50]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
BACKLOG=${1:-3000}
STEADY=${2:-1000}
RATE=${3:-50}
RECEIVER=28180
TOOL="python3 bench/webhook_tool.py"

build_and_start_stack
# the API instance makes events but does not dispatch them; the dispatcher instance does only that
# Extra -D settings for both instances come from MEDIAWERK_OPTS
# shellcheck disable=SC2086
start_app $HTTP 512m "$WORK/api.log" -Dmp.messaging.incoming.events.enabled=false ${MEDIAWERK_OPTS:-}
new_project

rm -f "$WORK/receiver.log" "$WORK/secret"
touch "$WORK/secret"
$TOOL receive $RECEIVER "$WORK/secret" "$WORK/receiver.log" &
PIDS+=($!)
curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER/hook\",\"events\":[\"media.updated\"]}" \
  "http://127.0.0.1:$HTTP/webhooks" | json "['data']['secret']" > "$WORK/secret"
UPLOAD=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{}' \
  "http://127.0.0.1:$HTTP/uploads" | json "['data']['url']")
ffmpeg -loglevel error -y -f lavfi -i color=c=blue:s=64x64 -frames:v 1 "$WORK/image.png"
MEDIA=$(curl -sf -H 'Content-Type: image/png' --data-binary "@$WORK/image.png" "$UPLOAD" | json "['data']['id']")

echo "== throughput: $BACKLOG events waiting, then one dispatcher starts"
$TOOL touch $HTTP "$KEY" "$MEDIA" 0 "$BACKLOG" 0 4
start_app $((HTTP + 1)) 512m "$WORK/dispatcher.log" -Dmp.messaging.incoming.ingest.enabled=false \
  -Dmp.messaging.incoming.transforms.enabled=false ${MEDIAWERK_OPTS:-}
for _ in $(seq 600); do
  [ "$($TOOL count "$WORK/receiver.log" 0 "$BACKLOG")" -ge "$BACKLOG" ] && break; sleep 1
done
$TOOL report "$WORK/receiver.log" 0 "$BACKLOG" throughput

echo "== delay: $STEADY events at $RATE/s while the dispatcher runs"
$TOOL touch $HTTP "$KEY" "$MEDIA" "$BACKLOG" "$STEADY" "$RATE" 4
END=$((BACKLOG + STEADY))
for _ in $(seq 120); do
  [ "$($TOOL count "$WORK/receiver.log" "$BACKLOG" $END)" -ge "$STEADY" ] && break; sleep 1
done
$TOOL report "$WORK/receiver.log" "$BACKLOG" $END delay
sleep 1
echo "  dispatcher after the run: $(curl -s "http://127.0.0.1:$((HTTP + 1))/q/metrics" | grep -E '^mediawerk_webhook_deliveries_in_flight')"

if command -v psql > /dev/null; then
  echo "  where the delay goes (median / p99 ms, from the database):"
  psql -h 127.0.0.1 -p $PG -U postgres -d postgres -At -F ' ' <<SQL
with steady as (
  select d.id, (d.payload::json->>'created')::timestamptz as changed, d.created as fanned_out,
         min(a.attempted) as sent, (array_agg(a.duration_ms order by a.id))[1] as post_ms
  from webhook_deliveries d join webhook_attempts a on a.delivery_id = d.id
  where (d.payload::json->'data'->'object'->'metadata'->>'n')::int >= $BACKLOG
  group by d.id)
select '    change -> delivery made (outbox, Kafka, fan-out):',
       round(percentile_cont(0.5) within group (order by extract(epoch from fanned_out - changed) * 1000)),
       round(percentile_cont(0.99) within group (order by extract(epoch from fanned_out - changed) * 1000))
from steady
union all
select '    delivery made -> POST started (claim):',
       round(percentile_cont(0.5) within group (order by extract(epoch from sent - fanned_out) * 1000)),
       round(percentile_cont(0.99) within group (order by extract(epoch from sent - fanned_out) * 1000))
from steady
union all
select '    POST (receiver answer):',
       round(percentile_cont(0.5) within group (order by post_ms)),
       round(percentile_cont(0.99) within group (order by post_ms))
from steady;
SQL
fi
