# Logs and streams progress while it works (SDK style): ctx.info/debug go to
# Flow-Like's log, stream_progress/stream_text to its stream when streaming.
from sdk import Context, NodeDefinition, PinDefinition, PinType


def get_definition():
    d = NodeDefinition("py_count_words", "Count Words (streaming)", "Counts words, reporting progress", "Text/Python")
    d.add_pin(PinDefinition.input_exec())
    d.add_pin(PinDefinition.input_pin("lines", PinType.GENERIC, description="Lines of text"))
    d.add_pin(PinDefinition.output_exec())
    d.add_pin(PinDefinition.output_pin("words", PinType.I64))
    d.add_permission("streaming")
    return d


def run(ctx):
    lines = ctx.get_input("lines", [])
    total = 0
    for i, line in enumerate(lines):
        total += len(line.split())
        ctx.stream_progress(int(100 * (i + 1) / len(lines)), "line %d of %d" % (i + 1, len(lines)))
        ctx.debug("line %d has %d words" % (i + 1, len(line.split())))
    ctx.stream_text("counted %d words" % total)
    ctx.info("done: %d words in %d lines" % (total, len(lines)))
    ctx.set_output("words", total)
    return ctx.success()
