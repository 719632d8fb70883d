# Flow-Like SDK style with the syntax real node files use: f-strings,
# variable annotations, `X | None`, typing imports. mpnode lowers them for
# MicroPython v1.9.4 when it packs the node.
from __future__ import annotations

from typing import Optional

from flow_like_wasm_sdk import Context, ExecutionResult, NodeDefinition, PinDefinition, PinType

GREETING: str = "Hello"


def get_definitions() -> list[NodeDefinition]:
    nodes: list[NodeDefinition] = []
    greet = NodeDefinition("py_greet", "Greet", "Greets someone", "Text/Python")
    greet.add_pin(PinDefinition.input_exec())
    greet.add_pin(PinDefinition.input_pin("name", PinType.STRING, default="world"))
    greet.add_pin(PinDefinition.input_pin("times", PinType.I64, default=1))
    greet.add_pin(PinDefinition.output_exec())
    greet.add_pin(PinDefinition.output_pin("greeting", PinType.STRING))
    nodes.append(greet)
    return nodes


def shout(text: str, mark: Optional[str] = None) -> str | None:
    suffix: str = mark or "!"
    return f"{text.upper()}{suffix}"


def run(ctx: Context) -> ExecutionResult:
    name: str = ctx.get_string("name", "world")
    times: int = ctx.get_i64("times", 1)
    parts = [f"{GREETING}, {name}" for _ in range(times)]
    ctx.set_output("greeting", f"{' / '.join(parts)} ({len(name)!r} letters, {times:>3} times) {shout(name)}")
    ctx.debug(f"{{done}} for {name=}")
    return ctx.success()
