"""`make bench`: the generator timing, then the link-checker benchmark; both update bench/README.md."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    for script in ("generate_bench.py", "linkcheck_bench.py"):
        subprocess.run([sys.executable, str(HERE / script), "--write-readme"], check=True)  # noqa: S603
