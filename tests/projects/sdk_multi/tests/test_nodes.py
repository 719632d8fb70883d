"""Written as for Flow-Like's Python template: Context, ExecutionInput and
MockHostBridge from the SDK. `mpnode test` runs each `run` inside the
built module; `--compare` also under CPython."""

import pytest
from sdk import Context, ExecutionInput, MockHostBridge

from nodes import get_definitions, run


def make(inputs, host=None):
    return Context(ExecutionInput(inputs=inputs, node_name=""), host or MockHostBridge())


def test_definitions():
    names = [d.name for d in get_definitions()]
    assert names == ["tt_shout", "tt_count"]


def test_shout():
    host = MockHostBridge()
    result = run("tt_shout", make({"text": "héllo"}, host))
    assert result.error is None
    assert result.outputs == {"loud": "HÉLLO!"}
    assert result.activate_exec == ["exec_out"]
    assert (1, "shouted 5 characters") in host.logs


def test_count_words():
    result = run("tt_count", make({"text": "a b  c\u00a0d"}))
    assert result.outputs["words"] == 4


def test_unknown_node_fails():
    result = run("nope", make({}))
    assert result.error == "unknown node nope"
    assert result.activate_exec == []


@pytest.mark.cpython
def test_under_cpython_only():
    assert run("tt_count", make({"text": "x y"})).outputs["words"] == 2
