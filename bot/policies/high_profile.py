"""The high-profile vulnerabilities: a short, fixed list of CVEs that made the news and are
known to be exploited (each is in CISA's Known Exploited Vulnerabilities catalogue, or was a
named, widely exploited bug), as Docker Scout keeps its own. An image holding any of them fails
the policy whatever its score says.

Maintained by hand: a CVE is added in a pull request that names it, when it is in CISA's KEV
catalogue and affects packages commonly found in container images (a distribution's libraries,
an interpreter's packages); none is ever removed, since old images keep them. Matched against
each advisory's id and aliases (a Debian DSA names the CVE it fixes).
"""
from __future__ import annotations

HIGH_PROFILE_CVES = {
    "CVE-2014-0160": "Heartbleed (OpenSSL)",
    "CVE-2014-6271": "Shellshock (bash)",
    "CVE-2021-3156": "Baron Samedit (sudo)",
    "CVE-2021-44228": "Log4Shell (log4j)",
    "CVE-2021-45046": "Log4Shell, second fix (log4j)",
    "CVE-2022-22965": "Spring4Shell (spring-beans)",
    "CVE-2022-3602": "OpenSSL X.509 punycode overflow",
    "CVE-2022-3786": "OpenSSL X.509 punycode overflow",
    "CVE-2023-38545": "curl SOCKS5 heap overflow",
    "CVE-2023-44487": "HTTP/2 Rapid Reset",
    "CVE-2023-4911": "Looney Tunables (glibc ld.so)",
    "CVE-2024-3094": "xz/liblzma backdoor",
    "CVE-2024-6387": "regreSSHion (OpenSSH)",
}
