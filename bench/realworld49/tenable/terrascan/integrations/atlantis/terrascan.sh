#   Copyright (C) 2022 Tenable, Inc.
#
#	  Licensed under the Apache License, Version 2.0 (the "License");
#   you may not use this file except in compliance with the License.
#   You may obtain a copy of the License at
#
#		http://www.apache.org/licenses/LICENSE-2.0
#
#	  Unless required by applicable law or agreed to in writing, software
#   distributed under the License is distributed on an "AS IS" BASIS,
#   WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
#   See the License for the specific language governing permissions and
#   limitations under the License.

#!/bin/bash

terrascan scan -i tfplan --iac-version v1 -f ${PLANFILE}.json -l error > output
exitcode=$?

if [[ ! $exitcode -eq 0 ]]; then
    echo
    echo '- Terrascan identified IAC policy violations:'
    echo
    echo 'Scan Results:'
    cat output
    echo
    echo '```'
    echo '</details>'
    echo '<p><strong>Further atlantis details below:</strong></p>'
    echo '<details>'
    echo
    echo '```diff'
    echo
fi

exit $exitcode
