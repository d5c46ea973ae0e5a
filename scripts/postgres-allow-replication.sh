#!/bin/sh
# Run once by the postgres image when it creates the cluster (docker-compose.yml, profile postgres):
# lets a standby connect for streaming replication with the same password as the ledger user.
set -e
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
