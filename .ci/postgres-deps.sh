# Sourced by .ci/run: installs and starts a PostgreSQL server on loopback for
# the store's PostgreSQL tests, and exports its DSN.
apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends postgresql >/dev/null
pgver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$pgver main"; then
  pg_createcluster "$pgver" main >/dev/null
fi
# Room for the tests' connections: three serve processes of 16 each, the
# store suite and the web suite run in parallel packages.
if ! grep -q '^max_connections = 300' "/etc/postgresql/$pgver/main/conf.d/factdeck.conf" 2>/dev/null; then
  mkdir -p "/etc/postgresql/$pgver/main/conf.d"
  echo 'max_connections = 300' > "/etc/postgresql/$pgver/main/conf.d/factdeck.conf"
  pg_ctlcluster "$pgver" main stop 2>/dev/null || true
fi
pg_ctlcluster "$pgver" main start || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
su postgres -c "psql -q -h 127.0.0.1 -c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='factdeck') THEN CREATE ROLE factdeck LOGIN PASSWORD 'factdeck'; END IF; END\\\$\\\$;\"" 2>/dev/null \
  || su postgres -c "psql -q -c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='factdeck') THEN CREATE ROLE factdeck LOGIN PASSWORD 'factdeck'; END IF; END\\\$\\\$;\""
# CREATEDB: the multi-instance test makes and drops databases of its own.
su postgres -c "psql -q -c 'ALTER ROLE factdeck CREATEDB'"
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='factdeck_test'\" | grep -q 1 || createdb -O factdeck factdeck_test"
export FACTDECK_TEST_POSTGRES="postgres://factdeck:factdeck@127.0.0.1:5432/factdeck_test?sslmode=disable"
echo "PostgreSQL $pgver ready: FACTDECK_TEST_POSTGRES set"
