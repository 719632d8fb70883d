# inputs: {"events": ["start", "pause", "resume", "stop", "start"]}
from enum import Enum


class State(Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


MOVES = {
    (State.IDLE, "start"): State.RUNNING,
    (State.RUNNING, "pause"): State.PAUSED,
    (State.PAUSED, "resume"): State.RUNNING,
    (State.RUNNING, "stop"): State.STOPPED,
    (State.PAUSED, "stop"): State.STOPPED,
}


def get_node():
    return {"name": "enum_state", "friendly_name": "enum_state", "description": "corpus program", "category": "Test", "pins": []}


def run(context):
    state = State.IDLE
    trail = []
    for ev in context["inputs"]["events"]:
        nxt = MOVES.get((state, ev))
        if nxt is None:
            trail.append(f"ignored {ev!r} in {state.name}")
            continue
        state = nxt
        trail.append(state.value)
    return {"outputs": {"final": state.name, "trail": trail, "members": [m.name for m in State],
                        "repr": repr(State.PAUSED)}, "error": None}
