#!/usr/bin/env bash
source /opt/startup/install_ca_certificates.sh

/azure-functions-host/Microsoft.Azure.WebJobs.Script.WebHost