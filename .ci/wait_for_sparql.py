"""Wait until a SPARQL endpoint answers a query with rows, or give up.

    python3 .ci/wait_for_sparql.py URL SECONDS PID

Polls URL (GET ?query=…, JSON results) every second; exits 0 and prints
the time to the first answer when it has rows, 1 when SECONDS pass, the
process PID (the server) ends, or the answer has no rows. Standard
library only.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

QUERY = "SELECT ?obs WHERE { ?obs a <http://purl.org/linked-data/cube#Observation> } LIMIT 5"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def main(url: str, seconds: float, pid: int) -> int:
    start = time.monotonic()
    target = f"{url}?{urllib.parse.urlencode({'query': QUERY})}"
    request = urllib.request.Request(target, headers={"Accept": "application/sparql-results+json"})
    while time.monotonic() - start < seconds:
        if not _alive(pid):
            print(f"the server (PID {pid}) ended before it answered", file=sys.stderr)
            return 1
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                rows = json.load(response)["results"]["bindings"]
        except urllib.error.HTTPError as exc:
            print(f"{url} answered {exc.code}: {exc.read()[:500]!r}", file=sys.stderr)
            return 1
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(1)
            continue
        waited = time.monotonic() - start
        if not rows:
            print(f"{url} answered after {waited:.1f} s with no rows", file=sys.stderr)
            return 1
        print(f"{url} answered after {waited:.1f} s with {len(rows)} rows")
        return 0
    print(f"{url} did not answer within {seconds:.0f} s", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2]), int(sys.argv[3])))
