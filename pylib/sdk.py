# Flow-Like's Python node SDK (`flow_like_wasm_sdk`, and the template's
# `sdk` module), written for mpnode.
#
# The names, signatures and behaviour follow Flow-Like's Python SDK so that
# node files and their unit tests written for it run unchanged. The same
# file runs on MicroPython v1.9.4 (packed with a node that imports `sdk` or
# `flow_like_wasm_sdk`) and on CPython 3 (an author's tests with
# MockHostBridge), so it sticks to what both understand: no dataclasses, no
# enum, no f-strings, no annotations.
#
# Inside a module, the host is Flow-Like's core-module host, reached through
# the runtime's `_flowlike` module (log, stream). Host functions that hand
# their result back in host memory (variables, cache, storage, HTTP, OAuth,
# models) cannot be read by a core module: variables and the cache live in
# the node's instance instead, the rest raise an error that says so.

import json

try:
    import _flowlike
except ImportError:  # CPython: no module host; tests use MockHostBridge
    _flowlike = None

ABI_VERSION = 1


class LogLevel(int):
    # Flow-Like's IntEnum, without the enum module: ints with a name.
    def __repr__(self):
        return "<LogLevel.%s: %s>" % (self.name, self)

    def __str__(self):
        return str(int(self))

    name = property(lambda self: _LEVELS[self])
    value = property(int)


_LEVELS = ("DEBUG", "INFO", "WARN", "ERROR", "FATAL")
for _i in range(5):
    setattr(LogLevel, _LEVELS[_i], LogLevel(_i))


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

    _ORDER = (EXEC, STRING, I64, F64, BOOL, GENERIC, BYTES, DATE, PATH_BUF, STRUCT)
    _ALL = set(_ORDER)

    @classmethod
    def validate(cls, data_type):
        if data_type not in cls._ALL:
            raise ValueError("Invalid pin data type: %s. Must be one of {%s}" % (
                data_type, ", ".join([repr(t) for t in cls._ORDER])))
        return data_type


def humanize(name):
    return " ".join([w.capitalize() for w in name.split("_") if w])


_humanize = humanize


class _Record:
    # What @dataclass gives Flow-Like's classes: __init__ taking the fields
    # by position or keyword (a `list`/`dict` default is a new one per
    # object), __eq__ and __repr__.
    _fields = ()

    def __init__(self, *args, **kwargs):
        cls = type(self).__name__
        if len(args) > len(self._fields):
            raise TypeError("%s.__init__() takes %d positional arguments but %d were given" % (
                cls, len(self._fields) + 1, len(args) + 1))
        for i, (name, default) in enumerate(self._fields):
            if i < len(args):
                if name in kwargs:
                    raise TypeError("%s.__init__() got multiple values for argument '%s'" % (cls, name))
                value = args[i]
            elif name in kwargs:
                value = kwargs.pop(name)
            elif default is _Record:
                raise TypeError("%s.__init__() missing 1 required positional argument: '%s'" % (cls, name))
            elif default is list or default is dict:
                value = default()
            else:
                value = default
            setattr(self, name, value)
        for name in kwargs:
            raise TypeError("%s.__init__() got an unexpected keyword argument '%s'" % (cls, name))

    def _values(self):
        return [getattr(self, f[0]) for f in self._fields]

    def __eq__(self, other):
        return type(other) is type(self) and self._values() == other._values()

    def __ne__(self, other):
        return not self.__eq__(other)

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(["%s=%r" % (f[0], getattr(self, f[0])) for f in self._fields]))

    def to_json(self):
        return json.dumps(self.to_dict())


_REQUIRED = _Record
_SCORES = ("privacy", "security", "performance", "governance", "reliability", "cost")


class NodeScores(_Record):
    _fields = tuple([(n, 0) for n in _SCORES])

    def to_dict(self):
        return dict([(n, getattr(self, n)) for n in _SCORES])


class PinDefinition(_Record):
    _fields = (("name", _REQUIRED), ("friendly_name", _REQUIRED), ("description", _REQUIRED),
               ("pin_type", _REQUIRED), ("data_type", _REQUIRED), ("default_value", None),
               ("value_type", None), ("schema", None), ("valid_values", None), ("range", None))

    @classmethod
    def input_pin(cls, name, data_type, *, description="", default=None, friendly_name=None):
        PinType.validate(data_type)
        return cls(name, friendly_name or humanize(name), description or "Input: " + name, "Input", data_type, default)

    @classmethod
    def output_pin(cls, name, data_type, *, description="", friendly_name=None):
        PinType.validate(data_type)
        return cls(name, friendly_name or humanize(name), description or "Output: " + name, "Output", data_type)

    @classmethod
    def input_exec(cls, name="exec", *, description=""):
        return cls(name, humanize(name), description or "Input: " + name, "Input", PinType.EXEC)

    @classmethod
    def output_exec(cls, name="exec_out", *, description=""):
        return cls(name, humanize(name), description or "Output: " + name, "Output", PinType.EXEC)

    def with_default(self, value):
        self.default_value = value
        return self

    def with_value_type(self, value_type):
        self.value_type = value_type
        return self

    def with_schema(self, schema):
        self.schema = schema
        return self

    def with_schema_model(self, model):
        # A pydantic BaseModel subclass, or any class with model_json_schema().
        make = getattr(model, "model_json_schema", None)
        if make is None:
            raise TypeError("%r must be a pydantic BaseModel subclass. "
                            "Install pydantic: pip install 'flow-like-wasm-sdk[schema]'" % (model,))
        self.schema = json.dumps(make())
        return self

    def with_valid_values(self, values):
        self.valid_values = values
        return self

    def with_range(self, min_val, max_val):
        self.range = (min_val, max_val)
        return self

    def to_dict(self):
        d = {"name": self.name, "friendly_name": self.friendly_name, "description": self.description,
             "pin_type": self.pin_type, "data_type": self.data_type}
        for key in ("default_value", "value_type", "schema", "valid_values", "range"):
            value = getattr(self, key)
            if value is not None:
                d[key] = list(value) if key == "range" else value
        return d


class NodeDefinition(_Record):
    _fields = (("name", _REQUIRED), ("friendly_name", _REQUIRED), ("description", _REQUIRED),
               ("category", _REQUIRED), ("icon", None), ("pins", list), ("scores", None),
               ("long_running", None), ("docs", None), ("permissions", list), ("abi_version", ABI_VERSION))

    def add_pin(self, pin):
        self.pins.append(pin)
        return self

    def set_scores(self, scores):
        self.scores = scores
        return self

    def set_long_running(self, long_running):
        self.long_running = long_running
        return self

    def add_permission(self, permission):
        self.permissions.append(permission)
        return self

    def to_dict(self):
        d = {"name": self.name, "friendly_name": self.friendly_name, "description": self.description,
             "category": self.category, "pins": [p.to_dict() for p in self.pins], "abi_version": self.abi_version}
        if self.icon is not None:
            d["icon"] = self.icon
        if self.scores is not None:
            d["scores"] = self.scores.to_dict()
        if self.long_running is not None:
            d["long_running"] = self.long_running
        if self.docs is not None:
            d["docs"] = self.docs
        if self.permissions:
            d["permissions"] = self.permissions
        return d


class PackageNodes(_Record):
    _fields = (("nodes", list),)

    def add_node(self, node):
        self.nodes.append(node)
        return self

    def to_dict(self):
        return [n.to_dict() for n in self.nodes]


_INPUT_FIELDS = (("inputs", _REQUIRED), ("node_id", ""), ("run_id", ""), ("app_id", ""), ("board_id", ""),
                 ("user_id", ""), ("stream_state", False), ("log_level", LogLevel.INFO), ("node_name", ""))


class ExecutionInput(_Record):
    _fields = _INPUT_FIELDS

    @classmethod
    def from_dict(cls, data):
        return cls(*[data.get(n, {} if d is _REQUIRED else d) for n, d in _INPUT_FIELDS])

    @classmethod
    def from_json(cls, json_str):
        return cls.from_dict(json.loads(json_str))


class ExecutionResult(_Record):
    _fields = (("outputs", dict), ("error", None), ("activate_exec", list), ("pending", None))

    @classmethod
    def ok(cls):
        return cls()

    @classmethod
    def fail(cls, message):
        return cls(error=message)

    def set_output(self, name, value):
        self.outputs[name] = value
        return self

    def exec(self, pin_name):
        self.activate_exec.append(pin_name)
        return self

    def set_pending(self, pending):
        self.pending = pending
        return self

    def to_dict(self):
        d = {"outputs": self.outputs, "activate_exec": self.activate_exec}
        if self.error is not None:
            d["error"] = self.error
        if self.pending is not None:
            d["pending"] = self.pending
        return d


def _const(value):
    return lambda self, *args: value


class HostBridge:
    # The host's functions as the SDK calls them; this base does nothing:
    # log, stream, stream_text, delete_variable, cache_set, cache_delete
    # return None, as do get_variable, cache_get, storage_dir, upload_dir,
    # cache_dir, user_dir, storage_read, storage_list, embed_text,
    # get_oauth_token, http_request; set_variable, has_variable, cache_has,
    # storage_write, has_oauth_token return False; time_now, random 0.
    pass


for _n in ("log stream stream_text get_variable delete_variable cache_get cache_set cache_delete storage_dir "
           "upload_dir cache_dir user_dir storage_read storage_list embed_text get_oauth_token http_request").split():
    setattr(HostBridge, _n, _const(None))
for _n in ("set_variable", "has_variable", "cache_has", "storage_write", "has_oauth_token"):
    setattr(HostBridge, _n, _const(False))
HostBridge.time_now = HostBridge.random = _const(0)


def _mock_path(path):
    return {"path": path, "store_ref": "mock_store", "cache_store_ref": None}


class MockHostBridge(HostBridge):
    # For tests: records logs and stream events, keeps variables, cache and
    # storage in dicts, answers HTTP with 200 and embeddings with one vector.
    def __init__(self):
        self.logs = []
        self.streams = []
        self.variables = {}
        self.cache_data = {}
        self._time = 0
        self._random_value = 42
        self.storage = {}
        self._embeddings = [[0.1, 0.2, 0.3]]
        self.oauth_tokens = {}

    def log(self, level, message):
        self.logs.append((level, message))

    def stream(self, event_type, data):
        self.streams.append((event_type, data))

    def stream_text(self, content):
        self.streams.append(("text", content))

    def get_variable(self, name):
        return self.variables.get(name)

    def set_variable(self, name, value):
        self.variables[name] = value
        return True

    def delete_variable(self, name):
        self.variables.pop(name, None)

    def has_variable(self, name):
        return name in self.variables

    def cache_get(self, key):
        return self.cache_data.get(key)

    def cache_set(self, key, value):
        self.cache_data[key] = value

    def cache_delete(self, key):
        self.cache_data.pop(key, None)

    def cache_has(self, key):
        return key in self.cache_data

    def time_now(self):
        return self._time

    def random(self):
        return self._random_value

    def storage_dir(self, node_scoped):
        return _mock_path("storage/node" if node_scoped else "storage")

    def upload_dir(self):
        return _mock_path("upload")

    def cache_dir(self, node_scoped, user_scoped):
        return _mock_path("tmp/cache")

    def user_dir(self, node_scoped):
        return _mock_path("users/mock")

    def storage_read(self, flow_path):
        return self.storage.get(flow_path.get("path", ""))

    def storage_write(self, flow_path, data):
        self.storage[flow_path.get("path", "")] = data
        return True

    def storage_list(self, flow_path):
        prefix = flow_path.get("path", "")
        ref = flow_path.get("store_ref", "")
        return [{"path": k, "store_ref": ref, "cache_store_ref": None} for k in self.storage if k.startswith(prefix)]

    def embed_text(self, bit, texts):
        return [self._embeddings[0][:] for _ in texts]

    def get_oauth_token(self, provider):
        return self.oauth_tokens.get(provider)

    def has_oauth_token(self, provider):
        return provider in self.oauth_tokens

    def http_request(self, method, url, headers, body):
        return json.dumps({"status": 200, "headers": {}, "body": "{}"})


def _unavailable(name):
    def call(self, *args):
        raise NotImplementedError(
            "%s is not available to mpnode nodes: Flow-Like's core-module host returns its result in host "
            "memory that a core module cannot read (tests can use MockHostBridge)" % name)
    return call


class _CoreHost(MockHostBridge):
    # Flow-Like's core-module host, as a MicroPython node reaches it:
    # logs and streams go to the host; variables and the cache stay in the
    # node's instance (as MockHostBridge keeps them).
    def log(self, level, message):
        # SDK levels debug 0 .. fatal 4; the host's trace 0 .. error 4.
        _flowlike.log((1, 2, 3, 4, 4)[min(max(int(level), 0), 4)], str(message))

    def stream(self, event_type, data):
        # The host parses emit()'s data as JSON; text goes through text().
        if event_type == "text":
            _flowlike.text(str(data))
        else:
            _flowlike.emit(event_type, data)

    def stream_text(self, content):
        _flowlike.text(str(content))

    def time_now(self):
        import time
        return int(time.time() * 1000)

    def random(self):
        import random
        return random.getrandbits(32)


for _n in ("storage_dir upload_dir cache_dir user_dir storage_read storage_write storage_list embed_text "
           "get_oauth_token has_oauth_token http_request").split():
    setattr(_CoreHost, _n, _unavailable(_n))


_host = _CoreHost() if _flowlike else HostBridge()


def set_host(host):
    global _host
    _host = host


def get_host():
    return _host


def _gate(level):
    def log(self, message):
        if self._input.log_level <= level:
            self._host.log(level, message)
    return log


def _meta(name):
    return property(lambda self: getattr(self._input, name))


class Context:
    def __init__(self, execution_input, host=None):
        self._input = execution_input
        self._result = ExecutionResult.ok()
        self._host = host or _host

    @classmethod
    def from_dict(cls, data, host=None):
        return cls(ExecutionInput.from_dict(data), host)

    @classmethod
    def from_json(cls, json_str, host=None):
        return cls(ExecutionInput.from_json(json_str), host)

    node_id = _meta("node_id")
    node_name = _meta("node_name")
    run_id = _meta("run_id")
    app_id = _meta("app_id")
    board_id = _meta("board_id")
    user_id = _meta("user_id")
    stream_enabled = _meta("stream_state")
    log_level = _meta("log_level")

    # -- inputs: a JSON null is a missing input --

    def get_input(self, name, default=None):
        value = self._input.inputs.get(name)
        return default if value is None else value

    def get_string(self, name, default=None):
        value = self._input.inputs.get(name)
        return default if value is None else str(value)

    def get_i64(self, name, default=None):
        value = self._input.inputs.get(name)
        return default if value is None else int(value)

    def get_f64(self, name, default=None):
        value = self._input.inputs.get(name)
        return default if value is None else float(value)

    def get_bool(self, name, default=None):
        value = self._input.inputs.get(name)
        return default if value is None else bool(value)

    def require_input(self, name):
        value = self._input.inputs.get(name)
        if value is None:
            raise ValueError("Required input '%s' not provided" % name)
        return value

    # -- outputs --

    def set_output(self, name, value):
        self._result.set_output(name, value)

    def activate_exec(self, pin_name):
        self._result.exec(pin_name)

    def set_pending(self, pending):
        self._result.set_pending(pending)

    # -- logging, gated by the run's log level --

    debug = _gate(LogLevel.DEBUG)
    info = _gate(LogLevel.INFO)
    warn = _gate(LogLevel.WARN)
    error = _gate(LogLevel.ERROR)

    # -- streaming, when the run streams --

    def stream_text(self, text):
        if self._input.stream_state:
            self._host.stream("text", text)

    def stream_json(self, data):
        if self._input.stream_state:
            self._host.stream("json", json.dumps(data))

    def stream_progress(self, progress, message=""):
        if self._input.stream_state:
            self._host.stream("progress", json.dumps({"progress": progress, "message": message}))

    # -- variables, cache, storage, models, HTTP, OAuth: the host's --

    def get_variable(self, name, default=None):
        value = self._host.get_variable(name)
        return default if value is None else value

    def storage_dir(self, node_scoped=False):
        return self._host.storage_dir(node_scoped)

    def cache_dir(self, node_scoped=False, user_scoped=False):
        return self._host.cache_dir(node_scoped, user_scoped)

    def user_dir(self, node_scoped=False):
        return self._host.user_dir(node_scoped)

    def http_request(self, method, url, headers=None, body=None):
        result = self._host.http_request(method, url, json.dumps(headers or {}), body)
        return None if result is None else json.loads(result)

    def http_get(self, url, headers=None):
        return self.http_request(0, url, headers)

    def http_post(self, url, body=None, headers=None):
        return self.http_request(1, url, headers, body)

    # -- the result --

    def success(self):
        self._result.exec("exec_out")
        return self._result

    def fail(self, error):
        self._result.error = error
        return self._result

    def finish(self):
        return self._result


def _delegate(name):
    return lambda self, *args: getattr(self._host, name)(*args)


for _n in ("set_variable delete_variable has_variable cache_get cache_set cache_delete cache_has upload_dir "
           "storage_read storage_write storage_list embed_text get_oauth_token has_oauth_token").split():
    setattr(Context, _n, _delegate(_n))


def node(name, friendly_name, description, category, **kwargs):
    return NodeDefinition(name, friendly_name, description, category, **kwargs)


# ---- called by the mpnode shim ------------------------------------------------

def _mpnode_defs(fn):
    defs = fn()
    if isinstance(defs, PackageNodes):
        defs = defs.nodes
    elif not isinstance(defs, (list, tuple)):
        defs = [defs]
    return [d.to_dict() if hasattr(d, "to_dict") else d for d in defs]


def _mpnode_run(run, envelope, nargs):
    # nargs: how many positional arguments `run` takes, read by the shim
    # from the function (1: run(ctx), 2: run(node_name, ctx)).
    ctx = Context(ExecutionInput.from_dict(envelope))
    if nargs == 2:
        r = run(ctx.node_name, ctx)
    elif nargs == 1:
        r = run(ctx)
    else:
        raise TypeError("run() must take (ctx) or (node_name, ctx)")
    if r is None:
        r = ctx.finish()
    return r.to_dict() if hasattr(r, "to_dict") else r
