# Flow-Like-style control-flow nodes: which execution pins fire is the
# node's result. ctx.success() fires exec_out; ctx.finish() fires only the
# pins the node activated (a closed gate fires nothing).
from sdk import Context, ExecutionResult, NodeDefinition, PinDefinition, PinType, LogLevel


def get_definitions():
    gate = NodeDefinition("flow_gate", "Gate", "Passes execution on only while open", "Control/Flow")
    gate.add_pin(PinDefinition.input_exec())
    gate.add_pin(PinDefinition.input_pin("open", PinType.BOOL, default=True))
    gate.add_pin(PinDefinition.output_exec())

    branch = NodeDefinition("flow_threshold", "Threshold", "Branches on a value against a limit", "Control/Flow")
    branch.add_pin(PinDefinition.input_exec())
    branch.add_pin(PinDefinition.input_pin("value", PinType.F64, default=0.0))
    branch.add_pin(PinDefinition.input_pin("limit", PinType.F64, default=1.0))
    branch.add_pin(PinDefinition.output_exec("above"))
    branch.add_pin(PinDefinition.output_exec("below"))
    branch.add_pin(PinDefinition.output_pin("difference", PinType.F64))

    fan = NodeDefinition("flow_fan_out", "Fan Out", "Fires its outputs in order", "Control/Flow", long_running=False)
    fan.add_pin(PinDefinition.input_exec())
    fan.add_pin(PinDefinition.input_pin("count", PinType.I64, default=3).with_range(0, 3))
    for i in (1, 2, 3):
        fan.add_pin(PinDefinition.output_exec("out_%d" % i))
    return [gate, branch, fan]


def run(node_name, ctx):
    if node_name == "flow_gate":
        if ctx.get_bool("open", True):
            return ctx.success()
        ctx.info("gate closed")
        return ctx.finish()
    if node_name == "flow_threshold":
        value = ctx.get_f64("value", 0.0)
        limit = ctx.get_f64("limit", 1.0)
        ctx.set_output("difference", value - limit)
        ctx.activate_exec("above" if value > limit else "below")
        if ctx.log_level <= LogLevel.DEBUG:
            ctx.debug("%s vs %s" % (value, limit))
        return ctx.finish()
    if node_name == "flow_fan_out":
        for i in range(1, min(ctx.get_i64("count", 3), 3) + 1):
            ctx.activate_exec("out_%d" % i)
        return ctx.finish()
    return ctx.fail("Unknown node: " + node_name)
