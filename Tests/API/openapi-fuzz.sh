#!/usr/bin/env bash
# schemathesis against the desk's own OpenAPI document (/openapi.yaml): a real `shenbao serve` with a bureau, the
# administrator and an applicant signed in and one book read, every documented operation called with generated requests, a fixed seed and a
# bounded number of examples. Fails when any answer is a server error (5xx).
#   Tests/API/openapi-fuzz.sh [path/to/shenbao]     (default .build/debug/shenbao)
set -euo pipefail
BIN=${1:-.build/debug/shenbao}
EXAMPLES=${SHENBAO_FUZZ_EXAMPLES:-25}
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PASSWORD=fuzz-password-42
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT

SHENBAO_ADMIN_PASSWORD=$PASSWORD "$BIN" serve --data "$DATA" --templates Templates --create-admin admin >/dev/null
SHENBAO_BUREAU_PASSWORD=$PASSWORD SHENBAO_BUREAU_NAME=模糊测试经信局 SHENBAO_BUREAU_REGION=武汉市 \
  "$BIN" serve --data "$DATA" --templates Templates --create-bureau fuzz >/dev/null
"$BIN" serve --data "$DATA" --templates Templates --host 127.0.0.1 --port "$PORT" --jobs 1 > "$DATA/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/openapi.yaml" >/dev/null && break; sleep 0.1; done

# Signs in through the API; prints "COOKIE CSRF" for the generated requests to carry.
sign_in() {
  local answer
  answer=$(curl -sf -c "$DATA/cookies-$1" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/v1/session")
  echo "$(awk '$6 == "shenbao_session" { print $7 }' "$DATA/cookies-$1") $(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["csrfToken"])' "$answer")"
}
# Runs schemathesis with one account's session; signing out would end the session the rest of the run uses.
fuzz() {
  local session=$1 csrf=$2; shift 2
  python3 -m schemathesis.cli run "http://127.0.0.1:$PORT/openapi.yaml" \
    -H "Cookie: shenbao_session=$session" -H "X-CSRF-Token: $csrf" \
    --checks not_a_server_error --exclude-operation-id signOut \
    --max-examples "$EXAMPLES" --seed 20261204 --generation-deterministic --workers 1 --request-timeout 60 --no-color "$@"
}

# Both sign in first: the run's own failed sign-ins soon throttle this address (as they should).
read -r session csrf < <(sign_in fuzz)
read -r admin_session admin_csrf < <(sign_in admin)
# An applicant, with one application started, for the applicant's operations.
answer=$(curl -sf -c "$DATA/cookies-applicant" -H 'Content-Type: application/json' \
  -d "{\"uscc\":\"91420300NYQM61362U\",\"name\":\"十堰蓝海信息技术有限公司\",\"contact\":\"彭嘉霞 15446875432\",\"password\":\"$PASSWORD\"}" \
  "http://127.0.0.1:$PORT/api/v1/register")
applicant_session=$(awk '$6 == "shenbao_session" { print $7 }' "$DATA/cookies-applicant")
applicant_csrf=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["csrfToken"])' "$answer")
curl -sf -b "shenbao_session=$applicant_session" -H "X-CSRF-Token: $applicant_csrf" -H 'Content-Type: application/json' \
  -d '{"call":"hubei-industrial-model-2026"}' "http://127.0.0.1:$PORT/api/v1/applications" >/dev/null
# One real book in the inbox, so ids 1… name real rows.
book=$(ls Samples/hubei-industrial-model-2026/*.docx | head -1)
job=$(curl -sf -b "shenbao_session=$session" -H "X-CSRF-Token: $csrf" -F "files=@$book" "http://127.0.0.1:$PORT/api/v1/inboxes/1/upload")
id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$job")
for _ in $(seq 1 600); do
  curl -sf -b "shenbao_session=$session" "http://127.0.0.1:$PORT/api/v1/jobs/$id" | grep -q '"state":"waiting"' || break; sleep 0.2
done

echo "== as a bureau: every operation"
fuzz "$session" "$csrf"
echo "== as the administrator: the accounts"
fuzz "$admin_session" "$admin_csrf" --include-path-regex '/accounts'
echo "== as an applicant: the applications"
fuzz "$applicant_session" "$applicant_csrf" --include-path-regex '/applications'
kill -0 "$SERVER" || { echo "openapi-fuzz: the server died"; tail -20 "$DATA/serve.log"; exit 1; }
echo "openapi-fuzz: no server error, server still up"
