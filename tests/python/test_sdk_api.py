"""mpnode's sdk module under CPython 3, tested as a node author tests a
node written for Flow-Like's Python SDK: with unittest and MockHostBridge,
importing `flow_like_wasm_sdk` (and `sdk`). Run by tests/sdk_cpython.rs with
PYTHONPATH holding pylib/sdk.py, pylib/flow_like_wasm_sdk/ and examples/.
"""

import json
import unittest

import sdk
from flow_like_wasm_sdk import (ABI_VERSION, Context, ExecutionInput, ExecutionResult, LogLevel, MockHostBridge,
                                NodeDefinition, NodeScores, PackageNodes, PinDefinition, PinType, humanize, node)
from flow_like_wasm_sdk.context import Context as ContextFromSubmodule
from flow_like_wasm_sdk.helpers import node as node_helper
from flow_like_wasm_sdk.host import HostBridge, get_host, set_host
from flow_like_wasm_sdk.types import ExecutionResult as ResultFromSubmodule


def make_context(inputs=None, host=None, node_name="", stream=False, log_level=LogLevel.DEBUG):
    ei = ExecutionInput(inputs=inputs or {}, node_id="node-1", run_id="run-1", app_id="app-1", board_id="board-1",
                        user_id="user-1", stream_state=stream, log_level=log_level, node_name=node_name)
    return Context(ei, host or MockHostBridge())


class ImportNames(unittest.TestCase):
    def test_one_module_two_names(self):
        self.assertIs(Context, sdk.Context)
        self.assertIs(ContextFromSubmodule, sdk.Context)
        self.assertIs(ResultFromSubmodule, sdk.ExecutionResult)
        self.assertIs(node_helper, sdk.node)
        self.assertEqual(ABI_VERSION, 1)


class LogLevels(unittest.TestCase):
    def test_behaves_as_an_int_enum(self):
        self.assertEqual([int(level) for level in (LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR,
                                                   LogLevel.FATAL)], [0, 1, 2, 3, 4])
        self.assertEqual(LogLevel.WARN.name, "WARN")
        self.assertEqual(LogLevel.WARN.value, 2)
        self.assertEqual(repr(LogLevel.ERROR), "<LogLevel.ERROR: 3>")
        self.assertEqual(str(LogLevel.ERROR), "3")
        self.assertTrue(1 <= LogLevel.WARN < LogLevel.ERROR)
        self.assertEqual(LogLevel(4), LogLevel.FATAL)
        self.assertIsInstance(LogLevel.INFO, int)


class Definitions(unittest.TestCase):
    def test_pin_defaults(self):
        pin = PinDefinition.input_pin("max_items", PinType.I64, default=3)
        self.assertEqual((pin.friendly_name, pin.description, pin.pin_type), ("Max Items", "Input: max_items", "Input"))
        out = PinDefinition.output_pin("result", PinType.STRING, description="the result")
        self.assertEqual((out.friendly_name, out.description), ("Result", "the result"))
        self.assertEqual(PinDefinition.output_exec().description, "Output: exec_out")

    def test_validate_is_strict(self):
        self.assertEqual(PinType.validate("Struct"), "Struct")
        for bad in ("Integer", "string", "Float"):
            with self.assertRaisesRegex(ValueError, "Invalid pin data type: " + bad):
                PinDefinition.input_pin("x", bad)

    def test_builders_and_dict(self):
        pin = PinDefinition.input_pin("pct", PinType.F64).with_range(0.0, 100.0).with_schema('{"type":"number"}')
        self.assertEqual(pin.range, (0.0, 100.0))
        self.assertEqual(pin.to_dict()["range"], [0.0, 100.0])
        self.assertNotIn("default_value", pin.to_dict())

        class Model:
            @classmethod
            def model_json_schema(cls):
                return {"type": "object", "properties": {}}
        self.assertEqual(json.loads(PinDefinition.input_pin("c", PinType.STRUCT).with_schema_model(Model).schema)["type"],
                         "object")
        with self.assertRaises(TypeError):
            PinDefinition.input_pin("c", PinType.STRUCT).with_schema_model(object())

    def test_node_definition_keyword_fields(self):
        nd = NodeDefinition("n", "N", "d", "C", icon="i", docs="doc", long_running=True, scores=NodeScores(cost=2),
                            permissions=["http"])
        d = nd.to_dict()
        self.assertEqual((d["icon"], d["docs"], d["long_running"], d["scores"]["cost"], d["permissions"]),
                         ("i", "doc", True, 2, ["http"]))
        self.assertEqual(NodeDefinition("n", "N", "d", "C"), NodeDefinition(name="n", friendly_name="N", description="d",
                                                                             category="C"))
        self.assertIsNot(NodeDefinition("a", "A", "d", "c").pins, NodeDefinition("a", "A", "d", "c").pins)
        with self.assertRaises(TypeError):
            NodeDefinition("n", "N", "d", "C", colour="red")
        self.assertEqual(node("x", "X", "d", "c", icon="z").icon, "z")
        self.assertEqual(humanize("to_upper_case"), "To Upper Case")

    def test_package_nodes(self):
        pkg = PackageNodes().add_node(NodeDefinition("a", "A", "d", "c"))
        self.assertEqual([n["name"] for n in json.loads(pkg.to_json())], ["a"])


class Results(unittest.TestCase):
    def test_flow_like_shapes(self):
        self.assertEqual(ExecutionResult.ok().to_dict(), {"outputs": {}, "activate_exec": []})
        self.assertEqual(ExecutionResult.fail("x").set_pending(True).to_dict(),
                         {"outputs": {}, "activate_exec": [], "error": "x", "pending": True})

    def test_context_rules(self):
        self.assertEqual(make_context().success().activate_exec, ["exec_out"])
        self.assertEqual(make_context().finish().activate_exec, [])
        ctx = make_context()
        ctx.activate_exec("true")
        self.assertEqual(ctx.finish().activate_exec, ["true"])
        failed = make_context().fail("no")
        self.assertEqual((failed.error, failed.activate_exec), ("no", []))


class Inputs(unittest.TestCase):
    def test_null_is_missing(self):
        ctx = make_context({"x": None, "n": "5"})
        self.assertEqual(ctx.get_string("x", "d"), "d")
        self.assertEqual(ctx.get_i64("x", 9), 9)
        self.assertIsNone(ctx.get_bool("x"))
        self.assertEqual(ctx.get_i64("n"), 5)
        self.assertEqual(ctx.get_f64("n"), 5.0)
        with self.assertRaisesRegex(ValueError, "Required input 'x' not provided"):
            ctx.require_input("x")


class Host(unittest.TestCase):
    def test_logging_is_gated_and_recorded(self):
        host = MockHostBridge()
        ctx = make_context(host=host, log_level=LogLevel.WARN)
        ctx.debug("d")
        ctx.warn("w")
        ctx.error("e")
        self.assertEqual(host.logs, [(LogLevel.WARN, "w"), (LogLevel.ERROR, "e")])

    def test_streams_only_when_streaming(self):
        host = MockHostBridge()
        make_context(host=host).stream_text("no")
        make_context(host=host, stream=True).stream_progress(0.5, "half")
        self.assertEqual([e for e, _ in host.streams], ["progress"])

    def test_variables_cache_storage_http(self):
        host = MockHostBridge()
        ctx = make_context(host=host)
        self.assertIs(ctx.set_variable("v", 1), True)
        self.assertEqual((ctx.get_variable("v"), ctx.has_variable("v")), (1, True))
        ctx.cache_set("k", [1])
        self.assertTrue(ctx.cache_has("k"))
        ctx.storage_write({"path": "a/b"}, b"data")
        self.assertEqual(ctx.storage_read({"path": "a/b"}), b"data")
        self.assertEqual(ctx.http_get("https://example.com")["status"], 200)
        self.assertIsNone(make_context(host=HostBridge()).http_get("https://example.com"))

    def test_set_host_is_the_default_of_new_contexts(self):
        original = get_host()
        try:
            mock = MockHostBridge()
            set_host(mock)
            Context.from_json(json.dumps({"inputs": {}, "log_level": 0})).info("hi")
            self.assertEqual(mock.logs, [(LogLevel.INFO, "hi")])
        finally:
            set_host(original)


class Examples(unittest.TestCase):
    # mpnode's own Flow-Like-style examples, tested the way Flow-Like's
    # template tests its examples.
    def test_text_kit(self):
        import sdk_text_kit
        self.assertEqual([d.name for d in sdk_text_kit.get_definitions()], ["kit_slugify", "kit_word_stats", "kit_clip"])
        r = sdk_text_kit.run("kit_slugify", make_context({"text": "Hi there!", "separator": "."}))
        self.assertEqual(r.outputs, {"slug": "hi.there"})
        host = MockHostBridge()
        r = sdk_text_kit.run("kit_word_stats", make_context({"text": "a bb"}, host=host, stream=True))
        self.assertEqual((r.outputs["words"], r.outputs["longest"]), (2, "bb"))
        self.assertEqual(json.loads(host.streams[0][1])["message"], "2 words")
        r = sdk_text_kit.run("kit_clip", make_context({"text": "abcdef", "limit": 3}))
        self.assertEqual((r.outputs, r.activate_exec), ({"clipped": "abc"}, ["was_clipped", "exec_out"]))
        self.assertIn("Unknown node", sdk_text_kit.run("nope", make_context()).error)

    def test_flow_control(self):
        import sdk_flow_control
        self.assertEqual(sdk_flow_control.run("flow_gate", make_context({"open": False})).activate_exec, [])
        self.assertEqual(sdk_flow_control.run("flow_gate", make_context({"open": None})).activate_exec, ["exec_out"])
        r = sdk_flow_control.run("flow_threshold", make_context({"value": 0.5}))
        self.assertEqual((r.outputs["difference"], r.activate_exec), (-0.5, ["below"]))
        self.assertEqual(sdk_flow_control.run("flow_fan_out", make_context({"count": 2})).activate_exec,
                         ["out_1", "out_2"])


if __name__ == "__main__":
    unittest.main()
