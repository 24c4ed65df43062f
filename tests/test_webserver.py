"""The Dagster UI's server, started on a free loopback port: its GraphQL API shows the asset
graph and the latest materialization of a run made in the same instance."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import dagster as dg

from pipeline.cli.run import materialize_all
from tests.conftest import BUNDLED_INBOX, BUNDLED_REFERENCE

GRAPH = "{ assetNodes { assetKey { path } groupName } }"
LATEST = '{ assetOrError(assetKey: {path: ["figures"]}) { ... on Asset { assetMaterializations(limit: 1) { runId } } } }'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["data"]


def test_graphql_shows_the_asset_graph_and_the_latest_materialization(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    shutil.copytree(BUNDLED_INBOX, tmp_path / "inbox")
    warehouse = tmp_path / "w" / "humstat.duckdb"
    env = {**os.environ, "DAGSTER_HOME": str(home), "HUMSTAT_WAREHOUSE": str(warehouse)}
    os.environ["DAGSTER_HOME"] = str(home)
    try:
        with dg.DagsterInstance.get() as instance:
            result = materialize_all(str(tmp_path / "inbox"), str(warehouse), str(BUNDLED_REFERENCE), instance=instance)
    finally:
        del os.environ["DAGSTER_HOME"]
    assert result.success
    port = free_port()
    server = subprocess.Popen(
        [os.path.join(os.path.dirname(sys.executable), "dagster-webserver"), "-h", "127.0.0.1", "-p", str(port), "-m", "assets.definitions"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        nodes = None
        while time.monotonic() < deadline and nodes is None:
            try:
                nodes = graphql(port, GRAPH)["assetNodes"]
            except OSError:
                time.sleep(0.5)
        assert nodes is not None, "the webserver did not answer within 90 s"
        groups = {"/".join(n["assetKey"]["path"]): n["groupName"] for n in nodes}
        assert groups["source_documents"] == "ingest" and groups["figures"] == "warehouse"
        assert groups["claim_checks"] == "trends" and groups["trend_report"] == "reports"
        latest = graphql(port, LATEST)["assetOrError"]["assetMaterializations"]
        assert [m["runId"] for m in latest] == [result.results[0].run_id]  # the batch run that loaded the figures
    finally:
        server.terminate()
        server.wait(timeout=30)
