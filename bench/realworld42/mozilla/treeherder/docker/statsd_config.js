{
  debug: true,
  healthStatus: true,
  dumpMessages: true,
  port: 8125,
  // InfluxDB backend should be added to read stats
  backends: []
}
