// Jest globalTeardown: stop the private PostgreSQL cluster the global setup may have started.
const { stopPostgresForJest } = require('./postgres-cluster-for-jest');

module.exports = async function globalTeardown() {
  stopPostgresForJest();
};
