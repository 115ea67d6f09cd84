# Start and stop a private Virtuoso 7 on 127.0.0.1 for the tests and benchmarks (sourced, not run).
#   virtuoso_start DIR   starts it with its own ini and database in DIR; sets VIRTUOSO_PID,
#                        VIRTUOSO_HTTP (base URL) and VIRTUOSO_ISQL (host:port); returns non-zero on failure
#   virtuoso_stop        stops it by PID

virtuoso_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

virtuoso_start() {
  local dir=$1
  mkdir -p "$dir/db" "$dir/www" "$dir/load"
  local sql_port http_port
  sql_port=$(virtuoso_free_port)
  http_port=$(virtuoso_free_port)
  cat > "$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = $dir/db/virtuoso.db
ErrorLogFile = $dir/db/virtuoso.log
LockFile = $dir/db/virtuoso.lck
TransactionFile = $dir/db/virtuoso.trx
xa_persistent_file = $dir/db/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $dir/db/virtuoso-temp.db
TransactionFile = $dir/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$sql_port
DisableUnixSocket = 1
DirsAllowed = ., $dir/load
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
CheckpointInterval = 0
CaseMode = 2

[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerRoot = $dir/www
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
; Debian's default of 10000 rows silently truncates results.
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 0
INI
  virtuoso-t +configfile "$dir/virtuoso.ini" +foreground > "$dir/virtuoso.out" 2>&1 &
  VIRTUOSO_PID=$!
  VIRTUOSO_HTTP=http://127.0.0.1:$http_port
  VIRTUOSO_ISQL=127.0.0.1:$sql_port
  for _ in $(seq 1 60); do
    if curl -s -o /dev/null --max-time 2 "$VIRTUOSO_HTTP/sparql?query=ASK%7B%7D"; then
      isql-vt "$VIRTUOSO_ISQL" dba dba 'EXEC=GRANT SPARQL_UPDATE TO "SPARQL";' > /dev/null 2>&1
      return 0
    fi
    kill -0 "$VIRTUOSO_PID" 2>/dev/null || break
    sleep 1
  done
  echo "Virtuoso did not start; see $dir/virtuoso.out" >&2
  return 1
}

virtuoso_stop() {
  if [ -n "${VIRTUOSO_PID:-}" ]; then
    kill "$VIRTUOSO_PID" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$VIRTUOSO_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$VIRTUOSO_PID" 2>/dev/null
    VIRTUOSO_PID=
  fi
}
