"""Two Flow-Like SDK-style nodes in one package, dispatched by node name."""

from sdk import Context, ExecutionResult, NodeDefinition, PinDefinition, PinType


def get_definitions():
    shout = NodeDefinition("tt_shout", "Shout", "Upper-cases text", "Text")
    shout.add_pin(PinDefinition.input_exec())
    shout.add_pin(PinDefinition.input_pin("text", PinType.STRING, default=""))
    shout.add_pin(PinDefinition.output_exec())
    shout.add_pin(PinDefinition.output_pin("loud", PinType.STRING))
    count = NodeDefinition("tt_count", "Count words", "Counts words", "Text")
    count.add_pin(PinDefinition.input_exec())
    count.add_pin(PinDefinition.input_pin("text", PinType.STRING, default=""))
    count.add_pin(PinDefinition.output_exec())
    count.add_pin(PinDefinition.output_pin("words", PinType.I64))
    return [shout, count]


def run(node_name: str, ctx: Context) -> ExecutionResult:
    text = ctx.get_string("text", "")
    if node_name == "tt_shout":
        ctx.set_output("loud", text.upper() + "!")
        ctx.info(f"shouted {len(text)} characters")
        return ctx.success()
    if node_name == "tt_count":
        words = len(text.split())
        ctx.set_output("words", words)
        ctx.debug("counted")
        return ctx.success()
    return ctx.fail(f"unknown node {node_name}")
