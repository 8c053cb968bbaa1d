# Shared by the indicators dashboard load tests (sourced, not run): starting the published app, signing an account
# in through the real pages, and one wrk measurement. Expects $work (a scratch folder with the app published in
# $work/app), wrk-lib.sh sourced before it, and for run: $threads, $connections, $duration and $cookie.
# The app runs in Production with the API's rate limit raised (Security__ApiPermitsPerMinute): all load comes from one
# address, which the production limit (600 a minute) would answer with 429. Raised to 10^9 a minute: at 200
# connections the search API answered 29,000 requests a second, past a million a minute.

declare -F measure >/dev/null || { echo "dashboard-lib.sh: source wrk-lib.sh first (it counts every answer by status)" >&2; exit 1; }

form_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

start_app() { # port -> sets $base and $server, returns once the app answers
  base="http://127.0.0.1:$1"
  Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production Security__SecureCookies=false Security__ApiPermitsPerMinute=1000000000 \
    dotnet "$work/app/Movilidad.Web.dll" --urls "$base" >"$work/server.log" 2>&1 &
  server=$!
  # The first start migrates and loads the shipped content: on a loaded machine that takes minutes, so wait up to
  # START_SECONDS (default 600) and stop the script, rather than go on against an app that never answered.
  local waited=0
  until curl -sf "$base/health" >/dev/null; do
    sleep 1; waited=$((waited + 1))
    [ "$waited" -lt "${START_SECONDS:-600}" ] || { echo "the app did not answer /health within ${START_SECONDS:-600} s; see $work/server.log" >&2; tail -n 20 "$work/server.log" >&2; exit 1; }
  done
}

seeded_app() { # port [postgres connection string] -> publishes the app and the command line into $work, seeds the realistic
  # synthetic plan (PostgreSQL as given, else SQLite in $work/db), starts the app in Production and signs an observer in
  # through the real pages; sets $label, $base, $server and $cookie (see start_app and sign_in)
  local port=$1 postgres=${2:-} database email link
  dotnet publish src/Movilidad.Web -c Release -o "$work/app" -nologo -v q >/dev/null
  dotnet publish src/Movilidad.Cli -c Release -o "$work/cli" -nologo -v q >/dev/null
  if [ -n "$postgres" ]; then
    export Database__Provider=Postgres ConnectionStrings__Movilidad="$postgres"
    database=(--database "$postgres" --provider Postgres)
    label=PostgreSQL
  else
    mkdir -p "$work/db"
    export Database__DataDirectory="$work/db"
    database=(--database "$work/db/movilidad.db")
    label=SQLite
  fi
  (cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" seed --synthetic realistic --seed 1 "${database[@]}" | tail -n 1)
  email="bench-$$@example.org"
  link=$(cd src/Movilidad.Web && dotnet "$work/cli/movilidad.dll" users add --email "$email" --role observer --base-url "http://127.0.0.1:$port" "${database[@]}" | grep '/account/reset')
  start_app "$port"
  sign_in "$link" "$email"
}

sign_in() { # one-time link, email -> chooses a password, signs in; sets $jar (curl cookies) and $cookie (for wrk)
  jar="$work/cookies"
  local password="bench password $$ long enough" token
  token=$(curl -sf -c "$jar" -b "$jar" "$1" | form_token)
  curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Password=$password" "$1"
  token=$(curl -sf -c "$jar" -b "$jar" "$base/account/sign-in" | form_token)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Email=$2" --data-urlencode "Password=$password" "$base/account/sign-in"
  cookie=$(awk '$6=="movilidad.auth" {print "movilidad.auth=" $7}' "$jar")
  [ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
}

run() { # name url -> one line (see measure in wrk-lib.sh), signed in with $cookie
  measure "$1" "$2" -H "Cookie: $cookie"
}
