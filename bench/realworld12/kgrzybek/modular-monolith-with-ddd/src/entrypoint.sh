#!/bin/bash
echo "Waiting 60 seconds to start backend"

sleep 60;

echo "Backend starting..."

dotnet CompanyName.MyMeetings.API.dll