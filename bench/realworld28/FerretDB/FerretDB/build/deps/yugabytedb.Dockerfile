FROM yugabytedb/yugabyte:2025.2.0.0-b131
