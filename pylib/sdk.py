# Flow-Like's Python node SDK surface, for mpnode (MicroPython v1.9.4).
#
# Written for mpnode: the names and behaviour follow Flow-Like's Python SDK
# (`from sdk import Context, ExecutionResult, NodeDefinition, PinDefinition,
# PinType`) so that node files written for it run unchanged. `mpnode build`
# packs this module with a node that imports `sdk` or `flow_like_wasm_sdk`.
# Logging and streaming go to the host through the runtime's `_flowlike`
# module.

import json
import _flowlike

ABI_VERSION = 1

# Flow-Like's host log levels (flowlike_log.log_json): trace 0 .. error 4.
_HOST_LEVEL = (1, 2, 3, 4, 4)


class LogLevel:
    DEBUG = 0
    INFO = 1
    WARN = 2
    ERROR = 3
    FATAL = 4


class PinType:
    EXEC = "Exec"
    STRING = "String"
    I64 = "I64"
    F64 = "F64"
    BOOL = "Bool"
    GENERIC = "Generic"
    BYTES = "Bytes"
    DATE = "Date"
    PATH_BUF = "PathBuf"
    STRUCT = "Struct"

    _ALL = ("Exec", "Execution", "String", "I64", "Integer", "F64", "Float", "Bool", "Boolean",
            "Generic", "Bytes", "Byte", "Date", "PathBuf", "Struct")

    @staticmethod
    def validate(data_type):
        for t in PinType._ALL:
            if t.lower() == str(data_type).lower():
                return t
        raise ValueError("unknown pin data type: %r (expected one of %s)" % (data_type, ", ".join(PinType._ALL)))


def _humanize(name):
    words = [w for w in name.replace("-", "_").split("_") if w]
    return " ".join([w[0].upper() + w[1:] for w in words])


class NodeScores:
    def __init__(self, privacy=0, security=0, performance=0, governance=0, reliability=0, cost=0):
        self.privacy = privacy
        self.security = security
        self.performance = performance
        self.governance = governance
        self.reliability = reliability
        self.cost = cost

    def to_dict(self):
        return {"privacy": self.privacy, "security": self.security, "performance": self.performance,
                "governance": self.governance, "reliability": self.reliability, "cost": self.cost}


class PinDefinition:
    def __init__(self, name, friendly_name, description, pin_type, data_type):
        self.name = name
        self.friendly_name = friendly_name
        self.description = description
        self.pin_type = pin_type
        self.data_type = PinType.validate(data_type)
        self.default_value = None
        self.value_type = None
        self.schema = None
        self.valid_values = None
        self.range = None

    @staticmethod
    def input_pin(name, data_type, *, description="", default=None, friendly_name=None):
        pin = PinDefinition(name, friendly_name or _humanize(name), description, "Input", data_type)
        pin.default_value = default
        return pin

    @staticmethod
    def output_pin(name, data_type, *, description="", friendly_name=None):
        return PinDefinition(name, friendly_name or _humanize(name), description, "Output", data_type)

    @staticmethod
    def input_exec(name="exec"):
        return PinDefinition(name, _humanize(name), "", "Input", PinType.EXEC)

    @staticmethod
    def output_exec(name="exec_out"):
        return PinDefinition(name, _humanize(name), "", "Output", PinType.EXEC)

    def with_default(self, value):
        self.default_value = value
        return self

    def with_value_type(self, value_type):
        self.value_type = value_type
        return self

    def with_schema(self, schema):
        self.schema = schema if isinstance(schema, str) else json.dumps(schema)
        return self

    def with_valid_values(self, values):
        self.valid_values = list(values)
        return self

    def with_range(self, low, high):
        self.range = [low, high]
        return self

    def to_dict(self):
        d = {"name": self.name, "friendly_name": self.friendly_name, "description": self.description,
             "pin_type": self.pin_type, "data_type": self.data_type}
        for key in ("default_value", "value_type", "schema", "valid_values", "range"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        return d


class NodeDefinition:
    def __init__(self, name, friendly_name, description, category):
        self.name = name
        self.friendly_name = friendly_name
        self.description = description
        self.category = category
        self.pins = []
        self.scores = None
        self.long_running = None
        self.permissions = []
        self.icon = None
        self.docs = None
        self.abi_version = ABI_VERSION

    def add_pin(self, pin):
        self.pins.append(pin)
        return self

    def set_scores(self, scores):
        self.scores = scores
        return self

    def set_long_running(self, long_running=True):
        self.long_running = long_running
        return self

    def add_permission(self, permission):
        self.permissions.append(permission)
        return self

    def to_dict(self):
        d = {"name": self.name, "friendly_name": self.friendly_name, "description": self.description,
             "category": self.category, "pins": [p.to_dict() for p in self.pins], "abi_version": self.abi_version}
        if self.scores is not None:
            d["scores"] = self.scores.to_dict()
        if self.long_running is not None:
            d["long_running"] = self.long_running
        if self.permissions:
            d["permissions"] = list(self.permissions)
        if self.icon is not None:
            d["icon"] = self.icon
        if self.docs is not None:
            d["docs"] = self.docs
        return d

    def to_json(self):
        return json.dumps(self.to_dict())


def node(name, friendly_name, description, category, **kwargs):
    d = NodeDefinition(name, friendly_name, description, category)
    for key in kwargs:
        setattr(d, key, kwargs[key])
    return d


class ExecutionResult:
    def __init__(self):
        self.outputs = {}
        self.error = None
        self.activate_exec = None  # None: mpnode activates exec_out on success
        self.pending = None

    @staticmethod
    def ok():
        return ExecutionResult()

    @staticmethod
    def fail(message):
        r = ExecutionResult()
        r.error = str(message)
        return r

    def set_output(self, name, value):
        self.outputs[name] = value
        return self

    def exec(self, pin):
        if self.activate_exec is None:
            self.activate_exec = []
        if pin not in self.activate_exec:
            self.activate_exec.append(pin)
        return self

    def set_pending(self, pending=True):
        self.pending = pending
        return self

    def to_dict(self):
        d = {"outputs": self.outputs, "error": self.error, "pending": self.pending}
        if self.activate_exec is not None:
            d["activate_exec"] = self.activate_exec
        return d

    def to_json(self):
        return json.dumps(self.to_dict())


# Flow-Like's variable store hands strings back as host-side offsets a guest
# cannot read; variables here live in the node's instance instead.
_variables = {}


class Context:
    def __init__(self, envelope):
        self._envelope = envelope
        self._inputs = envelope.get("inputs") or {}
        self._result = ExecutionResult()

    node_id = property(lambda self: self._envelope.get("node_id"))
    node_name = property(lambda self: self._envelope.get("node_name"))
    run_id = property(lambda self: self._envelope.get("run_id"))
    app_id = property(lambda self: self._envelope.get("app_id"))
    board_id = property(lambda self: self._envelope.get("board_id"))
    user_id = property(lambda self: self._envelope.get("user_id"))
    stream_enabled = property(lambda self: bool(self._envelope.get("stream_state")))
    log_level = property(lambda self: self._envelope.get("log_level", LogLevel.INFO))

    def get_input(self, name, default=None):
        return self._inputs.get(name, default)

    def require_input(self, name):
        if name not in self._inputs:
            raise ValueError("required input '%s' is missing" % name)
        return self._inputs[name]

    def get_string(self, name, default=None):
        v = self._inputs.get(name, default)
        return v if v is None else str(v)

    def get_i64(self, name, default=None):
        v = self._inputs.get(name, default)
        return v if v is None else int(v)

    def get_f64(self, name, default=None):
        v = self._inputs.get(name, default)
        return v if v is None else float(v)

    def get_bool(self, name, default=None):
        v = self._inputs.get(name, default)
        return v if v is None else bool(v)

    def set_output(self, name, value):
        self._result.set_output(name, value)

    def activate_exec(self, pin):
        self._result.exec(pin)

    def set_pending(self, pending=True):
        self._result.set_pending(pending)

    def _log(self, level, message):
        if level >= (self.log_level or 0):
            _flowlike.log(_HOST_LEVEL[level], str(message))

    def debug(self, message):
        self._log(LogLevel.DEBUG, message)

    def info(self, message):
        self._log(LogLevel.INFO, message)

    def warn(self, message):
        self._log(LogLevel.WARN, message)

    def error(self, message):
        self._log(LogLevel.ERROR, message)

    def stream_text(self, text):
        if self.stream_enabled:
            _flowlike.text(str(text))

    def stream_json(self, data):
        if self.stream_enabled:
            _flowlike.emit("json", json.dumps(data))

    def stream_progress(self, progress, message=""):
        if self.stream_enabled:
            _flowlike.emit("progress", json.dumps({"progress": progress, "message": message}))

    def get_variable(self, name, default=None):
        return _variables.get(name, default)

    def set_variable(self, name, value):
        _variables[name] = value

    def success(self):
        self._result.exec("exec_out")
        return self._result

    def fail(self, message):
        self._result.error = str(message)
        return self._result

    def finish(self):
        return self._result


# ---- called by the mpnode shim ------------------------------------------------

def _mpnode_defs(fn):
    defs = fn()
    if not isinstance(defs, (list, tuple)):
        defs = [defs]
    return [d.to_dict() if hasattr(d, "to_dict") else d for d in defs]


def _mpnode_run(run, envelope):
    ctx = Context(envelope)
    r = run(ctx)
    if r is None:
        r = ctx.finish()
    if hasattr(r, "to_dict"):
        return r.to_dict()
    return r
