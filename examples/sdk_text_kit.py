# A Flow-Like-style multi-node package: one run(node_name, ctx) that
# dispatches on the node's name, as Flow-Like's Python template examples do.
from flow_like_wasm_sdk import Context, ExecutionResult, NodeDefinition, PinDefinition, PinType, NodeScores


def _text_node(name: str, friendly: str, description: str) -> NodeDefinition:
    nd = NodeDefinition(name, friendly, description, "Text/Kit", docs=f"`{name}`: {description.lower()}")
    nd.add_pin(PinDefinition.input_exec())
    nd.add_pin(PinDefinition.input_pin("text", PinType.STRING, default=""))
    nd.add_pin(PinDefinition.output_exec())
    nd.set_scores(NodeScores(privacy=10, security=10, performance=9))
    return nd


def get_definitions() -> list[NodeDefinition]:
    slug = _text_node("kit_slugify", "Slugify", "Turns text into a URL slug")
    slug.add_pin(PinDefinition.input_pin("separator", PinType.STRING, default="-").with_valid_values(["-", "_", "."]))
    slug.add_pin(PinDefinition.output_pin("slug", PinType.STRING))

    stats = _text_node("kit_word_stats", "Word Stats", "Counts words and finds the longest")
    stats.add_pin(PinDefinition.output_pin("words", PinType.I64))
    stats.add_pin(PinDefinition.output_pin("longest", PinType.STRING))
    stats.add_permission("streaming")

    clip = _text_node("kit_clip", "Clip", "Shortens text to a number of characters")
    clip.add_pin(PinDefinition.input_pin("limit", PinType.I64, default=10).with_range(0, 1000))
    clip.add_pin(PinDefinition.output_pin("clipped", PinType.STRING))
    clip.add_pin(PinDefinition.output_exec("was_clipped", description="Fires when the text was shortened"))
    return [slug, stats, clip]


def run_slugify(ctx: Context) -> ExecutionResult:
    sep = ctx.get_string("separator", "-")
    words = "".join([c if c.isalpha() or c.isdigit() else " " for c in ctx.get_string("text", "").lower()]).split()
    ctx.set_output("slug", sep.join(words))
    return ctx.success()


def run_word_stats(ctx: Context) -> ExecutionResult:
    words = ctx.get_string("text", "").split()
    ctx.set_output("words", len(words))
    ctx.set_output("longest", max(words, key=len) if words else "")
    ctx.stream_progress(1.0, f"{len(words)} words")
    ctx.debug(f"words: {words}")
    return ctx.success()


def run_clip(ctx: Context) -> ExecutionResult:
    text = ctx.get_string("text", "")
    limit = ctx.get_i64("limit", 10)
    if limit < 0:
        return ctx.fail(f"limit must not be negative, got {limit}")
    ctx.set_output("clipped", text[:limit])
    if len(text) > limit:
        ctx.activate_exec("was_clipped")
    return ctx.success()


DISPATCH = {
    "kit_slugify": run_slugify,
    "kit_word_stats": run_word_stats,
    "kit_clip": run_clip,
}


def run(node_name: str, ctx: Context) -> ExecutionResult:
    handler = DISPATCH.get(node_name)
    if handler is None:
        return ctx.fail(f"Unknown node: {node_name}")
    return handler(ctx)
