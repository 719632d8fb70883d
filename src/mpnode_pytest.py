"""mpnode's pytest plugin: the node's calls run inside the module that
`mpnode build` writes, under wasmi with the run's limits.

`mpnode test` loads it (``-p mpnode_pytest``) with these variables set:

- ``MPNODE_BIN``: the mpnode binary; ``MPNODE_WASM``: the built module;
- ``MPNODE_NODE_MODULE``: the node's module name (``node`` for node.py);
- ``MPNODE_COMPARE=1`` for ``--compare``: every call runs under CPython
  and in the module, and any difference fails the test;
- ``MPNODE_LIMITS``: extra ``mpnode serve`` flags (``--memory 64MiB``).

The node module's ``run``, ``get_definition``, ``get_definitions``,
``get_node`` and ``get_nodes`` are replaced, on import, by functions that
call the module through ``mpnode serve``. A test marked
``@pytest.mark.cpython`` runs the node's own functions under CPython.
Definitions are data: they are computed under CPython (so a test gets the
``sdk`` objects it expects) and checked equal to the module's.
"""

import json
import os
import subprocess
import sys

import pytest

_LEVELS = {"trace": 0, "debug": 0, "info": 1, "warn": 2, "warning": 2, "error": 3, "fatal": 4}
_server = None
_mode = "module"
_differences = []


class NodeError(Exception):
    """The node raised inside the module: the message is its traceback."""


class ModuleHostError(Exception):
    """mpnode could not run the module (it did not load, a limit, ...)."""


def _serve():
    global _server
    if _server is None or _server.poll() is not None:
        cmd = [os.environ["MPNODE_BIN"], "serve", os.environ["MPNODE_WASM"]]
        cmd += os.environ.get("MPNODE_LIMITS", "").split()
        _server = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
    return _server


def _call(request):
    server = _serve()
    server.stdin.write(json.dumps(request) + "\n")
    server.stdin.flush()
    line = server.stdout.readline()
    if not line:
        raise ModuleHostError("mpnode serve stopped (exit status %s)" % server.wait())
    response = json.loads(line)
    if not response.get("ok"):
        raise ModuleHostError(response.get("error"))
    return response


def _sdk_of(module):
    for name in ("ExecutionResult",):
        if hasattr(module, name):
            return module
    for candidate in ("sdk", "flow_like_wasm_sdk"):
        if candidate in sys.modules:
            return sys.modules[candidate]
    import sdk  # noqa: F401 - the node's SDK, as the test imports it

    return sys.modules["sdk"]


def _envelope_of(ctx, node_name):
    """A Flow-Like run envelope from a seed-style context dict or an SDK
    ``Context`` (its ``ExecutionInput``)."""
    if isinstance(ctx, dict):
        envelope = {"inputs": {}, "node_id": "", "run_id": "", "app_id": "", "board_id": "", "user_id": "",
                    "stream_state": False, "log_level": 0, "node_name": node_name or ""}
        envelope.update(ctx)
        return envelope
    ei = getattr(ctx, "_input", None)
    if ei is None:
        raise TypeError("mpnode test: run() got %r, not a Context or a context dict" % type(ctx).__name__)
    envelope = {key: getattr(ei, key) for key in
                ("inputs", "node_id", "run_id", "app_id", "board_id", "user_id", "stream_state", "log_level", "node_name")}
    envelope["log_level"] = int(envelope["log_level"])
    if node_name is not None:
        envelope["node_name"] = node_name
    return envelope


def _replay(ctx, response):
    """Hands the module's logs and stream events to the context's host
    bridge, as the node's own calls would have."""
    host = getattr(ctx, "_host", None)
    if host is None:
        return
    for entry in response.get("logs", []):
        host.log(_LEVELS.get(entry.get("level"), 1), entry.get("message", ""))
    for event in response.get("stream", []):
        data = event.get("data")
        if event.get("event") == "text" and isinstance(data, str):
            host.stream_text(data)
        else:
            host.stream(event.get("event", ""), data if isinstance(data, str) else json.dumps(data))


def _module_run(module, original, args):
    __tracebackhide__ = True
    node_name, ctx = (args[0], args[1]) if len(args) == 2 else (None, args[0])
    response = _call({"op": "run", "envelope": _envelope_of(ctx, node_name)})
    result = response["result"]
    error = result.get("error")
    _replay(ctx, response)
    if isinstance(error, str) and error.startswith("Traceback (most recent call last):"):
        raise NodeError("the node raised inside the module:\n" + error)
    if isinstance(ctx, dict):
        return result
    sdk = _sdk_of(module)
    out = sdk.ExecutionResult(outputs=result.get("outputs") or {}, error=error,
                              activate_exec=list(result.get("activate_exec") or []), pending=result.get("pending"))
    if hasattr(ctx, "_result"):
        ctx._result = out
    return out


def _comparable(result):
    if hasattr(result, "to_dict"):
        result = result.to_dict()
    if isinstance(result, dict):
        return {k: result.get(k) for k in ("outputs", "error", "activate_exec") if k in result}
    return result


def _definition_dicts(value):
    if hasattr(value, "to_dict"):
        value = value.to_dict()
    if isinstance(value, list):
        return [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
    return value


def _wrap_run(module, original):
    def run(*args):
        __tracebackhide__ = True
        if _mode == "cpython":
            return original(*args)
        if _mode == "compare":
            import copy

            fresh = copy.deepcopy(args)
            mine = _module_run(module, original, args)
            theirs = original(*fresh)
            if _comparable(mine) != _comparable(theirs):
                _differences.append("run%r:\n  CPython: %r\n  module:  %r" % (args, _comparable(theirs), _comparable(mine)))
            return mine
        return _module_run(module, original, args)

    run.__wrapped__ = original
    return run


def _wrap_definitions(module, original, many):
    def definitions(*args):
        value = original(*args)
        if _mode == "cpython":
            return value
        got = _call({"op": "definitions"})["definitions"]
        expected = _definition_dicts(value)
        expected = expected if isinstance(expected, list) else [expected]
        if many:
            got_cmp = got
        else:
            got_cmp = got[:1]
        if json.loads(json.dumps(expected)) != got_cmp:
            raise AssertionError("the module's definitions differ from CPython's:\n  CPython: %r\n  module:  %r" % (expected, got_cmp))
        return value

    definitions.__wrapped__ = original
    return definitions


def _instrument(module):
    if getattr(module, "__mpnode_instrumented__", False):
        return
    for name in ("get_definition", "get_node"):
        if callable(getattr(module, name, None)):
            setattr(module, name, _wrap_definitions(module, getattr(module, name), False))
    for name in ("get_definitions", "get_nodes"):
        if callable(getattr(module, name, None)):
            setattr(module, name, _wrap_definitions(module, getattr(module, name), True))
    if callable(getattr(module, "run", None)):
        module.run = _wrap_run(module, module.run)
    module.__mpnode_instrumented__ = True


def pytest_configure(config):
    config.addinivalue_line("markers", "cpython: run this test's node calls under CPython, not in the module")
    name = os.environ.get("MPNODE_NODE_MODULE")
    if name:
        import importlib

        _instrument(importlib.import_module(name))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    global _mode
    del _differences[:]
    if item.get_closest_marker("cpython"):
        _mode = "cpython"
    elif os.environ.get("MPNODE_COMPARE") == "1":
        _mode = "compare"
    else:
        _mode = "module"
    try:
        result = yield
    finally:
        _mode = "module"
    if _differences:
        pytest.fail("the module and CPython differ:\n" + "\n".join(_differences), pytrace=False)
    return result


def pytest_report_header(config):
    return "mpnode: node calls run in %s (%s)" % (
        os.environ.get("MPNODE_WASM", "?"),
        "compared with CPython" if os.environ.get("MPNODE_COMPARE") == "1" else "under wasmi",
    )


def pytest_unconfigure(config):
    if _server is not None and _server.poll() is None:
        _server.stdin.close()
        _server.wait()
