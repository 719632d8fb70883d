# Flow-Like's SDK package name: the same objects as mpnode's `sdk` module,
# with Flow-Like's submodules (types, context, host, helpers).
from sdk import *
from sdk import ABI_VERSION, LogLevel, PinType, NodeScores, PinDefinition, NodeDefinition, PackageNodes
from sdk import ExecutionInput, ExecutionResult, Context, HostBridge, MockHostBridge, set_host, get_host, node, humanize
