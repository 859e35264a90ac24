"""A run without a configured Prefect server starts the embedded one by its command line and stops it at exit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from flows.settings import PROJECT_ROOT

SEED_ARTICLE = PROJECT_ROOT / "seeds" / "000_d6384df40f951bf6.txt"

_RUN = """
import json, sys
from flows import embedded_server
from flows.pipeline import news_etl
summary = news_etl(inputs=[sys.argv[1]], data_dir=sys.argv[2], workers=1)
servers = embedded_server._RUNNING
print(json.dumps({
    "batches": len(summary.batches),
    "documents": summary.documents_loaded,
    "server_code_imported": "prefect.server.api.server" in sys.modules,
    "servers": len(servers),
    "server_pid": servers[0].process.pid if servers else None,
    "answering": bool(servers) and servers[0].ready and servers[0].process.poll() is None,
}))
"""


def test_a_run_without_a_server_starts_the_embedded_one_without_importing_its_code(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED_ARTICLE, inputs)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120")
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(inputs), str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["batches"] == 1 and seen["documents"] == 1
    assert seen["server_code_imported"] is False  # the server runs as its own process only
    assert seen["servers"] == 1 and seen["answering"] is True
    # The flow run was recorded by that server (its database under PREFECT_HOME), and the server ended with the process.
    assert list((tmp_path / "prefect").glob("*.db"))
    assert not os.path.exists(f"/proc/{seen['server_pid']}") or _is_zombie(seen["server_pid"])


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
