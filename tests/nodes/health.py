# Test node (issue 16 item 5): runs that leave the interpreter unhealthy.
import gc
import micropython

hoard = []


def get_node():
    return {"name": "health", "friendly_name": "Health", "description": "test", "category": "Test", "pins": []}


def run(context):
    mode = context["inputs"].get("mode", "")
    if mode == "gc_disable":
        gc.disable()
    elif mode == "heap_lock":
        micropython.heap_lock()
    elif mode == "fill":
        # Keep everything: the heap fills up and MemoryError ends the run.
        while True:
            hoard.append("x" * 1000)
    # An ordinary run allocates a little garbage on each call.
    words = [str(i) * 10 for i in range(200)]
    return {"outputs": {"n": len(" ".join(words))}, "error": None}
