"""`nginx -t` on deploy/nginx.conf, the file docker-compose.yml mounts, on this machine.

The compose-only upstream host (`web`, which only Docker's DNS knows) and the container paths
are swapped for loopback ones by scripts/stack.py; everything else is checked as written.
"""

import shutil
import sys
import tempfile
from pathlib import Path

from stack import ROOT, nginx_test, render_nginx_conf


def main() -> int:
    directory = Path(tempfile.mkdtemp(prefix="talks-nginx-check-"))
    try:
        conf = render_nginx_conf(directory, 8205, "127.0.0.1:8105", ROOT / "static")
        result = nginx_test(conf)
        print(result.stderr.strip().replace(str(directory), "<tmp>"))
        return result.returncode
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
