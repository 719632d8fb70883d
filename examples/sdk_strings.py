# A multi-node string toolkit in Flow-Like's Python SDK style.
from sdk import Context, ExecutionResult, NodeDefinition, PinDefinition, PinType, NodeScores


def _base(name, friendly, description):
    d = NodeDefinition(name, friendly, description, "Text/Python")
    d.add_pin(PinDefinition.input_exec())
    d.add_pin(PinDefinition.input_pin("text", PinType.STRING, description="Text to work on", default=""))
    d.add_pin(PinDefinition.output_exec())
    d.set_scores(NodeScores(privacy=10, performance=9))
    return d


def get_definitions():
    reverse = _base("py_reverse", "Reverse Text", "Reverses the text")
    reverse.add_pin(PinDefinition.output_pin("reversed", PinType.STRING))
    count = _base("py_word_count", "Word Count", "Counts the words in the text")
    count.add_pin(PinDefinition.output_pin("words", PinType.I64))
    return [reverse, count]


def run(ctx):
    text = ctx.get_string("text", "")
    if ctx.node_name == "py_word_count":
        ctx.set_output("words", len(text.split()))
        ctx.info("counted %d words" % len(text.split()))
    else:
        ctx.set_output("reversed", "".join(reversed(text)))
    return ctx.success()
